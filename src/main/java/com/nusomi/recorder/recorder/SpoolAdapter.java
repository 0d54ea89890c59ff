package com.nusomi.recorder.recorder;

import com.nusomi.recorder.recorder.spool.EntryInfo;
import com.nusomi.recorder.recorder.spool.EntryKind;
import com.nusomi.recorder.recorder.spool.RejectedEntry;
import com.nusomi.recorder.recorder.spool.SpoolEvents;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Function;

/**
 * Turns the spool's reports into the counts of the sessions a {@link RecorderService} knows and into calls of its
 * listener, with a warning the first time uploads wait or frames are skipped for a full spool.
 */
final class SpoolAdapter implements SpoolEvents {
    private final Notifier notifier;
    private final Function<String, SessionCounters> countersIfKnown;

    /** @param countersIfKnown the counts of a session known to the service, or null */
    SpoolAdapter(Notifier notifier, Function<String, SessionCounters> countersIfKnown) {
        this.notifier = notifier;
        this.countersIfKnown = countersIfKnown;
    }

    @Override
    public void recorded(EntryInfo entry) {
        SessionCounters c = countersIfKnown.apply(entry.sessionId());
        if (c != null) {
            if (entry.kind() == EntryKind.FRAME) {
                c.framesRecorded.incrementAndGet();
                c.spoolFullWarned = false;
            }
            c.eventsRecorded.addAndGet(entry.eventIds().size());
        }
        notifier.tell(l -> l.onRecorded(entry));
    }

    @Override
    public void uploaded(EntryInfo entry) {
        notifier.tell(l -> l.onUploaded(entry));
    }

    @Override
    public void rejected(RejectedEntry rejected) {
        notifier.tell(l -> l.onRejected(rejected));
    }

    @Override
    public void pendingChanged(String sessionId, int pendingEntries, long pendingBytes, int rejectedEntries) {
        SessionCounters c = countersIfKnown.apply(sessionId);
        if (c != null) {
            notifier.stats(c);
        }
    }

    @Override
    public void nearlyFull(long usedBytes, long limitBytes) {
        notifier.warning(new RecorderWarning(
                RecorderWarning.Kind.SPOOL_NEARLY_FULL,
                null,
                "The upload spool holds " + mib(usedBytes) + " of its " + mib(limitBytes) + " limit (80%).",
                null));
    }

    @Override
    public void frameSkipped(String sessionId, long usedBytes, long limitBytes) {
        SessionCounters c = countersIfKnown.apply(sessionId);
        if (c != null) {
            c.framesSkipped.incrementAndGet();
            if (!c.spoolFullWarned) {
                c.spoolFullWarned = true;
                notifier.warning(new RecorderWarning(
                        RecorderWarning.Kind.SPOOL_FULL_FRAMES_SKIPPED,
                        sessionId,
                        "The upload spool is full (" + mib(usedBytes) + " of " + mib(limitBytes)
                                + "): screenshots are skipped until uploads free space; events, tags and the stop are still kept.",
                        null));
            }
            notifier.stats(c);
        }
    }

    @Override
    public void uploadWaiting(String sessionId, Exception cause, Duration retryIn) {
        SessionCounters c = countersIfKnown.apply(sessionId);
        boolean first = c == null || !c.uploadWaiting;
        if (c != null) {
            c.uploadWaiting = true;
            notifier.stats(c);
        }
        if (first) {
            notifier.warning(new RecorderWarning(
                    RecorderWarning.Kind.UPLOAD_WAITING,
                    sessionId,
                    "Uploads are waiting: " + cause.getMessage() + ". Nothing is lost; they resume in order.",
                    cause));
        }
    }

    @Override
    public void uploadResumed(String sessionId) {
        SessionCounters c = countersIfKnown.apply(sessionId);
        if (c != null) {
            c.uploadWaiting = false;
            notifier.stats(c);
        }
        notifier.warning(
                new RecorderWarning(RecorderWarning.Kind.UPLOAD_RESUMED, sessionId, "Uploads go through again.", null));
    }

    @Override
    public void drained(String sessionId, boolean stopAcknowledged) {
        SessionCounters c = countersIfKnown.apply(sessionId);
        if (c != null && c.state == RecordingState.RECOVERED) {
            notifier.state(c, RecordingState.STOPPED);
        }
        notifier.tell(l -> l.onDrained(sessionId, stopAcknowledged));
    }

    private static String mib(long bytes) {
        if (bytes < 1048576) {
            return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
    }
}
