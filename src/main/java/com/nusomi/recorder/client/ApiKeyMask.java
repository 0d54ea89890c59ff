package com.nusomi.recorder.client;

/**
 * How an API key is shown wherever it is shown (logs, messages, {@code toString()}, the Settings screen): its
 * {@code nsk_live_} style prefix and its last four characters, {@code nsk_live_…abcd}. The one owner of that rule.
 */
public final class ApiKeyMask {
    private static final int SHORTEST_WITH_TAIL = 12;
    private static final int LONGEST_PREFIX = 16;

    private ApiKeyMask() {}

    /**
     * The key's prefix, an ellipsis and its last four characters; only the prefix and the ellipsis when the rest is
     * shorter than 12 characters; "none" for no key.
     */
    public static String mask(String key) {
        if (key == null) {
            return "none";
        }
        String prefix = "";
        if (key.startsWith("nsk_")) {
            int second = key.indexOf('_', 4);
            if (second > 0 && second < LONGEST_PREFIX) {
                prefix = key.substring(0, second + 1);
            }
        }
        if (key.length() - prefix.length() < SHORTEST_WITH_TAIL) {
            return prefix + "…";
        }
        return prefix + "…" + key.substring(key.length() - 4);
    }
}
