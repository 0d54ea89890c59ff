package com.nusomi.recorder.ui.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nusomi.recorder.client.request.ContractRules;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The form's side of the contract's input rules: the names the screens check their fields with, each taken from
 * {@link ContractRules} (their one owner), plus how the screens show sizes and times. Plain Java, no JavaFX.
 */
public final class Rules {
    public static final int MAX_JSON_BYTES = ContractRules.MAX_OBJECT_BYTES;
    public static final int MAX_ACTOR_ID = ContractRules.MAX_ACTOR_ID_LENGTH;

    private Rules() {}

    /** The mapper of the form's JSON checks ({@link ContractRules#json()}): made on first use. */
    public static ObjectMapper json() {
        return ContractRules.json();
    }

    /** Why {@code value} is not a valid slug (workflow or tag name), or null when it is. */
    public static String slugProblem(String value, String what) {
        return ContractRules.slugProblem(value, what);
    }

    /** See {@link ContractRules#jsonObject}: a JSON object (blank counts as {@code {}}) within the size limit. */
    public static ContractRules.JsonCheck jsonObject(String text, String what) {
        return ContractRules.jsonObject(text, what);
    }

    /** See {@link ContractRules#sized}: the compact form and size of a JSON value, with a problem when too large. */
    public static ContractRules.JsonCheck sized(Object value, String what) {
        return ContractRules.sized(value, what);
    }

    public static String formatBytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
    }

    /** {@code 01:02:03} from milliseconds. */
    public static String formatElapsed(long ms) {
        long s = Math.max(0, ms) / 1000;
        return String.format(Locale.ROOT, "%02d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }

    /** A JSON object's members (for showing data that was checked before). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parseObject(String json) throws IOException {
        return json().readValue(json, LinkedHashMap.class);
    }
}
