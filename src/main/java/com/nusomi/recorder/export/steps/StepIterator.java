package com.nusomi.recorder.export.steps;

import com.nusomi.recorder.client.model.Event;
import com.nusomi.recorder.client.model.Frame;
import com.nusomi.recorder.client.model.Session;
import com.nusomi.recorder.client.model.Tag;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Merges a run's events and tags by time into steps. Consecutive key events become one step; the steps taken
 * during a pause wait until its resume (or the end), so that the pause comes first, numbered in time order.
 */
final class StepIterator implements Iterator<Step> {
    private static final int MAX_NOTE_CAPTION = 300;

    private final Session session;
    private final Iterator<Event> events;
    private final Iterator<Frame> frames;
    private final Iterator<Tag> tags;
    private final ArrayDeque<Step> ready = new ArrayDeque<>();
    private final List<PendingStep> duringPause = new ArrayList<>();

    private Event nextEvent;
    private Tag nextTag;
    private Frame lastBefore;
    private Frame nextFrame;
    private KeySummary keys;
    private Instant keysAt;
    private Long keysOffset;
    private Instant pausedAt;
    private Long pausedOffset;
    private int number;
    private boolean done;

    StepIterator(Session session, Iterator<Event> events, Iterator<Frame> frames, Iterator<Tag> tags) {
        this.session = session;
        this.events = events;
        this.frames = frames;
        this.tags = tags;
        this.nextEvent = events.hasNext() ? events.next() : null;
        this.nextTag = tags.hasNext() ? tags.next() : null;
        this.nextFrame = frames.hasNext() ? frames.next() : null;
    }

    @Override
    public boolean hasNext() {
        while (ready.isEmpty() && !done) {
            pull();
        }
        return !ready.isEmpty();
    }

    @Override
    public Step next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return ready.removeFirst();
    }

    /** Takes the earliest event or tag and turns it into steps; at the end, flushes what is pending. */
    private void pull() {
        boolean tagFirst = nextTag != null && (nextEvent == null || before(nextTag.createdAt(), nextEvent.at()));
        if (tagFirst) {
            Tag t = nextTag;
            nextTag = tags.hasNext() ? tags.next() : null;
            endKeys();
            emit(tagStep(t));
        } else if (nextEvent != null) {
            Event e = nextEvent;
            nextEvent = events.hasNext() ? events.next() : null;
            onEvent(e);
        } else {
            endKeys();
            if (pausedAt != null) {
                Instant end = session.stoppedAt() != null ? session.stoppedAt() : pausedAt;
                endPause(end);
            }
            done = true;
        }
    }

    private void onEvent(Event e) {
        switch (e.type() == null ? "" : e.type()) {
            case "click" -> {
                endKeys();
                emit(clickStep(e));
            }
            case "key" -> {
                if (keys == null) {
                    keys = new KeySummary();
                    keysAt = e.at();
                    keysOffset = e.offsetMs();
                }
                keys.add(e.data());
            }
            case "note" -> {
                endKeys();
                emit(noteStep(e));
            }
            case "marker" -> marker(e);
            default -> {
                // focus changes, errors and others are not steps of a guide
            }
        }
    }

    private void marker(Event e) {
        Object kind = e.data().get("kind");
        if ("pause".equals(kind) && pausedAt == null) {
            endKeys();
            pausedAt = e.at();
            pausedOffset = e.offsetMs();
        } else if ("resume".equals(kind) && pausedAt != null) {
            endKeys();
            endPause(e.at());
        }
    }

    private void endPause(Instant end) {
        long ms = end == null || pausedAt == null ? 0 : Math.max(0, end.toEpochMilli() - pausedAt.toEpochMilli());
        Instant at = pausedAt;
        Long offset = pausedOffset;
        pausedAt = null;
        pausedOffset = null;
        emit(step(StepKind.PAUSE, at, offset, "Recording paused for " + Durations.humane(ms), null)
                .withDuration(ms));
        duringPause.forEach(this::emit);
        duringPause.clear();
    }

    private void endKeys() {
        if (keys != null && !keys.isEmpty()) {
            PendingStep s = step(StepKind.KEYS, keysAt, keysOffset, keys.caption(), null);
            emit(keys.hasText() ? s.withTypedText() : s);
        }
        keys = null;
    }

    private void emit(PendingStep s) {
        if (pausedAt != null && s.kind() != StepKind.PAUSE) {
            duringPause.add(s);
            return;
        }
        ready.addLast(s.toStep(++number));
    }

    private PendingStep clickStep(Event e) {
        Map<String, Object> d = e.data();
        String button = d.get("button") == null ? "primary" : String.valueOf(d.get("button"));
        Object window = d.get("window");
        String caption = window == null || String.valueOf(window).isBlank()
                ? "Click (" + button + ")"
                : "Click (" + button + ") in \"" + window + "\"";
        Frame frame = frameAfter(e.at());
        Integer x = d.get("frame_x") instanceof Number n ? n.intValue() : null;
        Integer y = d.get("frame_y") instanceof Number n ? n.intValue() : null;
        return step(StepKind.CLICK, e.at(), e.offsetMs(), caption, null).withFrame(frame, x, y);
    }

    private PendingStep noteStep(Event e) {
        String text =
                e.data().get("text") == null ? "" : String.valueOf(e.data().get("text"));
        String flat = text.replaceAll("\\s+", " ").strip();
        boolean cut = flat.length() > MAX_NOTE_CAPTION;
        String caption = "Note: " + (cut ? flat.substring(0, MAX_NOTE_CAPTION) + "…" : flat);
        return step(StepKind.NOTE, e.at(), e.offsetMs(), caption, cut || !flat.equals(text) ? text : null);
    }

    private PendingStep tagStep(Tag t) {
        StringBuilder caption = new StringBuilder("Tag \"").append(t.name()).append('"');
        if (t.addedBy() != null) {
            String who = t.addedBy().label() != null && !t.addedBy().label().isBlank()
                    ? t.addedBy().label() + " (" + t.addedBy().keyId() + ")"
                    : t.addedBy().keyId();
            caption.append(" added by ").append(who);
        }
        String detail = t.data().isEmpty() ? null : dataText(t.data());
        return step(StepKind.TAG, t.createdAt(), t.offsetMs(), caption.toString(), detail);
    }

    private static String dataText(Map<String, Object> data) {
        StringBuilder b = new StringBuilder();
        data.forEach((k, v) ->
                b.append(b.length() == 0 ? "" : ", ").append(k).append(": ").append(v));
        return b.toString();
    }

    /** The first frame taken at or after {@code at}, else the last one before it (null when there is none). */
    private Frame frameAfter(Instant at) {
        while (nextFrame != null && at != null && before(nextFrame.capturedAt(), at)) {
            lastBefore = nextFrame;
            nextFrame = frames.hasNext() ? frames.next() : null;
        }
        return nextFrame != null ? nextFrame : lastBefore;
    }

    private PendingStep step(StepKind kind, Instant at, Long offset, String caption, String detail) {
        return new PendingStep(
                kind, at, Steps.offset(session, at, offset), caption, detail, null, null, null, 0, false);
    }

    private static boolean before(Instant a, Instant b) {
        return a != null && b != null && a.isBefore(b);
    }

    /** A step before it has its number. */
    private record PendingStep(
            StepKind kind,
            Instant at,
            long offsetMs,
            String caption,
            String detail,
            Frame frame,
            Integer x,
            Integer y,
            long durationMs,
            boolean typedText) {
        PendingStep withFrame(Frame f, Integer fx, Integer fy) {
            return new PendingStep(kind, at, offsetMs, caption, detail, f, fx, fy, durationMs, typedText);
        }

        PendingStep withDuration(long ms) {
            return new PendingStep(kind, at, offsetMs, caption, detail, frame, x, y, ms, typedText);
        }

        PendingStep withTypedText() {
            return new PendingStep(kind, at, offsetMs, caption, detail, frame, x, y, durationMs, true);
        }

        Step toStep(int n) {
            return new Step(n, kind, at, offsetMs, caption, detail, frame, x, y, durationMs, typedText);
        }
    }
}
