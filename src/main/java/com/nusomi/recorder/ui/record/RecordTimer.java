package com.nusomi.recorder.ui.record;

import com.nusomi.recorder.client.model.Session;
import com.nusomi.recorder.ui.common.Rules;
import java.time.Clock;
import java.util.Locale;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The Record screen's timer: the time recorded, which stands still while the recording is paused, and apart from
 * it the time paused ({@code paused 0:12}). It starts from the session as the server gives it (recorded =
 * {@code duration_ms − paused_ms}, paused = {@code paused_ms}) and, while the session is recording, runs on the
 * clock: into the recorded time, or into the paused time while paused. Driven by {@link #tick()} (the view's
 * animation) and {@link #setPaused}; no I/O, UI thread only.
 */
final class RecordTimer {
    private final Clock clock;
    private final ReadOnlyLongWrapper recordedMs = new ReadOnlyLongWrapper(0);
    private final ReadOnlyLongWrapper pausedMs = new ReadOnlyLongWrapper(0);
    private final ReadOnlyStringWrapper pausedText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(timerText(0, false));
    private long recordedBase;
    private long pausedBase;
    private long since;
    private boolean running;
    private boolean paused;

    RecordTimer(Clock clock) {
        this.clock = clock;
        pausedMs.addListener((o, a, b) -> pausedText.set(formatPaused(b.longValue())));
    }

    /** Shows this session's times; they run on from now if {@code running} (the session is recording). */
    void reset(Session s, boolean running, boolean paused) {
        recordedBase = s.recordedMs();
        pausedBase = Math.max(0, s.pausedMs());
        since = clock.millis();
        this.running = running;
        this.paused = paused;
        tick();
    }

    /** The recording paused or went on: the time from now on runs into the other total. */
    void setPaused(boolean nowPaused) {
        if (nowPaused == paused) {
            return;
        }
        if (running) {
            long now = clock.millis();
            fold(now);
            since = now;
        }
        paused = nowPaused;
        tick();
    }

    /** Brings the shown times up to date. */
    void tick() {
        long run = running ? Math.max(0, clock.millis() - since) : 0;
        recordedMs.set(recordedBase + (paused ? 0 : run));
        pausedMs.set(pausedBase + (paused ? run : 0));
        text.set(timerText(recordedMs.get(), paused));
    }

    private void fold(long now) {
        long run = Math.max(0, now - since);
        if (paused) {
            pausedBase += run;
        } else {
            recordedBase += run;
        }
    }

    /** The time recorded up to now (a tag added now sits at this offset). */
    long recordedNow() {
        tick();
        return recordedMs.get();
    }

    ReadOnlyLongProperty recordedMsProperty() {
        return recordedMs.getReadOnlyProperty();
    }

    ReadOnlyLongProperty pausedMsProperty() {
        return pausedMs.getReadOnlyProperty();
    }

    /** The timer as shown: {@code 00:01:30}, or {@code PAUSED · 00:01:30} while paused. */
    ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** {@code paused 0:12} (or {@code paused 1:02:03}); empty while nothing was paused. */
    ReadOnlyStringProperty pausedTextProperty() {
        return pausedText.getReadOnlyProperty();
    }

    static String timerText(long recordedMs, boolean paused) {
        return (paused ? "PAUSED · " : "") + Rules.formatElapsed(recordedMs);
    }

    static String formatPaused(long ms) {
        if (ms < 1000) {
            return "";
        }
        long s = ms / 1000;
        return s < 3600
                ? String.format(Locale.ROOT, "paused %d:%02d", s / 60, s % 60)
                : String.format(Locale.ROOT, "paused %d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }
}
