package com.nusomi.recorder.ui.sessions;

import com.nusomi.recorder.app.TaskRunner;
import com.nusomi.recorder.client.SessionsClient;
import com.nusomi.recorder.client.model.FrameImage;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The film strip's thumbnails of one session (the summary's evenly spaced frames), each decoded at the width the
 * strip draws it, in a cache of their own: a thumbnail never stands in for the preview, and twelve of them cost a
 * few megabytes, not twelve full frames. Loaded when {@link #load} is called (after the preview has landed).
 *
 * @param <I> the decoded image
 */
final class Thumbnails<I> {
    private final FrameImageLoader<I> images;
    private final ObservableList<Thumb<I>> thumbs = FXCollections.observableArrayList();
    // one read-only view, kept: a listener added to a throwaway view would be lost with it
    private final ObservableList<Thumb<I>> view = FXCollections.unmodifiableObservableList(thumbs);
    private boolean loaded;

    Thumbnails(
            TaskRunner tasks,
            Supplier<SessionsClient> client,
            BiFunction<FrameImage, Integer, I> decoder,
            FrameCache<I> cache) {
        images = new FrameImageLoader<>(tasks, client, decoder, cache, () -> null, f -> {});
    }

    /** Starts over for session {@code id} (or none). */
    void reset(String id) {
        images.reset(id);
        thumbs.clear();
        loaded = false;
    }

    /** The thumbnails of these frames, {@code frameWidth} wide (null: unknown), not loaded yet. */
    void show(List<Long> seqs, Integer frameWidth) {
        images.setFrameWidth(frameWidth);
        // in one change: the strip builds its nodes once, not once a thumbnail
        thumbs.setAll(seqs.stream().map(seq -> new Thumb<I>(seq)).toList());
    }

    /** Fetches and decodes every thumbnail not cached yet. */
    void load() {
        loaded = true;
        thumbs.forEach(t -> images.fetch(t.seq(), (img, e) -> t.set(img)));
    }

    /** Loads them anew (their bytes changed, or they are wanted at another width). */
    void reload() {
        images.reload();
        load();
    }

    /** The strip draws each thumbnail {@code devicePixels} wide now; reloads them when that needs another size. */
    void setShownWidth(double devicePixels) {
        if (images.setShownWidth(devicePixels) && loaded) {
            load();
        }
    }

    ObservableList<Thumb<I>> list() {
        return view;
    }
}
