package com.nusomi.recorder.client.exception;

/** A response that is not what the contract promises (not JSON, truncated, wrong shape). */
public class MalformedResponseException extends ApiException {
    public MalformedResponseException(ErrorInfo info, Throwable cause) {
        super(describe(info, "The server sent a malformed response"), info, cause);
    }
}
