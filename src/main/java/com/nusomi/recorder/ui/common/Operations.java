package com.nusomi.recorder.ui.common;

import com.nusomi.recorder.app.TaskRunner;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * Runs a view model's calls off the UI thread, with a busy flag while any runs and the last {@link Failure}
 * (with a retry that repeats the same call) when one fails. The form's own state is left alone on failure.
 */
public final class Operations {
    private final TaskRunner tasks;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<Failure> failure = new ReadOnlyObjectWrapper<>();
    private int running;

    public Operations(TaskRunner tasks) {
        this.tasks = tasks;
    }

    /** Runs {@code work} off the UI thread; on failure shows {@code title} with the reason and a retry. */
    public <T> void run(String title, Callable<T> work, Consumer<? super T> onSuccess) {
        failure.set(null);
        running++;
        busy.set(true);
        tasks.run(
                work,
                value -> {
                    done();
                    onSuccess.accept(value);
                },
                error -> {
                    done();
                    failure.set(Failure.of(title, error, () -> run(title, work, onSuccess)));
                });
    }

    private void done() {
        running = Math.max(0, running - 1);
        busy.set(running > 0);
    }

    public void retry() {
        Failure f = failure.get();
        if (f != null && f.retry() != null) {
            f.retry().run();
        }
    }

    public void dismiss() {
        failure.set(null);
    }

    /** Shows a failure that did not come from a call (e.g. a check before one). */
    public void fail(Failure f) {
        failure.set(f);
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public boolean isBusy() {
        return busy.get();
    }

    public ReadOnlyObjectProperty<Failure> failureProperty() {
        return failure.getReadOnlyProperty();
    }

    public Failure getFailure() {
        return failure.get();
    }

    public TaskRunner tasks() {
        return tasks;
    }
}
