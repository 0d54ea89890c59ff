package com.nusomi.recorder.client;

import java.time.Duration;

/**
 * Per-call options: the {@code Idempotency-Key} to send (POST only; a UUID is generated when null), a
 * whole-call timeout for each attempt overriding the client's, and a maximum number of attempts overriding
 * the retry policy's.
 */
public record RequestOptions(String idempotencyKey, Duration timeout, Integer maxAttempts) {
    /** No option: a generated idempotency key, the client's timeout and retry policy. */
    public static final RequestOptions NONE = new RequestOptions(null, null, null);

    /**
     * @throws IllegalArgumentException for a key outside 1 to 255 characters, or fewer than one attempt
     */
    public RequestOptions {
        if (idempotencyKey != null && (idempotencyKey.isEmpty() || idempotencyKey.length() > 255)) {
            throw new IllegalArgumentException("an idempotency key has 1 to 255 characters");
        }
        if (maxAttempts != null && maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    /** Only this {@code Idempotency-Key}. */
    public static RequestOptions idempotencyKey(String key) {
        return new RequestOptions(key, null, null);
    }

    /** Only this whole-call timeout of each attempt. */
    public static RequestOptions timeout(Duration timeout) {
        return new RequestOptions(null, timeout, null);
    }

    /** These options with another idempotency key (null: a generated one). */
    public RequestOptions withIdempotencyKey(String key) {
        return new RequestOptions(key, timeout, maxAttempts);
    }

    /** These options with another whole-call timeout of each attempt (null: the client's). */
    public RequestOptions withTimeout(Duration timeout) {
        return new RequestOptions(idempotencyKey, timeout, maxAttempts);
    }

    /** These options with another maximum number of attempts (null: the retry policy's). */
    public RequestOptions withMaxAttempts(Integer maxAttempts) {
        return new RequestOptions(idempotencyKey, timeout, maxAttempts);
    }
}
