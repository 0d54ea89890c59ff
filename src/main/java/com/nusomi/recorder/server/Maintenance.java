package com.nusomi.recorder.server;

import com.nusomi.recorder.server.store.MaintenanceLock;
import com.nusomi.recorder.server.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Background jobs: the indexer that seals stopped sessions (it finds them in the database, so sessions left
 * stopped by a crash are sealed on the next start), and the purge of sessions deleted more than 30 days ago and of
 * idempotency records older than 24 hours (with the frame images no frame uses any more, and the temporary frame
 * files that writers which died left behind). When several servers share one database, the periodic rounds run on the
 * one server that holds the store's {@link MaintenanceLock} (each asks before each round, so another takes over
 * within a round after the holder dies); {@link #sealStopped()} and {@link #purgeDue()} called directly always run.
 * The admin {@link Policies} (retention, auto-stop) run in the purge's rounds, before the purge, on the same server.
 */
final class Maintenance implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Maintenance.class);

    private final Store store;
    private final Clock clock;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "api-maintenance");
        t.setDaemon(true);
        return t;
    });

    private final CompletableFuture<Void> firstRounds = new CompletableFuture<>();
    private final FrameFiles files;
    private final MaintenanceLock lock;
    private final Policies policies;

    Maintenance(Store store, Clock clock, FrameFiles files, Policies policies) {
        this.store = store;
        this.clock = clock;
        this.files = files;
        this.policies = policies;
        this.lock = store.maintenanceLock();
    }

    // sealQuietly and purgeQuietly log their own failures; the periodic futures never complete
    @SuppressWarnings("FutureReturnValueIgnored")
    void start(long sealEveryMillis, long purgeEveryMillis) {
        // The first rounds run at once, in this order, on the scheduler's one thread; the periodic ones follow.
        scheduler.execute(this::sealQuietly);
        scheduler.execute(this::purgeQuietly);
        scheduler.execute(() -> firstRounds.complete(null));
        scheduler.scheduleWithFixedDelay(this::sealQuietly, sealEveryMillis, sealEveryMillis, TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(this::purgeQuietly, purgeEveryMillis, purgeEveryMillis, TimeUnit.MILLISECONDS);
    }

    /**
     * Waits until the rounds run at start (seal, then policies and purge) are over, so that a caller which changes
     * the clock or the sessions next does not race them; false if they took longer than the timeout.
     */
    boolean awaitFirstRounds(Duration timeout) {
        try {
            firstRounds.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Seals every session now stopped; returns how many. */
    int sealStopped() {
        int total = 0;
        while (true) {
            List<String> ids = store.readOne(tx -> tx.sessionsToSeal(500));
            if (ids.isEmpty()) {
                return total;
            }
            store.write(tx -> {
                ids.forEach(id -> SessionLifecycle.seal(tx, id));
                return null;
            });
            total += ids.size();
        }
    }

    /** Applies the admin policies now: auto-stop, then retention; returns how many sessions each changed. */
    int[] applyPolicies() {
        long now = clock.millis();
        return new int[] {policies.stopAbandoned(store, now), policies.applyRetention(store, now)};
    }

    /** Purges what is due; returns how many sessions went. */
    int purgeDue() {
        long now = clock.millis();
        int total = 0;
        while (true) {
            List<String> ids = store.readOne(tx -> tx.sessionsDueForPurge(now, 200));
            if (ids.isEmpty()) {
                break;
            }
            store.write(tx -> {
                ids.forEach(id -> files.eraseAfterCommit(tx, SessionLifecycle.purge(tx, id, now)));
                return null;
            });
            total += ids.size();
        }
        store.write(tx -> tx.deleteIdempotencyBefore(now - 24L * 60 * 60 * 1000));
        files.removeStaleTemps(FrameFiles.STALE_TEMP);
        if (total > 0) {
            LOG.info("purged {} sessions deleted more than 30 days ago", total);
        }
        return total;
    }

    private void sealQuietly() {
        if (!lock.tryHold()) {
            return;
        }
        try {
            sealStopped();
        } catch (RuntimeException e) {
            LOG.warn("sealing failed; will try again", e);
        }
    }

    private void purgeQuietly() {
        if (!lock.tryHold()) {
            return;
        }
        try {
            if (policies.any()) {
                applyPolicies();
            }
        } catch (RuntimeException e) {
            LOG.warn("the retention or auto-stop policy failed; will try again", e);
        }
        try {
            purgeDue();
        } catch (RuntimeException e) {
            LOG.warn("purge failed; will try again", e);
        }
    }

    @Override
    public void close() {
        // Let a round in progress finish (they are short) rather than interrupt it half way.
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(10, TimeUnit.SECONDS)) {
                scheduler.shutdownNow();
            }
        } catch (InterruptedException e) {
            scheduler.shutdownNow();
            Thread.currentThread().interrupt();
        } finally {
            lock.close();
        }
    }
}
