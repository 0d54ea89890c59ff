package com.nusomi.recorder.recorder;

import com.nusomi.recorder.recorder.spool.EntryInfo;
import com.nusomi.recorder.recorder.spool.RejectedEntry;

/**
 * What the recorder reports, for the UI (which adapts it to the FX thread) and for tests. Every method has an
 * empty default. Called on recorder threads (capture, upload): keep implementations quick; exceptions they throw
 * are logged and ignored.
 */
public interface RecorderListener {
    RecorderListener NONE = new RecorderListener() {};

    default void onStateChanged(String sessionId, RecordingState state) {}

    /** Counts changed (recorded, pending, rejected, errors...). */
    default void onStats(RecorderStats stats) {}

    /** An entry (frame, event batch, tag, stop) is in the journal, flushed to disk: it counts as recorded. */
    default void onRecorded(EntryInfo entry) {}

    /** The server acknowledged an entry. */
    default void onUploaded(EntryInfo entry) {}

    /**
     * The server refused an entry for good; it is kept in the session's rejected list on disk. By default handed on
     * to {@link #onRejectedWork}, described without the spool's types.
     */
    default void onRejected(RejectedEntry rejected) {
        onRejectedWork(RejectedWork.of(rejected));
    }

    /** The server refused a piece of work for good (what the app shows; see {@link #onRejected}). */
    default void onRejectedWork(RejectedWork rejected) {}

    /** A frame could not be captured or encoded (the recording goes on). */
    default void onCaptureError(String sessionId, Exception error) {}

    default void onWarning(RecorderWarning warning) {}

    /** Everything of the session was sent, its stop last ({@code stopAcknowledged} false if the stop was refused). */
    default void onDrained(String sessionId, boolean stopAcknowledged) {}
}
