package com.nusomi.recorder.recorder;

import com.nusomi.recorder.recorder.spool.SessionJournal;
import com.nusomi.recorder.recorder.spool.Spool;
import java.util.concurrent.atomic.AtomicLong;

/** The live counts of one session, turned into {@link RecorderStats} snapshots. */
final class SessionCounters {
    final String sessionId;
    final SessionJournal journal;
    final Spool spool;
    final AtomicLong framesRecorded = new AtomicLong();
    final AtomicLong framesUnchanged = new AtomicLong();
    final AtomicLong framesSkipped = new AtomicLong();
    final AtomicLong eventsRecorded = new AtomicLong();
    final AtomicLong captureErrors = new AtomicLong();
    volatile boolean uploadWaiting;
    volatile boolean spoolFullWarned;
    volatile RecordingState state;

    SessionCounters(String sessionId, SessionJournal journal, Spool spool, RecordingState state) {
        this.sessionId = sessionId;
        this.journal = journal;
        this.spool = spool;
        this.state = state;
    }

    RecorderStats snapshot() {
        return new RecorderStats(
                sessionId,
                state,
                framesRecorded.get(),
                framesUnchanged.get(),
                framesSkipped.get(),
                eventsRecorded.get(),
                journal.pendingEntries(),
                journal.pendingBytes(),
                journal.rejectedEntries(),
                captureErrors.get(),
                uploadWaiting,
                spool.usedBytes(),
                spool.limitBytes());
    }
}
