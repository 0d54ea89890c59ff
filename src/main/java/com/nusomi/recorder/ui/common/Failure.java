package com.nusomi.recorder.ui.common;

import com.nusomi.recorder.client.exception.ApiConnectionException;
import com.nusomi.recorder.client.exception.ApiException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * A failed operation as the user sees it: what failed, why (readable), the server's request id when there is
 * one, and how to try again.
 */
public record Failure(String title, String detail, String requestId, Runnable retry) {

    public static Failure of(String title, Throwable error, Runnable retry) {
        Throwable e = unwrap(error);
        String requestId = e instanceof ApiException api ? api.requestId() : null;
        return new Failure(title, describe(e), requestId, retry);
    }

    /** One readable sentence for an error, never with a key in it (the client's messages never hold one). */
    public static String describe(Throwable error) {
        Throwable e = unwrap(error);
        if (e instanceof ApiConnectionException c) {
            return c.isTimeout() ? "The server did not answer in time." : "The server could not be reached.";
        }
        if (e instanceof ApiException api) {
            String msg = api.serverMessage() != null && !api.serverMessage().isBlank()
                    ? api.serverMessage()
                    : api.getMessage();
            return msg + (api.code() != null ? " [" + api.code() + ", HTTP " + api.httpStatus() + "]" : "");
        }
        String msg = e.getMessage();
        return msg != null && !msg.isBlank() ? msg : e.getClass().getSimpleName();
    }

    static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
