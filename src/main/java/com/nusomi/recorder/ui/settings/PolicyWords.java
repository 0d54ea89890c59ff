package com.nusomi.recorder.ui.settings;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's policies in plain words, as health gives them ({@code 90d}, {@code 12h}, {@code 100/s}); "Off" for a
 * policy that is off, and the text as given for a form this app does not know.
 */
final class PolicyWords {
    static final String OFF = "Off";
    private static final Pattern DURATION = Pattern.compile("([0-9]+)([smhdw])");
    private static final Pattern RATE = Pattern.compile("([0-9]+)/([smh])");

    private PolicyWords() {}

    /** "Sealed runs older than 90 days are deleted (restorable for 30 days)". */
    static String retention(String duration) {
        if (duration == null) {
            return OFF;
        }
        return "Sealed runs older than " + duration(duration) + " are deleted (restorable for 30 days, then purged)";
    }

    /** "Runs left recording for 12 hours are stopped as abandoned". */
    static String autoStop(String duration) {
        if (duration == null) {
            return OFF;
        }
        return "Runs left recording for " + duration(duration) + " are stopped, with the outcome \u201cabandoned\u201d";
    }

    /** "Each API key may make 100 requests a second; beyond that the server asks it to wait". */
    static String rateLimit(String rate) {
        if (rate == null) {
            return OFF;
        }
        Matcher m = RATE.matcher(rate.strip());
        if (!m.matches()) {
            return "Each API key may make " + rate + " requests";
        }
        String per = switch (m.group(2)) {
            case "s" -> "a second";
            case "m" -> "a minute";
            default -> "an hour";
        };
        return "Each API key may make " + count(m.group(1), "request") + " " + per
                + "; beyond that the server answers \u201crate limited\u201d and says when to try again";
    }

    /** "90 days", "1 hour"; the text itself when it is not a duration as {@code since} takes one. */
    static String duration(String text) {
        Matcher m = DURATION.matcher(text.strip());
        if (!m.matches()) {
            return text;
        }
        String unit = switch (m.group(2)) {
            case "s" -> "second";
            case "m" -> "minute";
            case "h" -> "hour";
            case "d" -> "day";
            default -> "week";
        };
        return count(m.group(1), unit);
    }

    private static String count(String number, String unit) {
        return number + " " + unit + (number.equals("1") ? "" : "s");
    }
}
