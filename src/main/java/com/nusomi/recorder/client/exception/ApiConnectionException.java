package com.nusomi.recorder.client.exception;

import java.io.InterruptedIOException;

/** No usable response: connection refused or reset, DNS failure, or a timeout. The cause holds the I/O error. */
public class ApiConnectionException extends ApiException {
    public ApiConnectionException(ErrorInfo info, Throwable cause) {
        super(describe(info, "Could not reach the server: " + (cause == null ? "I/O error" : cause)), info, cause);
    }

    /** True when the failure was a timeout (connect, read, or whole call). */
    public boolean isTimeout() {
        return getCause() instanceof InterruptedIOException;
    }
}
