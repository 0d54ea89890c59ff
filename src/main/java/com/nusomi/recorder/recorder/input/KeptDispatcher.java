package com.nusomi.recorder.recorder.input;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The event dispatcher given to jnativehook: hands each event, in order, to one daemon thread of ours that only
 * {@link #close()} ends.
 *
 * <p>jnativehook 2.2.2 shuts its dispatcher down on every {@code unregisterNativeHook}, {@code registerNativeHook}
 * and {@code setEventDispatcher}, and once it has had one it never makes another: after the first
 * unregistration every event of a later registration is rejected on the hook thread and lost. So a shutdown that
 * comes from jnativehook only lets go: this reports itself shut down and terminated (what
 * {@code registerNativeHook} waits for) and goes on dispatching.
 */
final class KeptDispatcher extends AbstractExecutorService {
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "input-hook-dispatch");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean letGo;

    @Override
    public void execute(Runnable event) {
        try {
            thread.execute(event);
        } catch (RejectedExecutionException closed) {
            dropped.incrementAndGet(); // the app is closing: never throw into the native hook thread
        }
    }

    /** jnativehook lets go of it: ignored, see the class comment. */
    @Override
    public void shutdown() {
        letGo = true;
    }

    /** As {@link #shutdown()}: nothing queued is handed back. */
    @Override
    public List<Runnable> shutdownNow() {
        letGo = true;
        return List.of();
    }

    @Override
    public boolean isShutdown() {
        return letGo || thread.isShutdown();
    }

    @Override
    public boolean isTerminated() {
        return letGo || thread.isTerminated();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return isTerminated();
    }

    /** Ends the dispatch thread for good (app exit); events still arriving are dropped. */
    void close() {
        thread.shutdown();
    }

    boolean closed() {
        return thread.isShutdown();
    }

    /** Events that arrived after {@link #close()}. */
    long dropped() {
        return dropped.get();
    }
}
