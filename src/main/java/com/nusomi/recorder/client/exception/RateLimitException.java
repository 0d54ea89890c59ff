package com.nusomi.recorder.client.exception;

import java.time.Duration;

/** HTTP 429: too many requests; {@link #retryAfter()} is the server's advice, if it gave one. */
public class RateLimitException extends ApiException {
    private final Duration retryAfter;

    public RateLimitException(ErrorInfo info, Duration retryAfter, Throwable cause) {
        super(describe(info, "Rate limited"), info, cause);
        this.retryAfter = retryAfter;
    }

    /** The {@code Retry-After} of the last response, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
