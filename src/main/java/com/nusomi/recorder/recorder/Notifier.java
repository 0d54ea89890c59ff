package com.nusomi.recorder.recorder;

import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the recordings and the spool of a {@link RecorderService} report to its one {@link RecorderListener} (states,
 * warnings, capture errors, counts), and how a recording hands back control when it ends. A listener that throws
 * is logged, never passed on: it must not stop a recording.
 */
final class Notifier {
    private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);

    private final RecorderListener listener;
    private final Consumer<Recording> released;

    /** @param released told when a recording has ended, before its {@code STOPPED} state is reported */
    Notifier(RecorderListener listener, Consumer<Recording> released) {
        this.listener = listener;
        this.released = released;
    }

    /** Sets a session's state and reports it, with the session's counts. */
    void state(SessionCounters c, RecordingState state) {
        c.state = state;
        tell(l -> l.onStateChanged(c.sessionId, state));
        stats(c);
    }

    void warning(RecorderWarning w) {
        LOG.warn("{}: {}", w.kind(), w.message());
        tell(l -> l.onWarning(w));
    }

    void captureError(SessionCounters c, Exception e) {
        tell(l -> l.onCaptureError(c.sessionId, e));
        stats(c);
    }

    void stats(SessionCounters c) {
        RecorderStats s = c.snapshot();
        tell(l -> l.onStats(s));
    }

    void released(Recording r) {
        released.accept(r);
    }

    /** Calls the listener, logging what it throws. */
    void tell(Consumer<RecorderListener> call) {
        try {
            call.accept(listener);
        } catch (RuntimeException e) {
            LOG.warn("A recorder listener failed: {}", e.toString(), e);
        }
    }
}
