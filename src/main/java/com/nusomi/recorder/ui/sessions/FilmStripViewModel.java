package com.nusomi.recorder.ui.sessions;

import com.nusomi.recorder.app.TaskRunner;
import com.nusomi.recorder.client.SessionsClient;
import com.nusomi.recorder.client.model.Event;
import com.nusomi.recorder.client.model.Frame;
import com.nusomi.recorder.client.model.FrameImage;
import com.nusomi.recorder.client.model.FramesSummary;
import com.nusomi.recorder.client.model.Session;
import com.nusomi.recorder.client.request.PageRequest;
import com.nusomi.recorder.ui.common.Failure;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The film strip's state for one session: its thumbnails (from the frames summary, at once), every frame's
 * metadata (paged in the background), the current frame and its image, and the events placed on the same
 * timeline. Images are fetched and decoded off the UI thread through the client into an LRU cache; an image
 * that arrives for a frame that is no longer current only fills the cache. Generic over the decoded image type
 * so that it can be tested without a toolkit.
 *
 * @param <I> the decoded image (a JavaFX {@code Image} in the app)
 */
public final class FilmStripViewModel<I> {
    static final int PAGE_SIZE = 500;
    static final String NO_FRAMES = "No frames were recorded";
    static final String DELETED = "Frames are not shown for a session in the trash";

    /** One thumbnail of the strip: a frame's seq and, once loaded, its image. */
    public static final class Thumb<I> {
        private final long seq;
        private final ReadOnlyObjectWrapper<I> image = new ReadOnlyObjectWrapper<>();

        Thumb(long seq) {
            this.seq = seq;
        }

        public long seq() {
            return seq;
        }

        public ReadOnlyObjectProperty<I> imageProperty() {
            return image.getReadOnlyProperty();
        }
    }

    /** An event on the timeline: where it sits on the scrubber (0..1), its style class and recorded offset. */
    public record EventMarker(Event event, double position, String styleClass, long offsetMs) {
    }

    private final TaskRunner tasks;
    private final java.util.function.Supplier<SessionsClient> client;
    private final Function<FrameImage, I> decoder;
    private final FrameCache<I> cache;
    private final Map<Long, List<BiConsumer<I, Throwable>>> inFlight = new HashMap<>();

    private final ObservableList<Thumb<I>> thumbnails = FXCollections.observableArrayList();
    private final ObservableList<Frame> frames = FXCollections.observableArrayList();
    private final ObservableList<EventMarker> markers = FXCollections.observableArrayList();
    // one read-only view of each list, kept: a listener added to a throwaway view would be lost with it
    private final ObservableList<Thumb<I>> thumbnailsView = FXCollections.unmodifiableObservableList(thumbnails);
    private final ObservableList<Frame> framesView = FXCollections.unmodifiableObservableList(frames);
    private final ObservableList<EventMarker> markersView = FXCollections.unmodifiableObservableList(markers);
    private final ReadOnlyIntegerWrapper count = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyIntegerWrapper currentIndex = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyObjectWrapper<Long> currentSeq = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Frame> currentFrame = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper caption = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<I> image = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Long> imageSeq = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper imageLoading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper framesLoading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper emptyText = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper hasFrames = new ReadOnlyBooleanWrapper(false);

    private String sessionId;
    private RecordedTime time = RecordedTime.NONE;
    private List<Event> events = List.of();
    private boolean summaryShown;
    private boolean previewFetching;
    private long[] offsets = new long[0];
    private long generation;

    public FilmStripViewModel(TaskRunner tasks, java.util.function.Supplier<SessionsClient> client,
                              Function<FrameImage, I> decoder, FrameCache<I> cache) {
        this.tasks = tasks;
        this.client = client;
        this.decoder = decoder;
        this.cache = cache;
    }

    /** Follows the detail pane's session: a new id starts over, the full session (with its summary) loads. */
    public void show(Session s) {
        show(s, RecordedTime.of(s));
    }

    /** {@link #show(Session)} with the session's timeline (its pauses left out of every offset). */
    void show(Session s, RecordedTime timeline) {
        if (s == null) {
            reset(null);
            return;
        }
        if (!s.id().equals(sessionId)) {
            reset(s.id());
        }
        if (s.isDeleted()) {
            emptyText.set(DELETED);
            return;
        }
        time = timeline;
        events = s.events();
        FramesSummary summary = s.framesSummary();
        if (summary == null || summaryShown) {
            if (summaryShown && !framesLoading.get()) {
                placeMarkers();
            }
            return;
        }
        summaryShown = true;
        count.set((int) Math.min(Integer.MAX_VALUE, summary.count()));
        if (summary.count() == 0) {
            emptyText.set(NO_FRAMES);
            return;
        }
        hasFrames.set(true);
        for (Long seq : summary.thumbnails()) {
            Thumb<I> t = new Thumb<>(seq);
            thumbnails.add(t);
            fetch(seq, (img, e) -> t.image.set(img));
        }
        if (!summary.thumbnails().isEmpty()) {
            currentIndex.set(0);
            setCurrentSeq(summary.thumbnails().get(0));
        }
        framesLoading.set(true);
        loadPage(null, generation);
    }

    private void reset(String id) {
        generation++;
        sessionId = id;
        time = RecordedTime.NONE;
        events = List.of();
        summaryShown = false;
        previewFetching = false;
        inFlight.clear();
        offsets = new long[0];
        thumbnails.clear();
        frames.clear();
        markers.clear();
        count.set(0);
        currentIndex.set(-1);
        currentSeq.set(null);
        currentFrame.set(null);
        caption.set("");
        image.set(null);
        imageSeq.set(null);
        imageLoading.set(false);
        framesLoading.set(false);
        failure.set(null);
        emptyText.set(null);
        hasFrames.set(false);
    }

    private void loadPage(String cursor, long gen) {
        String id = sessionId;
        tasks.run(() -> client.get().frames().list(id, new PageRequest(PAGE_SIZE, cursor)).execute(), page -> {
            if (gen != generation) {
                return;
            }
            frames.addAll(page.data());
            offsets = new long[frames.size()];
            for (int i = 0; i < offsets.length; i++) {
                offsets[i] = frameTime(frames.get(i));
            }
            syncCurrent();
            if (page.hasMore() && !page.isEmpty()) {
                loadPage(page.nextCursor(), gen);
            } else {
                framesLoading.set(false);
                count.set(frames.size());
                placeMarkers();
            }
        }, e -> {
            if (gen == generation) {
                framesLoading.set(false);
                failure.set(describe("Could not list the frames", e));
            }
        });
    }

    /** After a page arrives: the current index now has its frame, or a jumped-to seq now has its index. */
    private void syncCurrent() {
        int i = currentIndex.get();
        if (i < 0 && currentSeq.get() != null) {
            i = indexOfSeq(currentSeq.get());
        }
        if (i >= 0 && i < frames.size()) {
            select(i);
        }
    }

    private void placeMarkers() {
        List<EventMarker> placed = new ArrayList<>();
        for (Event e : events) {
            Long t = eventTime(e);
            if (t != null) {
                placed.add(new EventMarker(e, FrameTimeline.position(offsets, offsets.length, t),
                        styleClass(e.type()), t));
            }
        }
        markers.setAll(placed);
    }

    static String styleClass(String type) {
        return switch (type == null ? "" : type) {
            case "click" -> "event-click";
            case "key" -> "event-key";
            case "note" -> "event-note";
            case "error" -> "event-error";
            default -> "event-other";
        };
    }

    /** A frame's offset in recorded time (pauses left out), as the caption shows it. */
    private long frameTime(Frame f) {
        return time.frame(f, frames.get(0));
    }

    private Long eventTime(Event e) {
        return time.event(e);
    }

    private int indexOfSeq(long seq) {
        int lo = 0;
        int hi = frames.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long s = frames.get(mid).seq();
            if (s == seq) {
                return mid;
            }
            if (s < seq) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return -1;
    }

    /** Makes the frame at {@code index} current, clamped to the frames listed so far. */
    public void select(int index) {
        if (frames.isEmpty()) {
            return;
        }
        int i = Math.max(0, Math.min(frames.size() - 1, index));
        Frame f = frames.get(i);
        currentIndex.set(i);
        currentFrame.set(f);
        caption.set(String.join("  ·  ", unbroken("Frame " + f.seq()), Formats.frameOffset(offsets[i]),
                unbroken(Formats.timeMillis(f.capturedAt())),
                unbroken((i + 1) + " of " + Math.max(count.get(), frames.size()))));
        setCurrentSeq(f.seq());
    }

    /** The words held together (no-break spaces): a narrow pane wraps the caption between its parts only. */
    private static String unbroken(String part) {
        return part.replace(' ', '\u00a0');
    }

    public void onStep(int delta) {
        int i = currentIndex.get();
        select(i < 0 ? 0 : i + delta);
    }

    public void onFirst() {
        select(0);
    }

    public void onLast() {
        select(frames.size() - 1);
    }

    public void onScrub(int index) {
        if (index != currentIndex.get()) {
            select(index);
        }
    }

    public void onThumbnail(long seq) {
        int i = indexOfSeq(seq);
        if (i >= 0) {
            select(i);
        } else if (hasFrames.get()) {
            currentIndex.set(-1);
            currentFrame.set(null);
            caption.set("Frame " + seq);
            setCurrentSeq(seq);
        }
    }

    /** Jumps to the frame nearest in time to the event. */
    public void onEvent(Event e) {
        Long t = e == null ? null : eventTime(e);
        if (t != null && offsets.length > 0) {
            select(FrameTimeline.nearest(offsets, offsets.length, t));
        }
    }

    private void setCurrentSeq(long seq) {
        if (currentSeq.get() != null && currentSeq.get() == seq) {
            return;
        }
        currentSeq.set(seq);
        showImage(seq);
    }

    /** Shows a cached image at once; otherwise fetches, one preview request at a time, always the newest. */
    private void showImage(long seq) {
        I cached = cache.get(sessionId, seq);
        if (cached != null) {
            image.set(cached);
            imageSeq.set(seq);
            imageLoading.set(false);
            failure.set(null);
            return;
        }
        imageLoading.set(true);
        failure.set(null);
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
                showImage(now);
                return;
            }
            imageLoading.set(false);
            if (e != null) {
                failure.set(describe("Could not load frame " + seq, e));
            } else {
                image.set(img);
                imageSeq.set(seq);
            }
        });
    }

    /** Fetches and decodes one frame off the UI thread (once, however many ask); drops answers of an old session. */
    private void fetch(long seq, BiConsumer<I, Throwable> done) {
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
        tasks.run(() -> decoder.apply(client.get().frames().get(id, seq).execute()),
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

    private static String describe(String what, Throwable e) {
        Failure f = Failure.of(what, e, null);
        return what + ": " + f.detail() + (f.requestId() != null ? " (request " + f.requestId() + ")" : "");
    }

    public ObservableList<Thumb<I>> thumbnails() {
        return thumbnailsView;
    }

    public ObservableList<Frame> frames() {
        return framesView;
    }

    public ObservableList<EventMarker> markers() {
        return markersView;
    }

    public ReadOnlyIntegerProperty countProperty() {
        return count.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty currentIndexProperty() {
        return currentIndex.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Long> currentSeqProperty() {
        return currentSeq.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Frame> currentFrameProperty() {
        return currentFrame.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty captionProperty() {
        return caption.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<I> imageProperty() {
        return image.getReadOnlyProperty();
    }

    /** The seq of the frame whose image {@link #imageProperty()} holds. */
    public ReadOnlyObjectProperty<Long> imageSeqProperty() {
        return imageSeq.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty imageLoadingProperty() {
        return imageLoading.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty framesLoadingProperty() {
        return framesLoading.getReadOnlyProperty();
    }

    /** What failed (with the server's request id), or null. */
    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    /** Why there is nothing to show ("No frames were recorded"), or null. */
    public ReadOnlyStringProperty emptyTextProperty() {
        return emptyText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasFramesProperty() {
        return hasFrames.getReadOnlyProperty();
    }
}
