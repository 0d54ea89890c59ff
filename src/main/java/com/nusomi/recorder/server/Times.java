package com.nusomi.recorder.server;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** RFC 3339 formatting (always UTC, always milliseconds) and lenient RFC 3339 parsing. */
public final class Times {
    private static final DateTimeFormatter OUT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Times() {
    }

    public static String format(long epochMillis) {
        return OUT.format(Instant.ofEpochMilli(epochMillis));
    }

    /** Parses an RFC 3339 date-time with a zone offset ({@code Z} or {@code +02:00}); empty when malformed. */
    public static Optional<Instant> parse(String text) {
        // RFC 3339 years have four digits; ISO's signed years (+999999999-...) overflow epoch milliseconds.
        if (text == null || text.length() < 20 || text.length() > 40 || !Character.isDigit(text.charAt(0))) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text.replace('t', 'T').replace('z', 'Z'),
                    DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
