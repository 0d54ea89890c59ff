package com.nusomi.recorder.client;

import java.time.Duration;
import java.util.Objects;

/**
 * When and how long to wait before retrying. A call is retried on connection failures, 408, 409
 * {@code idempotency_key_in_use}, 429 and 5xx, never on other 4xx; at most {@code maxAttempts} attempts in
 * all, and never past {@code totalBudget} from the first attempt. The wait is exponential
 * ({@code initialBackoff × 2^(n-1)}, capped at {@code maxBackoff}) with jitter (the wait is reduced by a
 * random share up to {@code jitter}), or the server's {@code Retry-After}, capped at {@code maxRetryAfter}.
 */
public record RetryPolicy(
        int maxAttempts,
        Duration initialBackoff,
        Duration maxBackoff,
        double jitter,
        Duration maxRetryAfter,
        Duration totalBudget) {

    /**
     * @throws IllegalArgumentException for fewer than one attempt or a jitter outside 0..1
     */
    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
        Objects.requireNonNull(totalBudget, "totalBudget");
        if (jitter < 0 || jitter > 1) {
            throw new IllegalArgumentException("jitter must be within 0..1");
        }
    }

    /** 4 attempts, 250 ms doubling up to 8 s, 50% jitter, Retry-After capped at 30 s, 60 s in all. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(
                4, Duration.ofMillis(250), Duration.ofSeconds(8), 0.5, Duration.ofSeconds(30), Duration.ofSeconds(60));
    }

    /** One attempt, no retry. */
    public static RetryPolicy none() {
        return defaults().withMaxAttempts(1);
    }

    /** This policy with another maximum number of attempts, the first one included. */
    public RetryPolicy withMaxAttempts(int n) {
        return new RetryPolicy(n, initialBackoff, maxBackoff, jitter, maxRetryAfter, totalBudget);
    }

    /** This policy with another first wait and cap of the exponential wait. */
    public RetryPolicy withBackoff(Duration initial, Duration max) {
        return new RetryPolicy(maxAttempts, initial, max, jitter, maxRetryAfter, totalBudget);
    }

    /** This policy with another jitter: the largest share (0..1) by which a wait is randomly shortened. */
    public RetryPolicy withJitter(double jitter) {
        return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, jitter, maxRetryAfter, totalBudget);
    }

    /** This policy with another cap on the server's {@code Retry-After}. */
    public RetryPolicy withMaxRetryAfter(Duration cap) {
        return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, jitter, cap, totalBudget);
    }

    /** This policy with another total budget: no retry whose wait ends later than this after the first attempt. */
    public RetryPolicy withTotalBudget(Duration budget) {
        return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, jitter, maxRetryAfter, budget);
    }

    /**
     * The wait before retry number {@code retry} (1 for the first retry).
     *
     * @param retryAfter the server's Retry-After, or null
     * @param random a number in [0, 1) for the jitter
     */
    public Duration delayBeforeRetry(int retry, Duration retryAfter, double random) {
        if (retryAfter != null) {
            Duration d = retryAfter.isNegative() ? Duration.ZERO : retryAfter;
            return d.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : d;
        }
        long base = initialBackoff.toNanos();
        for (int i = 1; i < retry && base < maxBackoff.toNanos(); i++) {
            base *= 2;
        }
        base = Math.min(base, maxBackoff.toNanos());
        long jittered = base - (long) (base * jitter * random);
        return Duration.ofNanos(Math.max(0, jittered));
    }
}
