package com.nusomi.recorder.ui.common;

import com.nusomi.recorder.app.TaskRunner;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs an action once things have been quiet for a while: each {@link #trigger} pushes the run back. The action
 * runs on the UI thread (through the {@link TaskRunner}). {@link #immediate()} runs it at once, for tests. A trigger
 * once the scheduler is shut down (the app closing) is dropped.
 */
public interface Debouncer {

    void trigger(Runnable action);

    /** Drops a pending run. */
    void cancel();

    static Debouncer immediate() {
        return new Debouncer() {
            @Override
            public void trigger(Runnable action) {
                action.run();
            }

            @Override
            public void cancel() {}
        };
    }

    static Debouncer scheduled(ScheduledExecutorService scheduler, TaskRunner tasks, Duration quiet) {
        return new Debouncer() {
            private ScheduledFuture<?> pending;

            @Override
            public synchronized void trigger(Runnable action) {
                cancel();
                try {
                    pending = scheduler.schedule(() -> tasks.onUi(action), quiet.toMillis(), TimeUnit.MILLISECONDS);
                } catch (RejectedExecutionException e) {
                    // the app is closing (its scheduler is shut down): nothing runs later any more
                }
            }

            @Override
            public synchronized void cancel() {
                if (pending != null) {
                    pending.cancel(false);
                    pending = null;
                }
            }
        };
    }
}
