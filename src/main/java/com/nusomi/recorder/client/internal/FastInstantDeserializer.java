package com.nusomi.recorder.client.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Reads the contract's times ({@code 2026-05-07T14:01:33Z}, with or without a fraction of a second) without
 * the cost of a {@code DateTimeFormatter}, which dominated decoding a page of sessions. Any other RFC 3339
 * form (an offset other than Z) goes through {@link OffsetDateTime#parse}.
 */
final class FastInstantDeserializer extends StdScalarDeserializer<Instant> {
    FastInstantDeserializer() {
        super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
        }
        String text = p.getText().trim();
        try {
            return parse(text);
        } catch (DateTimeException e) {
            return (Instant)
                    ctxt.handleWeirdStringValue(Instant.class, text, "not an RFC 3339 time: %s", e.getMessage());
        }
    }

    static Instant parse(String s) {
        Instant fast = parseUtc(s);
        if (fast != null) {
            return fast;
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            throw new DateTimeException(e.getMessage(), e);
        }
    }

    /** {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z}, or null if the text has another shape. */
    private static Instant parseUtc(String s) {
        int n = s.length();
        if (n < 20
                || (s.charAt(n - 1) != 'Z' && s.charAt(n - 1) != 'z')
                || s.charAt(4) != '-'
                || s.charAt(7) != '-'
                || (s.charAt(10) != 'T' && s.charAt(10) != 't')
                || s.charAt(13) != ':'
                || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        int day = digits(s, 8, 10);
        int hour = digits(s, 11, 13);
        int minute = digits(s, 14, 16);
        int second = digits(s, 17, 19);
        if ((year | month | day | hour | minute | second) < 0 || hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        int nanos = 0;
        if (n > 20) {
            int digitsCount = n - 21;
            if (s.charAt(19) != '.' || digitsCount < 1 || digitsCount > 9) {
                return null;
            }
            int fraction = digits(s, 20, n - 1);
            if (fraction < 0) {
                return null;
            }
            nanos = fraction;
            for (int i = digitsCount; i < 9; i++) {
                nanos *= 10;
            }
        } else if (s.charAt(19) != 'Z' && s.charAt(19) != 'z') {
            return null;
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    }

    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
