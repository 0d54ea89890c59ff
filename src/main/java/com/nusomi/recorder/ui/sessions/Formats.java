package com.nusomi.recorder.ui.sessions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/** How the Sessions screen writes times, durations, sizes and JSON. Plain Java. */
final class Formats {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter TIME_MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS",
            Locale.ROOT).withZone(ZoneId.systemDefault());
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper COMPACT = new ObjectMapper();

    private Formats() {
    }

    static String time(Instant t) {
        return t == null ? "" : TIME.format(t);
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

    /** {@code +00:01:37} from an offset in milliseconds; blank when there is none. */
    static String offset(Long ms) {
        if (ms == null) {
            return "";
        }
        long s = Math.max(0, ms) / 1000;
        return String.format(Locale.ROOT, "+%02d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }

    /** {@code 01:23.4} (minutes, seconds and tenths) from an offset in milliseconds; blank when there is none. */
    static String frameOffset(Long ms) {
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
            return PRETTY.writeValueAsString(value == null ? Map.of() : value);
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
    }

    static String compactJson(Map<String, Object> value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        try {
            return COMPACT.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
    }
}
