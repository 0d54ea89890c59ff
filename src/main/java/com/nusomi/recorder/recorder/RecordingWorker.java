package com.nusomi.recorder.recorder;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The one thread of a recording: everything a recording captures and writes runs on it, one task after the other,
 * so that its parts need no locks. Work handed over after the worker was shut down is refused (the futures of
 * {@link #submit} fail) or dropped (late input, planned captures).
 */
final class RecordingWorker {
    private final String sessionId;
    private final ScheduledThreadPoolExecutor executor;

    RecordingWorker(String sessionId) {
        this.sessionId = sessionId;
        this.executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "recorder-capture-" + sessionId);
            t.setDaemon(true);
            return t;
        });
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        executor.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
    }

    /** Runs {@code work} on the worker; the future fails with {@link IllegalStateException} once it is shut down. */
    <T> CompletableFuture<T> submit(Callable<T> work) {
        CompletableFuture<T> f = new CompletableFuture<>();
        try {
            executor.execute(() -> {
                try {
                    f.complete(work.call());
                } catch (Exception | Error e) {
                    f.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            f.completeExceptionally(new IllegalStateException("the recording of " + sessionId + " is stopped", e));
        }
        return f;
    }

    /** Runs {@code r} on the worker, or drops it once the worker is shut down. */
    void execute(Runnable r) {
        try {
            executor.execute(r);
        } catch (RejectedExecutionException ignored) {
            // stopped: late work is dropped
        }
    }

    /** Runs {@code r} once after {@code delay}, unless the worker is shut down by then. */
    // tasks are the recording's own, which report their failures through the recorder's listeners
    @SuppressWarnings("FutureReturnValueIgnored")
    void later(Duration delay, Runnable r) {
        try {
            executor.schedule(r, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException ignored) {
            // stopping
        }
    }

    /** Runs {@code r} every {@code period}, the first time one period from now, each after the previous ended. */
    // tasks are the recording's own, which report their failures through the recorder's listeners
    @SuppressWarnings("FutureReturnValueIgnored")
    void every(Duration period, Runnable r) {
        long ms = period.toMillis();
        try {
            executor.scheduleWithFixedDelay(r, ms, ms, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException ignored) {
            // stopping
        }
    }

    /**
     * Runs {@code r} now and then every {@code period}, each run planned one period after the previous plan (no
     * drift), but never catching up on missed ones: a fixed-rate task that falls behind would starve every other
     * task of the worker.
     */
    void onSchedule(Duration period, Runnable r) {
        plan(System.nanoTime(), period.toNanos(), r);
    }

    // tasks are the recording's own, which report their failures through the recorder's listeners
    @SuppressWarnings("FutureReturnValueIgnored")
    private void plan(long plannedNanos, long periodNanos, Runnable r) {
        long delay = Math.max(0, plannedNanos - System.nanoTime());
        try {
            executor.schedule(
                    () -> {
                        r.run();
                        plan(nextPlan(plannedNanos, periodNanos, System.nanoTime()), periodNanos, r);
                    },
                    delay,
                    TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException stopped) {
            // the recording ended
        }
    }

    /** The run after one planned at {@code planned}: a period later, or now if that time has passed already. */
    static long nextPlan(long planned, long period, long now) {
        return Math.max(planned + period, now);
    }

    /** Lets the work already handed over finish, then ends the thread; planned and periodic runs are dropped. */
    void shutdown() {
        executor.shutdown();
    }

    /** Ends the thread at once (interrupting the running task) and waits up to five seconds for it. */
    void shutdownNow() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
