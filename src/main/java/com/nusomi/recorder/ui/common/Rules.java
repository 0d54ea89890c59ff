package com.nusomi.recorder.ui.common;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/** The contract's input rules, checked in the form before any request is sent. Plain Java, no JavaFX. */
public final class Rules {
    public static final Pattern SLUG = Pattern.compile("^[a-z0-9_]{2,64}$");
    public static final int MAX_JSON_BYTES = 16_384;
    public static final int MAX_ACTOR_ID = 256;

    private Rules() {
    }

    /**
     * The mapper of the form's JSON checks. Made on first use, not when the form's slug rules first run: building
     * Jackson's mapper on the UI thread while the first window is being made costs a good part of a second.
     */
    public static ObjectMapper json() {
        return Json.MAPPER;
    }

    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper()
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    /** Why {@code value} is not a valid slug (workflow or tag name), or null when it is. */
    public static String slugProblem(String value, String what) {
        String v = value == null ? "" : value;
        if (v.isEmpty()) {
            return "Enter a " + what + " name";
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_')) {
                String shown = Character.isWhitespace(c) ? "a space" : "'" + c + "'";
                String hint = Character.isUpperCase(c) ? " (use lowercase)" : "";
                return "Only lowercase letters, digits and _ are allowed: found " + shown + hint;
            }
        }
        if (v.length() < 2) {
            return "At least 2 characters";
        }
        if (v.length() > 64) {
            return "At most 64 characters (this one has " + v.length() + ")";
        }
        return null;
    }

    /** The outcome of checking a JSON object: its compact form and size, or the problem. */
    public record JsonCheck(String compact, int bytes, String problem) {
        public boolean ok() {
            return problem == null;
        }
    }

    /**
     * Checks that {@code text} is a JSON object (blank counts as {@code {}}) whose compact UTF-8 form fits in
     * {@link #MAX_JSON_BYTES}.
     */
    public static JsonCheck jsonObject(String text, String what) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return new JsonCheck("{}", 2, null);
        }
        JsonNode node;
        try {
            node = json().readTree(t);
        } catch (JsonProcessingException e) {
            String loc = e.getLocation() != null
                    ? " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")" : "";
            return new JsonCheck(null, 0, "Not valid JSON" + loc + ": " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            return new JsonCheck(null, 0, capitalize(what) + " must be a JSON object { … }, not "
                    + (node == null ? "nothing" : article(node.getNodeType().name().toLowerCase(Locale.ROOT))));
        }
        return sized(node, what);
    }

    /** The compact form and size of a JSON value, with a problem when it is over the limit. */
    public static JsonCheck sized(Object value, String what) {
        if (value instanceof java.util.Map<?, ?> m && m.isEmpty()) {
            return new JsonCheck("{}", 2, null);
        }
        try {
            String compact = json().writeValueAsString(value);
            int bytes = compact.getBytes(StandardCharsets.UTF_8).length;
            String problem = bytes > MAX_JSON_BYTES
                    ? capitalize(what) + " is " + formatBytes(bytes) + "; the limit is 16 KB (16,384 bytes)" : null;
            return new JsonCheck(compact, bytes, problem);
        } catch (JsonProcessingException e) {
            return new JsonCheck(null, 0, "Cannot write " + what + " as JSON: " + e.getOriginalMessage());
        }
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

    private static String article(String noun) {
        return ("aeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** A JSON object's members (for showing data that was checked before). */
    @SuppressWarnings("unchecked")
    public static java.util.Map<String, Object> parseObject(String json) throws java.io.IOException {
        return json().readValue(json, java.util.LinkedHashMap.class);
    }
}
