package com.nusomi.recorder.ui.sessions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.nusomi.recorder.app.support.LocalJson;
import com.nusomi.recorder.client.model.ActorKind;
import com.nusomi.recorder.client.model.Frame;
import com.nusomi.recorder.client.model.Outcome;
import com.nusomi.recorder.client.model.Session;
import com.nusomi.recorder.client.model.SessionStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** How the Sessions screen writes times, durations, sizes, JSON and filter sets. Plain Java. */
public final class Formats {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter TIME_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT).withZone(ZoneId.systemDefault());

    private Formats() {}

    static String time(Instant t) {
        return t == null ? "" : TIME.format(t);
    }

    /**
     * From one time to another, the second without its date when it is the same day ({@code 2026-11-29 07:21:08 –
     * 07:25:10}), one time alone when they are the same second.
     */
    static String timeRange(Instant from, Instant to) {
        String first = time(from);
        String last = time(to);
        if (first.isEmpty() || last.isEmpty() || first.equals(last)) {
            return first.isEmpty() ? last : first;
        }
        int dateLength = "yyyy-MM-dd ".length();
        boolean sameDay = first.regionMatches(0, last, 0, dateLength);
        return first + " – " + (sameDay ? last.substring(dateLength) : last);
    }

    /** {@code 1h 02m 03s}, {@code 4m 05s}, {@code 6s}; blank for 0 (never started). */
    static String duration(long ms) {
        if (ms <= 0) {
            return "";
        }
        long s = ms / 1000;
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%dm %02ds", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%dh %02dm %02ds", s / 3600, (s / 60) % 60, s % 60);
    }

    /** {@code 12s (wall time 5m 00s)}: the pauses of a run and its wall time; blank when it was never paused. */
    static String paused(Session s) {
        String paused = s.pausedMs() > 0 ? duration(s.pausedMs()) : "";
        return paused.isEmpty() ? "" : paused + " (wall time " + duration(s.durationMs()) + ")";
    }

    /** {@code +00:01:37} from an offset in milliseconds; blank when there is none. */
    static String offset(Long ms) {
        if (ms == null) {
            return "";
        }
        long s = Math.max(0, ms) / 1000;
        return String.format(Locale.ROOT, "+%02d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }

    /** {@code 01:23.4} (minutes, seconds and tenths) from an offset in milliseconds; blank when there is none. */
    public static String frameOffset(Long ms) {
        if (ms == null) {
            return "";
        }
        long tenths = Math.max(0, ms) / 100;
        return String.format(Locale.ROOT, "%02d:%02d.%d", tenths / 600, (tenths % 600) / 10, tenths % 10);
    }

    /** A time with milliseconds, in the local zone. */
    static String timeMillis(Instant t) {
        return t == null ? "" : TIME_MILLIS.format(t);
    }

    /**
     * The film strip's caption of a frame: {@code Frame 13 of 30 · 00:06.0 · <capture time>}, frames numbered from
     * one as everywhere in the app, the words of each part held together (no-break spaces), so that a narrow pane
     * wraps the caption between its parts only.
     */
    static String frameCaption(int number, int of, long offsetMs, Instant capturedAt) {
        return String.join(
                "  ·  ", unbroken(frameNumber(number, of)), frameOffset(offsetMs), unbroken(timeMillis(capturedAt)));
    }

    /** The one-based number of frame {@code seq} among {@code frames} (by seq; until it is listed, seq + 1). */
    static int numberOf(List<Frame> frames, long seq) {
        int lo = 0;
        int hi = frames.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long s = frames.get(mid).seq();
            if (s == seq) {
                return mid + 1;
            } else if (s < seq) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return (int) Math.min(Integer.MAX_VALUE, seq + 1);
    }

    /** "Frame 9 of 10": the one numbering of frames, from one, that the strip and the viewer show. */
    public static String frameNumber(int number, int of) {
        return "Frame " + number + " of " + of;
    }

    private static String unbroken(String part) {
        return part.replace(' ', '\u00a0');
    }

    /** "6 hours", "1 hour 30 minutes", "45 minutes", "0 minutes": a duration to the minute. */
    static String hoursMinutes(Duration d) {
        long minutes = Math.max(0, d.toMinutes());
        String h = count(minutes / 60, "hour", "hours");
        String m = count(minutes % 60, "minute", "minutes");
        return minutes < 60 ? m : minutes % 60 == 0 ? h : h + " " + m;
    }

    /** "1 frame", "0 frames", "2 frames": a count with its noun in the right number. */
    static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        if (n < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", n / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", n / (1024.0 * 1024));
    }

    static String prettyJson(Map<String, Object> value) {
        try {
            return LocalJson.mapper().writeValueAsString(value == null ? Map.of() : value);
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
    }

    /**
     * An event's data as a reviewer reads it, for the events the recorder writes: {@code primary click at 1480, 870
     * in "Invoices – Acme"}, {@code 12 keys with ctrl+shift}, a note's text, a marker's kind. Any other event, or
     * one whose data is not the expected shape, shows its data as compact JSON.
     */
    static String eventSummary(String type, Map<String, Object> data) {
        if (data == null || data.isEmpty()) {
            return "";
        }
        String summary = switch (type == null ? "" : type) {
            case "click" -> click(data);
            case "key" -> keys(data);
            case "note" -> data.get("text") instanceof String t ? t : null;
            case "marker" -> data.get("kind") instanceof String k ? k : null;
            default -> null;
        };
        return summary != null ? summary : compactJson(data);
    }

    private static String click(Map<String, Object> data) {
        if (!(data.get("x") instanceof Number x) || !(data.get("y") instanceof Number y)) {
            return null;
        }
        String button = data.get("button") instanceof String b ? b + " click" : "click";
        String window = data.get("window") instanceof String w && !w.isBlank() ? " in \u201c" + w + "\u201d" : "";
        return button + " at " + x + ", " + y + window;
    }

    private static String keys(Map<String, Object> data) {
        if (!(data.get("keys") instanceof Number n)) {
            return null;
        }
        String modifiers = data.get("modifiers") instanceof List<?> m && !m.isEmpty()
                ? " with " + m.stream().map(String::valueOf).collect(Collectors.joining("+"))
                : "";
        String typed = data.get("text") instanceof String t && !t.isEmpty() ? ": \u201c" + t + "\u201d" : "";
        return count(n.longValue(), "key", "keys") + modifiers + typed;
    }

    static String compactJson(Map<String, Object> value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        try {
            return LocalJson.compact().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
    }

    /**
     * A saved filter set in one line, one part per filter in the filter bar's order:
     * {@code Workflow: payroll_run · Status: sealed · Since: last 30d · Tags: reviewed}; "No filters" when empty.
     */
    static String filters(SessionFilters f) {
        if (f == null || f.isEmpty()) {
            return "No filters: every session";
        }
        List<String> parts = new ArrayList<>();
        part(parts, "Workflow", f.workflows(), String::valueOf);
        part(parts, "Status", f.statuses(), SessionStatus::wireValue);
        part(parts, "Outcome", f.outcomes(), Outcome::wireValue);
        part(parts, "Actor kind", f.actorKinds(), ActorKind::wireValue);
        if (f.since() != null) {
            parts.add("Since: " + (f.sinceIsRelative() ? "last " + f.since() : sinceInstant(f.since())));
        }
        if (f.until() != null) {
            parts.add("Until: " + TIME.format(f.until()));
        }
        part(parts, "Tags", f.tags(), String::valueOf);
        part(parts, "Without tags", f.notTags(), String::valueOf);
        return String.join(" · ", parts);
    }

    private static String sinceInstant(String since) {
        try {
            return TIME.format(Instant.parse(since));
        } catch (DateTimeParseException e) {
            return since;
        }
    }

    /**
     * A filter button's title: its name alone when nothing is picked, else the name and what is picked
     * ("Status: recording, stopped"), the rest counted ("Workflow: payroll_run, refund_order +2") past {@code max}
     * characters of values.
     */
    static String picked(String name, List<String> values, int max) {
        if (values.isEmpty()) {
            return name;
        }
        StringBuilder shown = new StringBuilder(values.get(0));
        int n = 1;
        while (n < values.size() && shown.length() + 2 + values.get(n).length() <= max) {
            shown.append(", ").append(values.get(n));
            n++;
        }
        return name + ": " + shown + (n < values.size() ? " +" + (values.size() - n) : "");
    }

    private static <T> void part(List<String> parts, String name, List<T> values, Function<T, String> wire) {
        if (!values.isEmpty()) {
            parts.add(name + ": " + values.stream().map(wire).collect(Collectors.joining(", ")));
        }
    }
}
