package com.nusomi.recorder.client;

import com.nusomi.recorder.client.exception.ApiException;
import java.util.function.Function;

/**
 * The outcome of one call together with its facts: HTTP status, {@code Request-Id}, the {@code Idempotency-Key}
 * sent (null for GET/DELETE), the number of attempts made, and whether the server replayed a stored idempotent
 * response ({@code Idempotent-Replayed: true}). A successful call has a {@code value}; a call that failed with an
 * {@link ApiException} (from {@link ApiCall#executeForResult()}) has that exception as its {@code failure}, and
 * the facts are the exception's (status 0 when no response arrived).
 */
public record ApiResult<T>(
        T value,
        int httpStatus,
        String requestId,
        String idempotencyKey,
        int attempts,
        boolean replayed,
        ApiException failure) {

    /** Checks that a failed result holds no value. */
    public ApiResult {
        if (failure != null && value != null) {
            throw new IllegalArgumentException("a failed result has no value");
        }
    }

    /** A successful call's result. */
    public ApiResult(T value, int httpStatus, String requestId, String idempotencyKey, int attempts, boolean replayed) {
        this(value, httpStatus, requestId, idempotencyKey, attempts, replayed, null);
    }

    /** The result of a call that failed with {@code failure}, carrying its status, request id, key and attempts. */
    public static <T> ApiResult<T> failed(ApiException failure) {
        return new ApiResult<>(
                null,
                failure.httpStatus(),
                failure.requestId(),
                failure.idempotencyKey(),
                failure.attempts(),
                false,
                failure);
    }

    /** True if the call succeeded ({@link #failure()} is null). */
    public boolean isSuccess() {
        return failure == null;
    }

    /**
     * The decoded response.
     *
     * @throws ApiException the call's failure, if it failed
     */
    @Override
    public T value() {
        if (failure != null) {
            throw failure;
        }
        return value;
    }

    /** The same facts around another value; a failed result stays failed. */
    public <R> ApiResult<R> map(Function<? super T, ? extends R> f) {
        return new ApiResult<>(
                failure == null ? f.apply(value) : null,
                httpStatus,
                requestId,
                idempotencyKey,
                attempts,
                replayed,
                failure);
    }
}
