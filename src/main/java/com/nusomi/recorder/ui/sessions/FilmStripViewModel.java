package com.nusomi.recorder.ui.sessions;

import com.nusomi.recorder.app.TaskRunner;
import com.nusomi.recorder.client.SessionsClient;
import com.nusomi.recorder.client.model.Event;
import com.nusomi.recorder.client.model.Frame;
import com.nusomi.recorder.client.model.FrameImage;
import com.nusomi.recorder.client.model.FramesSummary;
import com.nusomi.recorder.client.model.Session;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;

/**
 * The film strip's state for one session: the frame shown first, then its {@link Thumbnails} and every frame's
 * metadata (paged), the current frame and its caption; images through a {@link FrameImageLoader}, events on the
 * timeline from {@link TimelineMarkers}. Generic over the decoded image type {@code I}, to be tested without a toolkit.
 */
public final class FilmStripViewModel<I> {
    static final String NO_FRAMES = "No frames were recorded";
    static final String DELETED = "Frames are not shown for a session in the trash";

    private final FrameList frames;
    private final FrameImageLoader<I> images;
    private final Thumbnails<I> thumbnails;
    private final TimelineMarkers markers = new TimelineMarkers();
    private final LoadOrder order;

    private final ReadOnlyIntegerWrapper count = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyIntegerWrapper currentIndex = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyObjectWrapper<Long> currentSeq = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper caption = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper emptyText = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper hasFrames = new ReadOnlyBooleanWrapper(false);

    private String sessionId;
    private RecordedTime time = RecordedTime.NONE;
    private List<Event> events = List.of();

    /**
     * Loads through {@code client} on {@code tasks}; {@code decoder} decodes a frame at a width (0: full size);
     * the previews are kept in {@code cache}, the thumbnails in {@code thumbnailCache}.
     */
    public FilmStripViewModel(
            TaskRunner tasks,
            Supplier<SessionsClient> client,
            BiFunction<FrameImage, Integer, I> decoder,
            FrameCache<I> cache,
            FrameCache<I> thumbnailCache) {
        this.frames = new FrameList(tasks, client, () -> time);
        this.images = new FrameImageLoader<>(tasks, client, decoder, cache, currentSeq::get, failure::set);
        this.thumbnails = new Thumbnails<>(tasks, client, decoder, thumbnailCache);
        this.order = new LoadOrder(
                thumbnails::load, () -> frames.load(sessionId, this::syncCurrent, this::listed, failure::set));
    }

    /**
     * The view draws the preview {@code preview} and each thumbnail {@code thumbnail} device pixels wide now: the
     * images are decoded at about those widths, and decoded again when the sizes change by a step.
     */
    public void setShownWidths(double preview, double thumbnail) {
        images.setShownWidth(preview);
        thumbnails.setShownWidth(thumbnail);
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
        markers.placeTags(s.tags(), time);
        if (s.framesSummary() == null) {
            return; // the list's row: the session in full follows
        }
        if (order.takeSummary()) {
            showSummary(s.framesSummary());
        } else if (frames.size() > 0 && !frames.loadingProperty().get()) {
            markers.place(events, time, frames.offsets());
        }
        order.timed();
    }

    /** The session shown read with its frames summary alone, ahead of it in full: see {@link LoadOrder}. */
    public void showFirst(Session summaryOnly) {
        if (summaryOnly.id().equals(sessionId) && summaryOnly.framesSummary() != null && order.takeSummary()) {
            showSummary(summaryOnly.framesSummary());
        }
    }

    private void showSummary(FramesSummary summary) {
        count.set((int) Math.min(Integer.MAX_VALUE, summary.count()));
        if (summary.count() == 0) {
            emptyText.set(NO_FRAMES);
            return;
        }
        hasFrames.set(true);
        images.setFrameWidth(summary.width());
        thumbnails.show(summary.thumbnails(), summary.width());
        if (summary.thumbnails().isEmpty()) {
            order.firstLanded();
        } else {
            currentIndex.set(0);
            setCurrentSeq(summary.thumbnails().get(0));
            images.fetch(summary.thumbnails().get(0), (img, e) -> order.firstLanded());
        }
    }

    private void listed() {
        count.set(frames.size());
        markers.place(events, time, frames.offsets());
    }

    private void reset(String id) {
        frames.reset();
        images.reset(id);
        thumbnails.reset(id);
        sessionId = id;
        time = RecordedTime.NONE;
        events = List.of();
        order.reset();
        markers.clear();
        count.set(0);
        currentIndex.set(-1);
        currentSeq.set(null);
        caption.set("");
        failure.set(null);
        emptyText.set(null);
        hasFrames.set(false);
    }

    /** Shows the frames' images anew (their bytes changed: a redaction), the thumbnails and the current frame. */
    public void reloadImages() {
        images.reload();
        thumbnails.reload();
    }

    /** Lets go of the session shown: answers still on the way are dropped (the screen is going away). */
    public void dispose() {
        reset(null);
    }

    /** After a page arrives: the current index now has its frame, or a jumped-to seq now has its index. */
    private void syncCurrent() {
        int i = currentIndex.get();
        if (i < 0 && currentSeq.get() != null) {
            i = frames.indexOfSeq(currentSeq.get());
        }
        if (i >= 0 && i < frames.size()) {
            select(i);
        }
    }

    /** Makes the frame at {@code index} current, clamped to the frames listed so far (so MAX_VALUE: the last). */
    public void select(int index) {
        if (frames.size() == 0) {
            return;
        }
        int i = Math.max(0, Math.min(frames.size() - 1, index));
        Frame f = frames.get(i);
        currentIndex.set(i);
        caption.set(
                Formats.frameCaption(i + 1, Math.max(count.get(), frames.size()), frames.offsets()[i], f.capturedAt()));
        setCurrentSeq(f.seq());
    }

    public void onStep(int delta) {
        int i = currentIndex.get();
        select(i < 0 ? 0 : i + delta);
    }

    public void onScrub(int index) {
        if (index != currentIndex.get()) {
            select(index);
        }
    }

    public void onThumbnail(long seq) {
        int i = frames.indexOfSeq(seq);
        if (i >= 0) {
            select(i);
        } else if (hasFrames.get()) {
            currentIndex.set(-1);
            caption.set("Frame " + Formats.numberOf(frames.frames(), seq));
            setCurrentSeq(seq);
        }
    }

    /** Jumps to the frame nearest in time to the event. */
    public void onEvent(Event e) {
        Long t = e == null ? null : time.event(e);
        long[] offsets = frames.offsets();
        if (t != null && offsets.length > 0) {
            select(FrameTimeline.nearest(offsets, offsets.length, t));
        }
    }

    /** The session shown, or null. */
    public String sessionId() {
        return sessionId;
    }

    /** The frames' offsets in recorded time, one per frame listed so far (a copy). */
    public long[] offsets() {
        return frames.offsets().clone();
    }

    private void setCurrentSeq(long seq) {
        if (currentSeq.get() != null && currentSeq.get() == seq) {
            return;
        }
        currentSeq.set(seq);
        images.preview(seq);
    }

    public ObservableList<Thumb<I>> thumbnails() {
        return thumbnails.list();
    }

    public ObservableList<Frame> frames() {
        return frames.frames();
    }

    /** The events (and the tags) along the timeline. */
    public TimelineMarkers markers() {
        return markers;
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

    public ReadOnlyStringProperty captionProperty() {
        return caption.getReadOnlyProperty();
    }

    /** The image of the current frame, once loaded (until then, the one shown before). */
    public ReadOnlyObjectProperty<I> imageProperty() {
        return images.imageProperty();
    }

    /** The seq of the frame whose image {@link #imageProperty()} holds. */
    public ReadOnlyObjectProperty<Long> imageSeqProperty() {
        return images.imageSeqProperty();
    }

    public ReadOnlyBooleanProperty imageLoadingProperty() {
        return images.loadingProperty();
    }

    public ReadOnlyBooleanProperty framesLoadingProperty() {
        return frames.loadingProperty();
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
