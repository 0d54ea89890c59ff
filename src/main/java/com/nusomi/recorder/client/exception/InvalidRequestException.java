package com.nusomi.recorder.client.exception;

/** HTTP 400, 405, 413 or 415: the request is invalid; {@link #param()} names the field at fault. */
public class InvalidRequestException extends ApiException {
    public InvalidRequestException(ErrorInfo info, Throwable cause) {
        super(describe(info, "Invalid request"), info, cause);
    }
}
