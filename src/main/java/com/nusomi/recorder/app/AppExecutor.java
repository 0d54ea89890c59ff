package com.nusomi.recorder.app;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The app's own threads: a pool for blocking work (network, disk) and one scheduler for periodic checks.
 * Every thread is a named daemon, so a forgotten task never keeps the JVM alive. Shut down in {@code App.stop()}.
 */
public final class AppExecutor implements AutoCloseable {
    private final ExecutorService workers;
    private final ScheduledExecutorService scheduler;

    public AppExecutor() {
        this.workers = Executors.newFixedThreadPool(4, named("app-worker"));
        this.scheduler = Executors.newSingleThreadScheduledExecutor(named("app-scheduler"));
    }

    public ExecutorService workers() {
        return workers;
    }

    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(2, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
