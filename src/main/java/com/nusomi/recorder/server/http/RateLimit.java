package com.nusomi.recorder.server.http;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request rate per API key, as {@code serve --rate-limit} takes it: {@code 100/s}, {@code 600/m} or
 * {@code 5000/h}. A key may spend up to {@code permits} requests at once, and earns them back at that rate.
 */
public record RateLimit(int permits, Duration per) {
    private static final Pattern TEXT = Pattern.compile("([1-9][0-9]{0,6})/([smh])");

    public RateLimit {
        if (permits < 1 || per.isNegative() || per.isZero()) {
            throw new IllegalArgumentException("a rate limit needs at least one request per a positive time");
        }
    }

    /**
     * Parses {@code N/s}, {@code N/m} or {@code N/h} (N from 1 to 9,999,999).
     *
     * @throws IllegalArgumentException with a message for the user when the text is none of those
     */
    public static RateLimit parse(String text) {
        Matcher m = TEXT.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "a rate limit is requests per second, minute or hour, such as 100/s, 600/m or 5000/h; not '" + text
                            + "'");
        }
        Duration per = switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(1);
            case "m" -> Duration.ofMinutes(1);
            default -> Duration.ofHours(1);
        };
        return new RateLimit(Integer.parseInt(m.group(1)), per);
    }

    /** The nanoseconds in which a key earns one request back. */
    long nanosPerPermit() {
        return Math.max(1, per.toNanos() / permits);
    }

    /** As {@link #parse} takes it: {@code 100/s}. */
    @Override
    public String toString() {
        if (per.equals(Duration.ofSeconds(1))) {
            return permits + "/s";
        }
        if (per.equals(Duration.ofMinutes(1))) {
            return permits + "/m";
        }
        return per.equals(Duration.ofHours(1)) ? permits + "/h" : permits + " per " + per;
    }
}
