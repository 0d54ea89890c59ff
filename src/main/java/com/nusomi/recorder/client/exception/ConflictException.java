package com.nusomi.recorder.client.exception;

/** HTTP 409: the request conflicts with the session's state or an earlier idempotent request. */
public class ConflictException extends ApiException {
    public ConflictException(ErrorInfo info, Throwable cause) {
        super(describe(info, "Conflict"), info, cause);
    }
}
