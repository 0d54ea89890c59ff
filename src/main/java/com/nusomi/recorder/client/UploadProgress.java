package com.nusomi.recorder.client;

/**
 * Reports how much of a large request body (a run bundle) has gone out. Called on the thread that sends the
 * request, after each chunk; an upload that is retried starts again from 0.
 */
@FunctionalInterface
public interface UploadProgress {
    /** Reports nothing. */
    UploadProgress NONE = (sent, total) -> {};

    /** {@code sent} bytes of {@code total} have been written to the connection. */
    void sent(long sent, long total);
}
