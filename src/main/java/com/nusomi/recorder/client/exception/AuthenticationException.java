package com.nusomi.recorder.client.exception;

/** HTTP 401: the API key is missing or invalid. */
public class AuthenticationException extends ApiException {
    public AuthenticationException(ErrorInfo info, Throwable cause) {
        super(describe(info, "The API key is missing or invalid"), info, cause);
    }
}
