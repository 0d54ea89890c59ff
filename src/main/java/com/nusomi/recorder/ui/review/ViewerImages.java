package com.nusomi.recorder.ui.review;

import com.nusomi.recorder.app.TaskRunner;
import com.nusomi.recorder.client.SessionsClient;
import com.nusomi.recorder.ui.common.FrameDecoding;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import javafx.scene.image.Image;

/**
 * The viewer's images of one session: each frame fetched through the client and decoded off the UI thread at the
 * width it is shown at (JavaFX scales while it decodes, so a 1080p frame shown 960 px wide costs a quarter of the
 * pixels), kept in a least-recently-used cache bounded by count and by pixel bytes, and fetched ahead of the
 * playhead with a few requests at most in flight. Answers for another session are dropped. UI thread only.
 */
final class ViewerImages {
    /** At most this many images... */
    static final int MAX_IMAGES = 48;
    /** ...and this many bytes of pixels (4 a pixel), less in a small heap ({@link FrameDecoding#pixelBudget}). */
    static final long MAX_BYTES = FrameDecoding.pixelBudget(160L * 1024 * 1024);
    /** Fetches ahead at most this many at a time (the current frame's own fetch comes on top). */
    static final int MAX_AHEAD_IN_FLIGHT = 3;

    private record Key(long seq, int width) {}

    private final TaskRunner tasks;
    private final Supplier<SessionsClient> client;
    private final LinkedHashMap<Key, Image> cache = new LinkedHashMap<>(16, 0.75f, true);
    private final Map<Key, List<BiConsumer<Image, Throwable>>> inFlight = new HashMap<>();
    private long weight;
    private int ahead;
    private Runnable onSlotFree = () -> {};
    private String sessionId;
    private long generation;

    ViewerImages(TaskRunner tasks, Supplier<SessionsClient> client) {
        this.tasks = tasks;
        this.client = client;
    }

    /** Starts over for session {@code id} (or none): the cache emptied, answers on the way dropped. */
    void reset(String id) {
        if (id != null && id.equals(sessionId)) {
            return;
        }
        generation++;
        sessionId = id;
        cache.clear();
        inFlight.clear();
        weight = 0;
        ahead = 0;
    }

    /** Empties the cache and drops the answers on the way, for the same session. */
    void forget() {
        String id = sessionId;
        sessionId = null;
        reset(id);
    }

    /** Runs {@code action} each time a fetch ahead lands, so that the next can start. */
    void setOnSlotFree(Runnable action) {
        onSlotFree = action;
    }

    /** The image of frame {@code seq} decoded {@code width} wide (0: full size), if it is cached. */
    Image cached(long seq, int width) {
        return cache.get(new Key(seq, width));
    }

    /** Any cached image of frame {@code seq}, the widest, or null (shown while the right one loads). */
    Image anyCached(long seq) {
        Image best = null;
        for (Map.Entry<Key, Image> e : cache.entrySet()) {
            if (e.getKey().seq() == seq && (best == null || e.getValue().getWidth() > best.getWidth())) {
                best = e.getValue();
            }
        }
        return best;
    }

    /** Fetches and decodes frame {@code seq} at {@code width} (once, however many ask); {@code done} gets it. */
    void load(long seq, int width, BiConsumer<Image, Throwable> done) {
        Key key = new Key(seq, width);
        Image hit = cache.get(key);
        if (hit != null) {
            done.accept(hit, null);
            return;
        }
        List<BiConsumer<Image, Throwable>> waiting = inFlight.get(key);
        if (waiting != null) {
            waiting.add(done);
            return;
        }
        waiting = new ArrayList<>();
        waiting.add(done);
        inFlight.put(key, waiting);
        long gen = generation;
        String id = sessionId;
        tasks.run(
                () -> FrameDecoding.decode(
                        client.get().frames().get(id, seq).execute().bytes(), width, null),
                img -> finish(gen, key, img, null),
                e -> finish(gen, key, null, e));
    }

    /** Fetches these frames (in this order) at {@code width}, a few at a time, those not cached or on the way. */
    void prefetch(List<Long> seqs, int width) {
        for (Long seq : seqs) {
            if (ahead >= MAX_AHEAD_IN_FLIGHT) {
                return;
            }
            Key key = new Key(seq, width);
            if (cache.containsKey(key) || inFlight.containsKey(key)) {
                continue;
            }
            ahead++;
            long gen = generation;
            load(seq, width, (img, e) -> {
                if (gen == generation) {
                    ahead--;
                    onSlotFree.run();
                }
            });
        }
    }

    private void finish(long gen, Key key, Image img, Throwable e) {
        if (gen != generation) {
            return;
        }
        if (img != null) {
            put(key, img);
        }
        List<BiConsumer<Image, Throwable>> waiting = inFlight.remove(key);
        if (waiting != null) {
            waiting.forEach(cb -> cb.accept(img, e));
        }
    }

    private void put(Key key, Image img) {
        Image old = cache.put(key, img);
        weight += bytes(img) - (old == null ? 0 : bytes(old));
        Iterator<Map.Entry<Key, Image>> eldest = cache.entrySet().iterator();
        while ((cache.size() > MAX_IMAGES || weight > MAX_BYTES) && cache.size() > 1 && eldest.hasNext()) {
            weight -= bytes(eldest.next().getValue());
            eldest.remove();
        }
    }

    private static long bytes(Image img) {
        return ((long) Math.max(1, img.getWidth())) * ((long) Math.max(1, img.getHeight())) * 4;
    }

    int size() {
        return cache.size();
    }

    long weight() {
        return weight;
    }
}
