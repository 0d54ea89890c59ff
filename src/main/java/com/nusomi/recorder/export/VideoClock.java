package com.nusomi.recorder.export;

import java.time.Instant;

/**
 * Maps the run's time to the video's: paused time is cut out, an idle stretch (no new frame, no step) longer than
 * {@link ExportOptions#IDLE_KEPT_MS} is shortened to it when skipping idle time, and everything plays {@code speed}
 * times faster. Fed the run's moments in time order ({@link #advanceTo}); earlier ones change nothing.
 */
final class VideoClock {
    private final double speed;
    private final boolean skipIdle;
    private Instant cursor;
    private double outMs;

    VideoClock(ExportOptions options) {
        this.speed = options.speed();
        this.skipIdle = options.skipIdle();
    }

    /** Moves to {@code t}, a moment something happened (a frame, a step); returns the video time there. */
    long advanceTo(Instant t) {
        if (cursor == null) {
            cursor = t;
        } else if (t.isAfter(cursor)) {
            long gap = t.toEpochMilli() - cursor.toEpochMilli();
            if (skipIdle) {
                gap = Math.min(gap, ExportOptions.IDLE_KEPT_MS);
            }
            outMs += gap / speed;
            cursor = t;
        }
        return now();
    }

    /** Skips to {@code until} without adding video time (the end of a pause). */
    void cut(Instant until) {
        if (cursor == null || until.isAfter(cursor)) {
            cursor = until;
        }
    }

    /** The video time now, in ms. */
    long now() {
        return Math.round(outMs);
    }
}
