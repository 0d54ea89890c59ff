package com.nusomi.recorder.export.steps;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Times and lengths as a guide prints them. */
public final class Durations {
    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private Durations() {}

    /** A length for a person: {@code 45 s}, {@code 2 min}, {@code 2 min 5 s}, {@code 1 h 5 min}. */
    public static String humane(long ms) {
        long s = Math.max(0, Math.round(ms / 1000.0));
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            long m = s / 60;
            long rest = s % 60;
            return rest == 0 ? m + " min" : m + " min " + rest + " s";
        }
        long h = s / 3600;
        long m = (s % 3600) / 60;
        return m == 0 ? h + " h" : h + " h " + m + " min";
    }

    /** An offset into the run as {@code H:MM:SS}. */
    public static String clock(long ms) {
        long s = Math.max(0, ms) / 1000;
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s % 3600) / 60, s % 60);
    }

    /** An instant as {@code 2026-05-07 14:00:00 UTC}; an empty string for null. */
    public static String utc(Instant at) {
        return at == null ? "" : UTC.format(at);
    }
}
