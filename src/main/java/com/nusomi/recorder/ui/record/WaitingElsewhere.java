package com.nusomi.recorder.ui.record;

import com.nusomi.recorder.app.TaskRunner;
import com.nusomi.recorder.recorder.RecorderService;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * What waits on disk for servers other than the current recorder's (sent when the app is connected to them again),
 * counted off the UI thread and said in one line per server ({@link BacklogText}).
 */
public final class WaitingElsewhere {
    private final TaskRunner tasks;
    private final Supplier<RecorderService> recorder;
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");

    WaitingElsewhere(TaskRunner tasks, Supplier<RecorderService> recorder) {
        this.tasks = tasks;
        this.recorder = recorder;
    }

    /** Counts again (off the UI thread); nothing while there is no recorder. */
    void refresh() {
        RecorderService r = recorder.get();
        if (r == null) {
            return;
        }
        tasks.run(r::waitingElsewhere, b -> text.set(BacklogText.of(b)), e -> text.set(""));
    }

    /**
     * "37 entries waiting for https://api.example.com (1 session)…" for each other server with work on disk, one
     * line each; empty when there is none.
     */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }
}
