package com.nusomi.recorder.ui.review;

import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * Plays a session's frames in real time: each frame is held until the next frame's offset, divided by the speed
 * (1× to 16×). Frames are stored only when the picture changes, so a long gap between two frames with no event in
 * it is time in which nothing happened: with "skip idle" such a gap is cut to {@value #IDLE_KEEP_MS} ms, and the
 * status says how much was skipped. Each frame's moment is planned from the last one's, not from when the tick came,
 * so the playback keeps time; when it falls behind it jumps to the frame due now. Runs on the UI thread.
 */
final class Playback {
    /** The speeds offered. */
    static final List<Integer> SPEEDS = List.of(1, 2, 4, 8, 16);
    /** A gap between two frames at least this long, with no event or tag in it, is idle. */
    static final long IDLE_MIN_MS = 3_000;
    /** Of an idle gap, this much (recorded time) is played. */
    static final long IDLE_KEEP_MS = 1_000;

    /** The frames played, as the viewer holds them. */
    interface Frames {
        int index();

        int count();

        /** Frame {@code i}'s offset in recorded time. */
        long offset(int i);

        /** True if no event or tag lies strictly between {@code from} and {@code to}. */
        boolean quiet(long from, long to);

        /** Makes frame {@code i} current (for playback: without telling the playback to start over). */
        void show(int i);
    }

    private final PlaybackTimer timer;
    private final Frames frames;
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(false);
    private final ObjectProperty<Integer> speed = new SimpleObjectProperty<>(1);
    private final BooleanProperty skipIdle = new SimpleBooleanProperty(false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private int cursor;
    /** When the current frame was due, and when the next one is (timer milliseconds). */
    private double dueAt;

    private double nextAt;
    private long skipping;

    Playback(PlaybackTimer timer, Frames frames) {
        this.timer = timer;
        this.frames = frames;
        speed.addListener((o, a, b) -> restart());
        skipIdle.addListener((o, a, b) -> restart());
    }

    void onPlayPause() {
        if (playing.get()) {
            pause();
        } else {
            play();
        }
    }

    /** Plays from the current frame (from the first, when at the last). */
    void play() {
        if (frames.count() < 2) {
            return;
        }
        if (frames.index() < 0 || frames.index() >= frames.count() - 1) {
            frames.show(0);
        }
        status.set("");
        playing.set(true);
        restart();
        timer.start(this::tick);
    }

    void pause() {
        timer.stop();
        playing.set(false);
    }

    /** Plays on from the frame current now, held from now (after a step, a scrub, a change of speed). */
    void restart() {
        if (!playing.get()) {
            return;
        }
        cursor = Math.max(0, frames.index());
        dueAt = timer.nowMillis();
        plan();
    }

    private void plan() {
        skipping = 0;
        if (cursor >= frames.count() - 1) {
            nextAt = Double.NaN;
            return;
        }
        long from = frames.offset(cursor);
        long to = frames.offset(cursor + 1);
        long gap = Math.max(0, to - from);
        long hold = gap;
        if (skipIdle.get() && gap >= IDLE_MIN_MS && frames.quiet(from, to)) {
            hold = IDLE_KEEP_MS;
            skipping = gap - hold;
        }
        nextAt = dueAt + (double) hold / Math.max(1, speed.get());
    }

    /** On each tick: moves to the frame due now, if it is another one. */
    void tick() {
        if (!playing.get()) {
            return;
        }
        if (Double.isNaN(nextAt)) {
            pause();
            status.set("End of the recording");
            return;
        }
        long now = timer.nowMillis();
        long skipped = 0;
        int start = cursor;
        while (!Double.isNaN(nextAt) && now >= nextAt) {
            skipped += skipping;
            cursor++;
            dueAt = nextAt;
            plan();
        }
        if (cursor != start) {
            frames.show(cursor);
            if (skipped > 0) {
                status.set("Skipped " + duration(skipped) + " idle");
            }
        }
    }

    /** "45 s", "2 min 10 s", "1 h 5 min". */
    static String duration(long ms) {
        long s = Math.round(ms / 1000.0);
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return s % 60 == 0 ? s / 60 + " min" : String.format(Locale.ROOT, "%d min %d s", s / 60, s % 60);
        }
        long min = (s % 3600) / 60;
        return min == 0 ? s / 3600 + " h" : String.format(Locale.ROOT, "%d h %d min", s / 3600, min);
    }

    ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    /** 1, 2, 4, 8 or 16. */
    ObjectProperty<Integer> speedProperty() {
        return speed;
    }

    BooleanProperty skipIdleProperty() {
        return skipIdle;
    }

    /** What playback did last ("Skipped 2 min 10 s idle"), or blank. */
    ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
