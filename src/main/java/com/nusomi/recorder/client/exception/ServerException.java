package com.nusomi.recorder.client.exception;

/** HTTP 5xx (or an unexpected status): the server failed; retrying later may help. */
public class ServerException extends ApiException {
    public ServerException(ErrorInfo info, Throwable cause) {
        super(describe(info, "The server failed"), info, cause);
    }
}
