package com.nusomi.recorder.client.exception;

/** HTTP 403: the API key lacks the scope this call needs (e.g. admin for a hard delete). */
public class PermissionException extends ApiException {
    public PermissionException(ErrorInfo info, Throwable cause) {
        super(describe(info, "The API key lacks the scope for this call"), info, cause);
    }
}
