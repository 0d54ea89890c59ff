package com.nusomi.recorder.client;

import java.util.function.Function;

/**
 * A decoded response together with the facts of the call: HTTP status, {@code Request-Id}, the
 * {@code Idempotency-Key} sent (null for GET/DELETE), the number of attempts made, and whether the server
 * replayed a stored idempotent response ({@code Idempotent-Replayed: true}).
 */
public record ApiResult<T>(T value, int httpStatus, String requestId, String idempotencyKey, int attempts,
                           boolean replayed) {

    /** The same facts around another value. */
    public <R> ApiResult<R> map(Function<? super T, ? extends R> f) {
        return new ApiResult<>(f.apply(value), httpStatus, requestId, idempotencyKey, attempts, replayed);
    }
}
