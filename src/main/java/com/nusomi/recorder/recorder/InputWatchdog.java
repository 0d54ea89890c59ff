package com.nusomi.recorder.recorder;

import com.nusomi.recorder.recorder.input.InputListener;
import com.nusomi.recorder.recorder.input.InputSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches a recording's global mouse and keyboard input: starts it, notices once when it stops delivering (a
 * {@code marker} event {@code {"kind":"input_lost"}} where the gap starts, and
 * {@link RecorderWarning.Kind#INPUT_LOST}), and brings it back on request ({@code {"kind":"input_restored"}} and
 * {@link RecorderWarning.Kind#INPUT_RESTORED}).
 * Where input is impossible from the start it says so once ({@link RecorderWarning.Kind#INPUT_UNAVAILABLE}) and
 * watches nothing. Its state may be read from any thread; {@link #check()} and {@link #restart()} run on the
 * recording's worker.
 */
final class InputWatchdog {
    private static final Logger LOG = LoggerFactory.getLogger(InputWatchdog.class);

    private final String sessionId;
    private final InputSource input;
    private final SessionCounters counters;
    private final EventBuffer events;
    private final Notifier notify;
    private final RecordingWorker worker;
    private volatile boolean available;
    private volatile String unavailableReason;
    private volatile String lostReason;

    InputWatchdog(
            String sessionId,
            InputSource input,
            SessionCounters counters,
            EventBuffer events,
            Notifier notify,
            RecordingWorker worker) {
        this.sessionId = sessionId;
        this.input = input;
        this.counters = counters;
        this.events = events;
        this.notify = notify;
        this.worker = worker;
    }

    /** Starts delivering input to {@code listener}, or reports why it cannot (lost where a restart may help). */
    void start(InputListener listener) {
        try {
            input.start(listener);
            available = true;
        } catch (InputSource.InputUnavailableException e) {
            if (e.retryable()) {
                available = true; // possible here, but lost from the start: the operator can restart it
                lostReason = e.getMessage();
                worker.execute(() -> markLost(e.getMessage()));
            } else {
                unavailable(e);
            }
        } catch (RuntimeException e) {
            unavailable(e);
        }
    }

    private void unavailable(Exception e) {
        available = false;
        unavailableReason = e.getMessage();
        notify.warning(new RecorderWarning(RecorderWarning.Kind.INPUT_UNAVAILABLE, sessionId, e.getMessage(), e));
    }

    /** False where global hooks could not be installed at all (see {@link #unavailableReason()}). */
    boolean available() {
        return available;
    }

    String unavailableReason() {
        return unavailableReason;
    }

    /** Why input is lost, or null while it works. */
    String lostReason() {
        return lostReason;
    }

    /** The periodic check (worker only): notices once when the input source stops delivering. */
    void check() {
        if (!available
                || lostReason != null
                || counters.state == RecordingState.STOPPING
                || counters.state == RecordingState.STOPPED) {
            return;
        }
        String why;
        try {
            why = input.failure();
        } catch (RuntimeException e) {
            why = e.toString();
        }
        if (why != null) {
            lostReason = why;
            try {
                markLost(why);
            } catch (RuntimeException e) {
                LOG.warn("could not record the loss of input of {}: {}", sessionId, e.toString()); // keep watching
            }
        }
    }

    /**
     * Registers the input hook again after a loss (worker only); does nothing while input works. Fails, and input
     * stays lost, when the hook cannot be registered.
     */
    void restart() throws InputSource.InputUnavailableException {
        if (lostReason == null) {
            return;
        }
        input.restart();
        String still = input.failure();
        if (still != null) {
            throw new InputSource.InputUnavailableException(still, null, true);
        }
        lostReason = null;
        events.marker("input_restored");
        notify.warning(new RecorderWarning(
                RecorderWarning.Kind.INPUT_RESTORED, sessionId, "Clicks and keys are recorded again.", null));
    }

    /** A {@code marker} event {@code {"kind":"input_lost"}} at once, so that reviewers see where the gap starts. */
    private void markLost(String why) {
        events.marker("input_lost");
        notify.warning(new RecorderWarning(
                RecorderWarning.Kind.INPUT_LOST, sessionId, "Clicks and keys are no longer recorded: " + why, null));
    }
}
