package com.nusomi.recorder.server;

import com.nusomi.recorder.server.http.ApiException;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The list's {@code since}: an RFC 3339 time or a duration back from now ({@code 90s}, {@code 30m}, {@code 7d}, {@code 2w}). */
final class Since {
    private static final Pattern RELATIVE = Pattern.compile("([1-9][0-9]{0,5})([smhdw])");

    private Since() {}

    /** The time {@code since} names, in epoch milliseconds; a 400 {@code parameter_invalid} if it names none. */
    static long parse(String since, long now) {
        Matcher m = RELATIVE.matcher(since);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            long unit = switch (m.group(2)) {
                case "s" -> 1_000L;
                case "m" -> 60_000L;
                case "h" -> 3_600_000L;
                case "d" -> 86_400_000L;
                default -> 604_800_000L;
            };
            return now - n * unit;
        }
        return Times.parse(since)
                .map(Instant::toEpochMilli)
                .orElseThrow(() -> ApiException.parameter(
                        "since", "since must be an RFC 3339 time or a relative duration such as 30m, 24h, 7d, 2w"));
    }
}
