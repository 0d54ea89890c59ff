package com.nusomi.recorder.server;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** RFC 3339 formatting (always UTC, always milliseconds) and lenient RFC 3339 parsing. */
public final class Times {
    private static final DateTimeFormatter OUT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Times() {}

    public static String format(long epochMillis) {
        long days = Math.floorDiv(epochMillis, 86_400_000L);
        LocalDate date = LocalDate.ofEpochDay(days);
        int year = date.getYear();
        if (year < 0 || year > 9999) {
            return OUT.format(Instant.ofEpochMilli(epochMillis));
        }
        // Hand-written: DateTimeFormatter costs about as much as the rest of a list page's JSON.
        int ms = (int) Math.floorMod(epochMillis, 86_400_000L);
        char[] c = new char[24];
        put(c, 0, year, 4);
        c[4] = '-';
        put(c, 5, date.getMonthValue(), 2);
        c[7] = '-';
        put(c, 8, date.getDayOfMonth(), 2);
        c[10] = 'T';
        put(c, 11, ms / 3_600_000, 2);
        c[13] = ':';
        put(c, 14, ms / 60_000 % 60, 2);
        c[16] = ':';
        put(c, 17, ms / 1000 % 60, 2);
        c[19] = '.';
        put(c, 20, ms % 1000, 3);
        c[23] = 'Z';
        return new String(c);
    }

    private static void put(char[] c, int at, int value, int digits) {
        for (int i = at + digits - 1; i >= at; i--) {
            c[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /** Parses an RFC 3339 date-time with a zone offset ({@code Z} or {@code +02:00}); empty when malformed. */
    public static Optional<Instant> parse(String text) {
        // RFC 3339 years have four digits; ISO's signed years (+999999999-...) overflow epoch milliseconds.
        if (text == null || text.length() < 20 || text.length() > 40 || !Character.isDigit(text.charAt(0))) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(
                            text.replace('t', 'T').replace('z', 'Z'), DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    .toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
