package com.nusomi.recorder.client.internal;

/** Masks API keys for logs, messages and {@code toString()}: {@code nsk_test_…abcd}. */
public final class Secrets {
    private Secrets() {
    }

    public static String mask(String key) {
        if (key == null) {
            return "none";
        }
        String prefix = "";
        if (key.startsWith("nsk_")) {
            int second = key.indexOf('_', 4);
            if (second > 0 && second < 16) {
                prefix = key.substring(0, second + 1);
            }
        }
        int secretLength = key.length() - prefix.length();
        if (secretLength < 12) {
            return prefix + "…";
        }
        return prefix + "…" + key.substring(key.length() - 4);
    }

    /** Replaces any occurrence of the key in the text by its mask. */
    public static String scrub(String text, String key) {
        if (text == null || key == null || key.isEmpty()) {
            return text;
        }
        return text.replace(key, mask(key));
    }
}
