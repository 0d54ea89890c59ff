package com.nusomi.recorder.recorder.spool;

import java.time.Duration;

/** What the spool and its uploaders report. Called on spool and uploader threads; implementations must be quick. */
public interface SpoolEvents {
    SpoolEvents NONE = new SpoolEvents() {};

    /** An entry was written and flushed to disk: from now on it counts as recorded. */
    default void recorded(EntryInfo entry) {}

    /** The server acknowledged an entry; it is gone from the pending list. */
    default void uploaded(EntryInfo entry) {}

    /** The server refused an entry for good; it is kept on disk in the session's rejected list. */
    default void rejected(RejectedEntry rejected) {}

    /** Pending or rejected bytes changed for this session. */
    default void pendingChanged(String sessionId, int pendingEntries, long pendingBytes, int rejectedEntries) {}

    /** The spool passed 80% of its limit (once each time it crosses). */
    default void nearlyFull(long usedBytes, long limitBytes) {}

    /** A frame was not recorded because the spool is at its limit (events, tags and stop still are). */
    default void frameSkipped(String sessionId, long usedBytes, long limitBytes) {}

    /** The server is unreachable (or failing); the uploader will try again in {@code retryIn}, in order. */
    default void uploadWaiting(String sessionId, Exception cause, Duration retryIn) {}

    /** Uploading works again after {@link #uploadWaiting}. */
    default void uploadResumed(String sessionId) {}

    /** Every entry of the session was handled and its stop sent ({@code stopAcknowledged} false if it was rejected). */
    default void drained(String sessionId, boolean stopAcknowledged) {}
}
