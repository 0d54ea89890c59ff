package com.nusomi.recorder.ui.export;

import com.nusomi.recorder.app.TaskRunner;
import com.nusomi.recorder.client.SessionsClient;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * "Send to server…": one run moved from the embedded server to the configured one ({@link SendJob}: export as a
 * bundle, import, verify the frames), with a line per step, Cancel, and at the end the session's id on the other
 * server ("already there" when it was sent before) and the offer to delete the local copy (a soft delete, with
 * the Sessions screen's Undo). The work runs off the FX thread.
 */
public final class SendViewModel {
    private final TaskRunner tasks;
    private final Supplier<SessionsClient> local;
    private final SendTarget target;
    private final RunRef run;
    private final Consumer<String> deleteLocal;
    private final String address;
    private final ObservableList<RunRow> steps = FXCollections.observableArrayList();
    private final UiProgress progress;
    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(Phase.CHOOSING);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper targetId = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper canDeleteLocal = new ReadOnlyBooleanWrapper(false);
    private SendJob job;

    /**
     * Sends {@code run}, read through {@code local}, to {@code target}; {@code deleteLocal} soft-deletes the local
     * copy by id (with the screen's Undo).
     */
    public SendViewModel(
            TaskRunner tasks,
            Supplier<SessionsClient> local,
            SendTarget target,
            RunRef run,
            Consumer<String> deleteLocal) {
        this.tasks = tasks;
        this.local = local;
        this.target = target;
        this.run = run;
        this.deleteLocal = deleteLocal;
        this.address = target.address();
        steps.addAll(List.of(
                new RunRow("Export the run as a bundle"),
                new RunRow("Import it into " + address),
                new RunRow("Verify the frames on " + address)));
        progress = new UiProgress(tasks, steps);
    }

    /** The run being sent. */
    public RunRef run() {
        return run;
    }

    /** The server it goes to. */
    public String address() {
        return address;
    }

    /** Sends the run (off the FX thread). */
    public void onSend() {
        if (phase.get() == Phase.RUNNING) {
            return;
        }
        SendJob started = new SendJob();
        job = started;
        progress.reset();
        failure.set(null);
        targetId.set(null);
        canDeleteLocal.set(false);
        summary.set("Sending " + run.label() + " to " + address + "…");
        phase.set(Phase.RUNNING);
        tasks.run(
                () -> {
                    try (SessionsClient other = target.open()) {
                        return started.run(local.get(), other, run.id(), progress);
                    }
                },
                this::sent,
                this::failed);
    }

    private void sent(SendJob.Result r) {
        phase.set(Phase.DONE);
        targetId.set(r.targetId());
        canDeleteLocal.set(true);
        summary.set((r.alreadyThere()
                        ? "Already there: " + address + " has this run as "
                        : "Sent: " + address + " has the run as ")
                + r.targetId() + "; " + r.frames() + " frames verified.");
    }

    private void failed(Throwable e) {
        phase.set(Phase.DONE);
        progress.endUnfinished(e instanceof CancellationException ? "Cancelled" : "Failed", "Not done");
        if (e instanceof CancellationException) {
            summary.set("Cancelled; nothing was verified. A send that had reached the server can be sent again: "
                    + "the server keeps one copy.");
        } else {
            summary.set("The run was not sent.");
            failure.set(ExportJob.describe(e));
        }
    }

    /** Stops the send. */
    public void onCancel() {
        if (job != null && phase.get() == Phase.RUNNING) {
            job.cancel();
            summary.set("Cancelling…");
        }
    }

    /** Deletes the local copy (the screen offers Undo); offered once the run is verified on the other server. */
    public void onDeleteLocal() {
        if (canDeleteLocal.get()) {
            canDeleteLocal.set(false);
            deleteLocal.accept(run.id());
            summary.set(summary.get() + " The local copy is deleted (Undo in the Sessions screen).");
        }
    }

    public ObservableList<RunRow> steps() {
        return steps;
    }

    public ReadOnlyDoubleProperty overallProperty() {
        return progress.overallProperty();
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Why the send failed, with the server's request id when there is one; null when it did not. */
    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    /** The session's id on the other server, once sent. */
    public ReadOnlyStringProperty targetIdProperty() {
        return targetId.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canDeleteLocalProperty() {
        return canDeleteLocal.getReadOnlyProperty();
    }
}
