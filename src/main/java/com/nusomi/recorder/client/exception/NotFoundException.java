package com.nusomi.recorder.client.exception;

/** HTTP 404: no such session, frame or route. */
public class NotFoundException extends ApiException {
    public NotFoundException(ErrorInfo info, Throwable cause) {
        super(describe(info, "Not found"), info, cause);
    }
}
