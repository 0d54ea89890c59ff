package com.nusomi.recorder.ui.sessions;

import com.nusomi.recorder.client.model.Event;
import com.nusomi.recorder.client.model.Frame;
import com.nusomi.recorder.client.model.Session;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A session's timeline as the app shows it: offsets of recorded time, that is milliseconds since the start less
 * the pauses before that moment, so that tags, events and frames sit where the timer stood when they happened (a
 * moment inside a pause sits where the pause began). The pauses come from the recorder's {@code marker} events
 * ({@code {"kind":"pause"}} to {@code {"kind":"resume"}}) by the server's rule for {@code paused_ms}: markers by
 * time, a pause while paused and a resume while not paused count for nothing, a pause not resumed lasts to the
 * stop (or on, while recording). A session without paused time (or from a server that does not send
 * {@code paused_ms}) keeps the server's offsets. Plain Java.
 */
final class RecordedTime {
    static final RecordedTime NONE = new RecordedTime(null, new long[0], new long[0]);

    private final Instant startedAt;
    /** Pause starts and ends, in milliseconds since the start, ascending and apart. */
    private final long[] from;

    private final long[] to;

    private RecordedTime(Instant startedAt, long[] from, long[] to) {
        this.startedAt = startedAt;
        this.from = from;
        this.to = to;
    }

    /** The timeline of a session from the marker events it embeds. */
    static RecordedTime of(Session s) {
        return s == null ? NONE : of(s, s.events());
    }

    /** The timeline of a session from these of its events (only the markers count; any order). */
    static RecordedTime of(Session s, List<Event> events) {
        if (s == null || s.startedAt() == null) {
            return NONE;
        }
        long start = s.startedAt().toEpochMilli();
        if (s.pausedMs() <= 0) {
            return new RecordedTime(s.startedAt(), new long[0], new long[0]);
        }
        List<Event> markers = new ArrayList<>();
        for (Event e : events) {
            if ("marker".equals(e.type()) && e.at() != null && kind(e) != null) {
                markers.add(e);
            }
        }
        markers.sort(Comparator.comparing(Event::at).thenComparing(e -> e.id() == null ? "" : e.id()));
        List<long[]> pauses = new ArrayList<>();
        Long since = null;
        for (Event e : markers) {
            long at = e.at().toEpochMilli() - start;
            if ("pause".equals(kind(e)) && since == null) {
                since = Math.max(0, at);
            } else if ("resume".equals(kind(e)) && since != null) {
                pauses.add(new long[] {since, Math.max(since, at)});
                since = null;
            }
        }
        if (since != null) {
            long end = s.stoppedAt() != null ? s.stoppedAt().toEpochMilli() - start : Long.MAX_VALUE;
            pauses.add(new long[] {since, Math.max(since, end)});
        }
        long[] from = new long[pauses.size()];
        long[] to = new long[pauses.size()];
        for (int i = 0; i < from.length; i++) {
            from[i] = pauses.get(i)[0];
            to[i] = pauses.get(i)[1];
        }
        return new RecordedTime(s.startedAt(), from, to);
    }

    private static String kind(Event e) {
        Object k = e.data().get("kind");
        return "pause".equals(k) || "resume".equals(k) ? (String) k : null;
    }

    /** The recorded time at this offset since the start (null stays null; before the start stays as it is). */
    Long recorded(Long offsetMs) {
        if (offsetMs == null) {
            return null;
        }
        long t = offsetMs;
        long paused = 0;
        for (int i = 0; i < from.length && from[i] < t; i++) {
            paused += Math.min(t, to[i]) - from[i];
        }
        return t - paused;
    }

    /** An event's recorded offset: from its {@code offset_ms}, else its time and the start; null if neither. */
    Long event(Event e) {
        if (e.offsetMs() != null) {
            return recorded(e.offsetMs());
        }
        return e.at() == null || startedAt == null ? null : recorded(e.at().toEpochMilli() - startedAt.toEpochMilli());
    }

    /** A frame's recorded offset: from its {@code offset_ms}, else its capture time and the start (or the first). */
    long frame(Frame f, Frame first) {
        if (f.offsetMs() != null) {
            return recorded(f.offsetMs());
        }
        Instant zero = startedAt != null ? startedAt : first.capturedAt();
        return f.capturedAt() == null || zero == null
                ? 0
                : recorded(f.capturedAt().toEpochMilli() - zero.toEpochMilli());
    }

    /** The number of pauses on the timeline. */
    int pauses() {
        return from.length;
    }
}
