package com.nusomi.recorder.ui.review;

import com.nusomi.recorder.app.TaskRunner;
import com.nusomi.recorder.client.SessionsClient;
import com.nusomi.recorder.client.model.Frame;
import com.nusomi.recorder.ui.review.FrameOverlays.Overlay;
import com.nusomi.recorder.ui.sessions.FilmStripViewModel;
import com.nusomi.recorder.ui.sessions.Formats;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.scene.image.Image;
import javafx.util.Subscription;

/**
 * The frame viewer's state: the frames of the session the detail pane's film strip shows, one of them current
 * ("Frame 9 of 10", one-based as everywhere), its image at the size it is drawn, what happened on it
 * ({@link FrameOverlays}), the zoom ({@link ZoomModel}) and the {@link Playback}. It follows the film strip: a frame
 * chosen there is shown here, a frame stepped to here is chosen there, except while playing (the strip catches up
 * when playback pauses), so that the pane does not load every frame that playback runs through.
 */
public final class FrameViewerViewModel implements Playback.Frames {
    private final FramePicture picture;
    private final Playback playback;
    private final ZoomModel zoom = new ZoomModel();
    private final List<Subscription> following = new ArrayList<>();
    private final ReadOnlyIntegerWrapper index = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyIntegerWrapper count = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyStringWrapper number = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper time = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Overlay> overlay = new ReadOnlyObjectWrapper<>(Overlay.NONE);
    private final BooleanProperty overlaysShown = new SimpleBooleanProperty(true);
    private FilmStripViewModel<Image> film;
    private List<Frame> frames = List.of();
    private long[] offsets = new long[0];
    private FrameOverlays overlays = FrameOverlays.EMPTY;
    private boolean pushing;

    /** Loads frames through {@code client} on {@code tasks}; plays on {@code timer}. */
    public FrameViewerViewModel(TaskRunner tasks, Supplier<SessionsClient> client, PlaybackTimer timer) {
        picture = new FramePicture(tasks, client, this::prefetch);
        playback = new Playback(timer, this);
        playback.playingProperty().addListener((o, was, now) -> {
            if (!now) {
                pushToFilm();
            }
        });
    }

    /** Shows {@code strip}'s session and current frame, and follows it from now on. */
    public void follow(FilmStripViewModel<Image> strip) {
        if (strip != film) {
            release();
            film = strip;
            frames = strip.frames();
            ListChangeListener<Object> changed = c -> framesChanged();
            strip.frames().addListener(changed);
            following.add(() -> strip.frames().removeListener(changed));
            ListChangeListener<Object> marked = c -> rebuildOverlays();
            strip.markers().list().addListener(marked);
            following.add(() -> strip.markers().list().removeListener(marked));
            following.add(strip.currentIndexProperty().subscribe(this::filmMoved));
        }
        index.set(-1);
        framesChanged();
    }

    /** Stops playing and following the film strip (the window closed); the strip keeps the frame shown here. */
    public void release() {
        playback.pause();
        following.forEach(Subscription::unsubscribe);
        following.clear();
        film = null;
    }

    private void framesChanged() {
        if (film == null) {
            return;
        }
        picture.session(film.sessionId());
        offsets = film.offsets();
        count.set(Math.max(frames.size(), film.countProperty().get()));
        rebuildOverlays();
        if (frames.isEmpty()) {
            playback.pause();
            index.set(-1);
            number.set("No frames");
            time.set("");
            picture.clear();
            overlay.set(Overlay.NONE);
        } else if (index.get() < 0 || index.get() >= frames.size()) {
            show(Math.max(0, film.currentIndexProperty().get()), false);
        } else {
            show(index.get(), false);
        }
    }

    private void rebuildOverlays() {
        if (film != null) {
            overlays = new FrameOverlays(
                    offsets, film.markers().list(), film.markers().tags());
            overlay.set(overlays.at(index.get()));
        }
    }

    private void filmMoved(Number i) {
        if (!pushing && !playback.playingProperty().get() && i.intValue() >= 0 && i.intValue() != index.get()) {
            show(i.intValue(), false);
        }
    }

    private void pushToFilm() {
        if (film != null && index.get() >= 0 && film.currentIndexProperty().get() != index.get()) {
            pushing = true;
            try {
                film.select(index.get());
            } finally {
                pushing = false;
            }
        }
    }

    /** Makes frame {@code i} current (clamped); {@code user}: chosen here, so the film strip follows. */
    private void show(int i, boolean user) {
        if (frames.isEmpty() || offsets.length < frames.size()) {
            return;
        }
        int at = Math.max(0, Math.min(frames.size() - 1, i));
        Frame f = frames.get(at);
        index.set(at);
        number.set(Formats.frameNumber(at + 1, count.get()));
        time.set(Formats.frameOffset(offsets[at]) + " / " + Formats.frameOffset(offsets[offsets.length - 1]));
        if (f.width() != null && f.height() != null) {
            zoom.setImage(f.width(), f.height());
        }
        overlay.set(overlays.at(at));
        picture.show(f, at + 1);
        prefetch();
        if (user && !playback.playingProperty().get()) {
            pushToFilm();
        }
    }

    /** Fetches the next frames ahead (more at higher speeds), and the one before while stepping. */
    private void prefetch() {
        Frame f = current();
        if (f == null) {
            return;
        }
        int i = index.get();
        int n = playback.playingProperty().get()
                ? 4 + 2 * playback.speedProperty().get()
                : 2;
        List<Long> seqs = new ArrayList<>();
        for (int k = i + 1; k <= Math.min(frames.size() - 1, i + n); k++) {
            seqs.add(frames.get(k).seq());
        }
        if (i > 0 && !playback.playingProperty().get()) {
            seqs.add(frames.get(i - 1).seq());
        }
        picture.prefetch(seqs);
    }

    private Frame current() {
        int i = index.get();
        return i >= 0 && i < frames.size() ? frames.get(i) : null;
    }

    /** The view draws the frame this many device pixels wide now (after a zoom or a resize). */
    public void onShownWidth(double devicePixels) {
        picture.onShownWidth(devicePixels);
    }

    public void onStep(int delta) {
        show(index.get() + delta, true);
        playback.restart();
    }

    public void onFirst() {
        show(0, true);
        playback.restart();
    }

    public void onLast() {
        show(frames.size() - 1, true);
        playback.restart();
    }

    public void onScrub(int i) {
        if (i != index.get()) {
            show(i, true);
            playback.restart();
        }
    }

    public void onPlayPause() {
        playback.onPlayPause();
    }

    /** Loads the images anew (frames were redacted): what the cache holds is what the server no longer has. */
    public void reloadImages() {
        picture.reload();
    }

    // Playback.Frames
    @Override
    public int index() {
        return index.get();
    }

    @Override
    public int count() {
        return frames.size();
    }

    @Override
    public long offset(int i) {
        return offsets[i];
    }

    @Override
    public boolean quiet(long from, long to) {
        return overlays.quiet(from, to);
    }

    @Override
    public void show(int i) {
        show(i, false);
    }

    Playback playback() {
        return playback;
    }

    ZoomModel zoom() {
        return zoom;
    }

    /** The current frame's index (0-based), -1 when there is none. */
    public ReadOnlyIntegerProperty indexProperty() {
        return index.getReadOnlyProperty();
    }

    /** How many frames the session has. */
    public ReadOnlyIntegerProperty countProperty() {
        return count.getReadOnlyProperty();
    }

    /** "Frame 9 of 10". */
    public ReadOnlyStringProperty numberProperty() {
        return number.getReadOnlyProperty();
    }

    /** The current frame's offset and the last one's, in recorded time: "00:06.0 / 02:32.0". */
    public ReadOnlyStringProperty timeProperty() {
        return time.getReadOnlyProperty();
    }

    /** The current frame's image, once loaded (until then the one before). */
    public ReadOnlyObjectProperty<Image> imageProperty() {
        return picture.imageProperty();
    }

    /** The seq of the frame whose image {@link #imageProperty()} holds. */
    public ReadOnlyObjectProperty<Long> imageSeqProperty() {
        return picture.imageSeqProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return picture.loadingProperty();
    }

    public ReadOnlyStringProperty failureProperty() {
        return picture.failureProperty();
    }

    ReadOnlyObjectProperty<Overlay> overlayProperty() {
        return overlay.getReadOnlyProperty();
    }

    /** Whether clicks and captions are drawn on the frame. */
    public BooleanProperty overlaysShownProperty() {
        return overlaysShown;
    }

    public ReadOnlyBooleanProperty playingProperty() {
        return playback.playingProperty();
    }
}
