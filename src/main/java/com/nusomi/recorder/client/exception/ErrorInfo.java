package com.nusomi.recorder.client.exception;

/**
 * What is known about a failed call. {@code httpStatus} is 0 when no response arrived; {@code type},
 * {@code code}, {@code param} and {@code serverMessage} come from the contract's error body when there was
 * one; {@code requestId} from the body or the {@code Request-Id} header; {@code idempotencyKey} is the key the
 * client sent (null for GET and DELETE); {@code attempts} counts the HTTP attempts made, retries included.
 */
public record ErrorInfo(
        int httpStatus,
        String type,
        String code,
        String param,
        String serverMessage,
        String requestId,
        String idempotencyKey,
        int attempts,
        String method,
        String path) {

    /** A copy with another attempt count. */
    public ErrorInfo withAttempts(int attempts) {
        return new ErrorInfo(
                httpStatus, type, code, param, serverMessage, requestId, idempotencyKey, attempts, method, path);
    }

    /** A copy with another server message. */
    public ErrorInfo withServerMessage(String serverMessage) {
        return new ErrorInfo(
                httpStatus, type, code, param, serverMessage, requestId, idempotencyKey, attempts, method, path);
    }
}
