package com.nusomi.recorder.client.exception;

/**
 * Base of every error the Sessions client throws. Unchecked. Carries the HTTP status, the contract's error
 * type, code and param, the request id, the idempotency key and the attempt count. The message is meant for
 * people and always names the request id when there is one. Never contains the API key.
 */
public class ApiException extends RuntimeException {
    private final ErrorInfo info;

    public ApiException(ErrorInfo info, Throwable cause) {
        this(describe(info, null), info, cause);
    }

    protected ApiException(String message, ErrorInfo info, Throwable cause) {
        super(message, cause);
        this.info = info;
    }

    /** Builds the human-readable message: the server's text (or a fallback) and the facts in brackets. */
    public static String describe(ErrorInfo info, String fallback) {
        StringBuilder sb = new StringBuilder();
        String text = info.serverMessage() != null && !info.serverMessage().isBlank()
                ? info.serverMessage()
                : fallback != null ? fallback : "Request failed";
        sb.append(text).append(" (");
        if (info.httpStatus() > 0) {
            sb.append("HTTP ").append(info.httpStatus());
        } else {
            sb.append("no response");
        }
        if (info.code() != null) {
            sb.append(", code ").append(info.code());
        }
        if (info.param() != null) {
            sb.append(", param ").append(info.param());
        }
        if (info.method() != null) {
            sb.append(", ").append(info.method()).append(' ').append(info.path());
        }
        sb.append(", request_id ").append(info.requestId() != null ? info.requestId() : "unknown");
        if (info.idempotencyKey() != null) {
            sb.append(", idempotency key ").append(info.idempotencyKey());
        }
        sb.append(", ").append(info.attempts()).append(info.attempts() == 1 ? " attempt)" : " attempts)");
        return sb.toString();
    }

    public ErrorInfo info() {
        return info;
    }

    /** HTTP status, or 0 when no response arrived. */
    public int httpStatus() {
        return info.httpStatus();
    }

    /** The contract's error type, e.g. {@code invalid_request_error}; null without an error body. */
    public String type() {
        return info.type();
    }

    /** The contract's error code, e.g. {@code session_not_found}; null without an error body. */
    public String code() {
        return info.code();
    }

    /** The parameter at fault, if one. */
    public String param() {
        return info.param();
    }

    /** The message the server wrote, if any (see {@link #getMessage()} for the full description). */
    public String serverMessage() {
        return info.serverMessage();
    }

    public String requestId() {
        return info.requestId();
    }

    /** The {@code Idempotency-Key} the client sent with every attempt of this call; null for GET and DELETE. */
    public String idempotencyKey() {
        return info.idempotencyKey();
    }

    /** Number of HTTP attempts made, retries included. */
    public int attempts() {
        return info.attempts();
    }
}
