package com.nusomi.recorder.recorder.privacy;

import java.util.regex.Pattern;

/** Makes a window title that a privacy pattern matches, for its canary window. */
final class CanaryTitles {
    private CanaryTitles() {}

    /**
     * A title the pattern finds, or null when none of the tries works: the pattern's own text (plain words match
     * themselves), then that text without the usual regular expression signs and escapes.
     */
    static String matching(Pattern p) {
        String text = p.pattern();
        String plain = text.replaceAll("\\\\[bBAzZ]", "")
                .replaceAll("\\\\(.)", "$1")
                .replaceAll("[\\^$()\\[\\]{}*+?|]", "")
                .replace(".", " ")
                .strip();
        String firstAlternative = text.contains("|") ? text.substring(0, text.indexOf('|')) : text;
        for (String candidate : new String[] {text, plain, firstAlternative.replaceAll("[\\^$()]", "")}) {
            if (!candidate.isBlank()
                    && candidate.length() <= 200
                    && p.matcher(candidate).find()) {
                return candidate;
            }
        }
        return null;
    }
}
