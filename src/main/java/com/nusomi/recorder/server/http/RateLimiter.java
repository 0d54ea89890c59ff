package com.nusomi.recorder.server.http;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A token bucket per API key id ({@link RateLimit}): a request takes a token, and a key earns tokens back at the
 * limit's rate, up to a full bucket. Times come from the server's clock, so tests move time rather than wait.
 *
 * <p>Memory stays bounded: a bucket that has filled up again holds nothing a new bucket would not, so such idle
 * buckets are dropped in a sweep every {@link #SWEEP_EVERY} requests, and at most {@link #MAX_BUCKETS} are kept (the
 * keys are only ones that authenticated, so the map never holds more than the live keys in use).
 */
final class RateLimiter {
    static final int SWEEP_EVERY = 1024;
    static final int MAX_BUCKETS = 100_000;

    private final RateLimit limit;
    private final Clock clock;
    private final long nanosPerPermit;
    private final long burstNanos;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong requests = new AtomicLong();

    RateLimiter(RateLimit limit, Clock clock) {
        this.limit = limit;
        this.clock = clock;
        this.nanosPerPermit = limit.nanosPerPermit();
        this.burstNanos = nanosPerPermit * limit.permits();
    }

    /**
     * Takes a token of this key's bucket: 0 when there was one, else the seconds (rounded up, at least 1) until
     * there will be.
     */
    long acquire(String keyId) {
        long now = nanosNow();
        if (requests.incrementAndGet() % SWEEP_EVERY == 0 || buckets.size() >= MAX_BUCKETS) {
            sweep(now);
        }
        Bucket bucket = buckets.computeIfAbsent(keyId, k -> new Bucket(now - burstNanos));
        long waitNanos = bucket.take(now, nanosPerPermit, burstNanos);
        if (waitNanos <= 0) {
            return 0;
        }
        return Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
    }

    /** Drops every bucket that is full again: an idle key's bucket is made anew when it comes back. */
    void sweep(long now) {
        buckets.values().removeIf(b -> b.isFull(now, burstNanos));
    }

    /** Buckets kept now (for tests). */
    int buckets() {
        return buckets.size();
    }

    RateLimit limit() {
        return limit;
    }

    private long nanosNow() {
        return clock.millis() * 1_000_000L;
    }

    /**
     * A bucket as one time, the "theoretical arrival time" of the generic cell rate algorithm: the bucket holds
     * {@code (now - tat) / nanosPerPermit} tokens, capped at the burst.
     */
    private static final class Bucket {
        private long tat;

        Bucket(long tat) {
            this.tat = tat;
        }

        /** Takes a token: 0, else how long until one is there (nothing taken then). */
        synchronized long take(long now, long nanosPerPermit, long burstNanos) {
            long start = Math.max(tat, now - burstNanos);
            long next = start + nanosPerPermit;
            if (next > now) {
                return next - now;
            }
            tat = next;
            return 0;
        }

        synchronized boolean isFull(long now, long burstNanos) {
            return tat <= now - burstNanos;
        }
    }
}
