package com.nusomi.recorder.ui.sessions;

import com.nusomi.recorder.app.TaskRunner;
import com.nusomi.recorder.client.SessionsClient;
import com.nusomi.recorder.client.model.Frame;
import com.nusomi.recorder.client.request.PageRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Every frame of one session (metadata only), listed page by page in the background, with each frame's offset in
 * recorded time (pauses left out, as the caption shows it), and the frame of a seq. A listing still on the way
 * when another session is shown is dropped.
 */
final class FrameList {
    static final int PAGE_SIZE = 500;

    private final TaskRunner tasks;
    private final Supplier<SessionsClient> client;
    private final Supplier<RecordedTime> time;
    private final ObservableList<Frame> frames = FXCollections.observableArrayList();
    // one read-only view, kept: a listener added to a throwaway view would be lost with it
    private final ObservableList<Frame> framesView = FXCollections.unmodifiableObservableList(frames);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private long[] offsets = new long[0];
    private long generation;

    /** Lists through {@code client}; {@code time} is the session's timeline when a page arrives. */
    FrameList(TaskRunner tasks, Supplier<SessionsClient> client, Supplier<RecordedTime> time) {
        this.tasks = tasks;
        this.client = client;
        this.time = time;
    }

    /** Forgets the frames; a listing still on the way is dropped. */
    void reset() {
        generation++;
        frames.clear();
        offsets = new long[0];
        loading.set(false);
    }

    /**
     * Lists the frames of session {@code id}, page after page: {@code onPage} runs after each page is added,
     * {@code onDone} after the last, {@code onFailure} with what failed.
     */
    void load(String id, Runnable onPage, Runnable onDone, Consumer<String> onFailure) {
        loading.set(true);
        loadPage(id, null, generation, onPage, onDone, onFailure);
    }

    private void loadPage(
            String id, String cursor, long gen, Runnable onPage, Runnable onDone, Consumer<String> onFailure) {
        tasks.run(
                () -> client.get()
                        .frames()
                        .list(id, new PageRequest(PAGE_SIZE, cursor))
                        .execute(),
                page -> {
                    if (gen != generation) {
                        return;
                    }
                    // the offsets first: a listener to the frames reads them
                    List<Frame> all = new ArrayList<>(frames);
                    all.addAll(page.data());
                    RecordedTime t = time.get();
                    long[] next = new long[all.size()];
                    for (int i = 0; i < next.length; i++) {
                        next[i] = t.frame(all.get(i), all.get(0));
                    }
                    offsets = next;
                    frames.addAll(page.data());
                    onPage.run();
                    if (page.hasMore() && !page.isEmpty()) {
                        loadPage(id, page.nextCursor(), gen, onPage, onDone, onFailure);
                    } else {
                        loading.set(false);
                        onDone.run();
                    }
                },
                e -> {
                    if (gen == generation) {
                        loading.set(false);
                        onFailure.accept(FrameImageLoader.describe("Could not list the frames", e));
                    }
                });
    }

    /** The index of the frame {@code seq} among those listed so far, or -1. */
    int indexOfSeq(long seq) {
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

    /** The frames' offsets in recorded time, ascending, one per frame listed so far (not to be changed). */
    long[] offsets() {
        return offsets;
    }

    int size() {
        return frames.size();
    }

    Frame get(int index) {
        return frames.get(index);
    }

    ObservableList<Frame> frames() {
        return framesView;
    }

    ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }
}
