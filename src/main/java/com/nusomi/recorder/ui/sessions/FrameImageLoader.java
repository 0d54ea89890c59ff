package com.nusomi.recorder.ui.sessions;

import com.nusomi.recorder.app.TaskRunner;
import com.nusomi.recorder.client.SessionsClient;
import com.nusomi.recorder.client.model.FrameImage;
import com.nusomi.recorder.ui.common.Failure;
import com.nusomi.recorder.ui.common.FrameDecoding;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The film strip's images of one session at a time: each fetched and decoded off the UI thread through the
 * client (once, however many ask) into an LRU {@link FrameCache}; and the preview, the image of the current frame,
 * loaded one request at a time and always for the frame that is current when the last one lands. An answer for an
 * earlier session is dropped; one for a frame that is no longer current only fills the cache. Generic over the
 * decoded image type so that it can be tested without a toolkit.
 *
 * @param <I> the decoded image (a JavaFX {@code Image} in the app)
 */
final class FrameImageLoader<I> {
    private final TaskRunner tasks;
    private final Supplier<SessionsClient> client;
    private final BiFunction<FrameImage, Integer, I> decoder;
    private final FrameCache<I> cache;
    private final Supplier<Long> currentSeq;
    private final Consumer<String> failure;
    private final Map<Long, List<BiConsumer<I, Throwable>>> inFlight = new HashMap<>();
    private final ReadOnlyObjectWrapper<I> image = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Long> imageSeq = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private String sessionId;
    private long generation;
    private boolean previewFetching;
    private Integer frameWidth;
    private double shownWidth;

    /**
     * Loads through {@code client}, decoding with {@code decoder} at a width (0: full size, see {@link
     * #setShownWidth}); {@code currentSeq} tells which frame is current now, {@code failure} is told what failed to
     * load (null when the preview loaded).
     */
    FrameImageLoader(
            TaskRunner tasks,
            Supplier<SessionsClient> client,
            BiFunction<FrameImage, Integer, I> decoder,
            FrameCache<I> cache,
            Supplier<Long> currentSeq,
            Consumer<String> failure) {
        this.tasks = tasks;
        this.client = client;
        this.decoder = decoder;
        this.cache = cache;
        this.currentSeq = currentSeq;
        this.failure = failure;
    }

    /** Starts over for another session (or none): nothing shown, answers still on the way are dropped. */
    void reset(String id) {
        generation++;
        sessionId = id;
        previewFetching = false;
        frameWidth = null;
        inFlight.clear();
        image.set(null);
        imageSeq.set(null);
        loading.set(false);
    }

    /** The session's frames are this many pixels wide (null: not known). */
    void setFrameWidth(Integer width) {
        frameWidth = width;
    }

    /**
     * The images are drawn {@code devicePixels} wide now: decoded at about that width from now on ({@link
     * FrameDecoding#width}), and {@link #reload reloaded} when that changes the width. Tells whether it did.
     */
    boolean setShownWidth(double devicePixels) {
        int before = decodeWidth();
        shownWidth = devicePixels;
        if (decodeWidth() == before || sessionId == null) {
            return false;
        }
        reload();
        return true;
    }

    private int decodeWidth() {
        return FrameDecoding.width(frameWidth, shownWidth);
    }

    /**
     * Forgets the session's images (their bytes changed: a redaction; or they are wanted at another width): the cached
     * ones and the answers still on the way (they may hold the old bytes). Whoever was waiting for an image gets the
     * new one instead, and the current frame is fetched again. What is shown stays until it lands.
     */
    void reload() {
        if (sessionId == null) {
            return;
        }
        generation++;
        previewFetching = false;
        Map<Long, List<BiConsumer<I, Throwable>>> waiting = new HashMap<>(inFlight);
        inFlight.clear();
        cache.removeSession(sessionId);
        waiting.forEach((seq, callbacks) -> callbacks.forEach(cb -> fetch(seq, cb)));
        Long now = currentSeq.get();
        if (now != null) {
            preview(now);
        }
    }

    /** Shows a cached image at once; otherwise fetches, one preview request at a time, always the newest. */
    void preview(long seq) {
        I cached = cache.get(sessionId, seq);
        if (cached != null) {
            image.set(cached);
            imageSeq.set(seq);
            loading.set(false);
            failure.accept(null);
            return;
        }
        loading.set(true);
        failure.accept(null);
        if (previewFetching) {
            return;
        }
        previewFetching = true;
        fetch(seq, (img, e) -> {
            previewFetching = false;
            Long now = currentSeq.get();
            if (now == null) {
                return;
            }
            if (now != seq) {
                preview(now);
                return;
            }
            loading.set(false);
            if (e != null) {
                failure.accept(describe("Could not load frame " + seq, e));
            } else {
                image.set(img);
                imageSeq.set(seq);
            }
        });
    }

    /** Fetches and decodes one frame off the UI thread (once, however many ask); drops answers of an old session. */
    void fetch(long seq, BiConsumer<I, Throwable> done) {
        I cached = cache.get(sessionId, seq);
        if (cached != null) {
            done.accept(cached, null);
            return;
        }
        List<BiConsumer<I, Throwable>> waiting = inFlight.get(seq);
        if (waiting != null) {
            waiting.add(done);
            return;
        }
        waiting = new ArrayList<>();
        waiting.add(done);
        inFlight.put(seq, waiting);
        long gen = generation;
        String id = sessionId;
        int w = decodeWidth();
        tasks.run(
                () -> decoder.apply(client.get().frames().get(id, seq).execute(), w),
                img -> finish(gen, id, seq, img, null),
                e -> finish(gen, id, seq, null, e));
    }

    private void finish(long gen, String id, long seq, I img, Throwable e) {
        if (gen != generation) {
            return;
        }
        if (img != null) {
            cache.put(id, seq, img);
        }
        List<BiConsumer<I, Throwable>> waiting = inFlight.remove(seq);
        if (waiting != null) {
            waiting.forEach(cb -> cb.accept(img, e));
        }
    }

    /** What failed, why, and the server's request id when there is one. */
    static String describe(String what, Throwable e) {
        Failure f = Failure.of(what, e, null);
        return what + ": " + f.detail() + (f.requestId() != null ? " (request " + f.requestId() + ")" : "");
    }

    ReadOnlyObjectProperty<I> imageProperty() {
        return image.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<Long> imageSeqProperty() {
        return imageSeq.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }
}
