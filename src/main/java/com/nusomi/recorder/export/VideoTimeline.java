package com.nusomi.recorder.export;

import com.nusomi.recorder.client.model.Frame;
import com.nusomi.recorder.export.steps.Step;
import com.nusomi.recorder.export.steps.StepKind;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;

/**
 * Walks a run's frames and steps together and cuts the video into segments: each frame is held until the next one
 * (the last until the stop), on the {@link VideoClock}'s time; a segment ends wherever a ring or caption appears or
 * goes, so each segment is one picture. Keeps only the frame at hand and the overlays still showing.
 */
final class VideoTimeline {
    /** How long a click ring shows, in ms of video. */
    static final long RING_MS = 1_500;

    /** How long a caption shows at most, in ms of video. */
    static final long CAPTION_MS = 3_000;

    /** How long the last frame is held when the run has no stop time after it. */
    static final long LAST_HOLD_MS = 1_000;

    /** Receives the segments in order. */
    interface Sink {
        /** {@code frame} shown from {@code fromMs} to {@code toMs} of the video, with {@code overlays} on it. */
        void segment(Frame frame, long fromMs, long toMs, List<VideoCanvas.Overlay> overlays) throws IOException;
    }

    private final ExportOptions options;
    private final VideoClock clock;
    private final List<VideoCanvas.Overlay> showing = new ArrayList<>();

    VideoTimeline(ExportOptions options) {
        this.options = options;
        this.clock = new VideoClock(options);
    }

    /** Walks {@code frames} and {@code steps} (both in time order); {@code stoppedAt} may be null. */
    void walk(Iterator<Frame> frames, Iterator<Step> steps, Instant stoppedAt, Sink sink) throws IOException {
        Step step = steps.hasNext() ? steps.next() : null;
        Frame current = frames.hasNext() ? frames.next() : null;
        while (step != null && current != null && step.at().isBefore(current.capturedAt())) {
            overlays(step, 0);
            step = steps.hasNext() ? steps.next() : null;
        }
        while (current != null) {
            Frame next = frames.hasNext() ? frames.next() : null;
            Instant holdEnd = next != null ? next.capturedAt() : lastHoldEnd(current, stoppedAt);
            long from = clock.advanceTo(current.capturedAt());
            while (step != null && step.at().isBefore(holdEnd)) {
                overlays(step, clock.advanceTo(step.at()));
                if (step.kind() == StepKind.PAUSE) {
                    clock.cut(step.at().plusMillis(step.durationMs()));
                }
                step = steps.hasNext() ? steps.next() : null;
            }
            long to = clock.advanceTo(holdEnd);
            if (to > from) {
                emit(current, from, to, sink);
            }
            current = next;
        }
    }

    private static Instant lastHoldEnd(Frame last, Instant stoppedAt) {
        return stoppedAt != null && stoppedAt.isAfter(last.capturedAt())
                ? stoppedAt
                : last.capturedAt().plusMillis(LAST_HOLD_MS);
    }

    private void overlays(Step step, long at) {
        if (!options.overlays()) {
            return;
        }
        if (step.kind() == StepKind.CLICK && step.hasClickPoint()) {
            showing.add(new VideoCanvas.Overlay(true, step.x(), step.y(), null, at, at + RING_MS));
        }
        for (int i = 0; i < showing.size(); i++) {
            VideoCanvas.Overlay o = showing.get(i);
            if (!o.ring() && o.toMs() > at) {
                showing.set(i, new VideoCanvas.Overlay(false, 0, 0, o.caption(), o.fromMs(), Math.max(o.fromMs(), at)));
            }
        }
        showing.add(new VideoCanvas.Overlay(false, 0, 0, step.number() + ". " + step.caption(), at, at + CAPTION_MS));
    }

    private void emit(Frame frame, long from, long to, Sink sink) throws IOException {
        showing.removeIf(o -> o.toMs() <= from || o.toMs() <= o.fromMs());
        TreeSet<Long> cuts = new TreeSet<>(List.of(from, to));
        for (VideoCanvas.Overlay o : showing) {
            if (o.fromMs() > from && o.fromMs() < to) {
                cuts.add(o.fromMs());
            }
            if (o.toMs() > from && o.toMs() < to) {
                cuts.add(o.toMs());
            }
        }
        Long a = cuts.pollFirst();
        for (Long b : cuts) {
            List<VideoCanvas.Overlay> on = new ArrayList<>();
            for (VideoCanvas.Overlay o : showing) {
                if (o.fromMs() <= a && o.toMs() > a) {
                    on.add(o);
                }
            }
            sink.segment(frame, a, b, on);
            a = b;
        }
    }
}
