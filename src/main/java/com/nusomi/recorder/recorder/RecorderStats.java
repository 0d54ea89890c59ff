package com.nusomi.recorder.recorder;

/**
 * A snapshot of one session's recording and upload. Counts are of this run of the app: frames and events
 * recorded (in the journal), frames not recorded because they were identical to the previous one or because the
 * spool was full, capture errors; and the session's journal: entries and bytes waiting for upload, entries the
 * server refused (kept on disk). {@code uploadWaiting} is true while the server cannot be reached.
 */
public record RecorderStats(
        String sessionId,
        RecordingState state,
        long framesRecorded,
        long framesUnchanged,
        long framesSkippedSpoolFull,
        long eventsRecorded,
        int pendingEntries,
        long pendingBytes,
        int rejectedEntries,
        long captureErrors,
        boolean uploadWaiting,
        long spoolUsedBytes,
        long spoolLimitBytes) {}
