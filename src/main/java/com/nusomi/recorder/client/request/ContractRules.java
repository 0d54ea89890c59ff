package com.nusomi.recorder.client.request;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The contract's rules on what a client sends, for checking input before a request goes out: the slug rule of
 * workflows and tag names, and the limits on metadata, tag data, event data, event batches and actor ids. The UI,
 * the recorder and the command line take them from here; the server enforces the same rules on its side, so a
 * value this class accepts is one the server accepts. Plain Java, no JavaFX.
 */
public final class ContractRules {
    /** The slug rule of workflows and tag names, as the contract writes it (a constant, so annotations can use it). */
    public static final String SLUG_PATTERN = "^[a-z0-9_]{2,64}$";

    public static final Pattern SLUG = Pattern.compile(SLUG_PATTERN);
    public static final int SLUG_MIN_LENGTH = 2;
    public static final int SLUG_MAX_LENGTH = 64;
    /** Metadata and tag data: the compact UTF-8 form of a JSON object, in bytes. */
    public static final int MAX_OBJECT_BYTES = 16_384;
    /** An event's data: its compact UTF-8 JSON form, in bytes. */
    public static final int MAX_EVENT_DATA_BYTES = 4_096;
    /** Events in one append call. */
    public static final int MAX_EVENTS_PER_CALL = 500;
    /** An actor's id, in characters. */
    public static final int MAX_ACTOR_ID_LENGTH = 256;

    private ContractRules() {}

    /** The outcome of checking a JSON value: its compact form and size, or the problem. */
    public record JsonCheck(String compact, int bytes, String problem) {
        public boolean ok() {
            return problem == null;
        }
    }

    /**
     * The mapper that reads JSON as the server does (duplicate keys, trailing tokens refused; decimals kept as
     * written), so that sizes are measured on the same compact form. Made on first use: building it costs a good
     * part of a second, which the UI must not pay while its first window is being made.
     */
    public static ObjectMapper json() {
        return Json.MAPPER;
    }

    private static final class Json {
        static final ObjectMapper MAPPER = JsonMapper.builder()
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .build();
    }

    public static boolean isSlug(String value) {
        return value != null && SLUG.matcher(value).matches();
    }

    /** Why {@code value} is not a valid slug (a workflow or tag name), said for a person, or null when it is. */
    public static String slugProblem(String value, String what) {
        String v = value == null ? "" : value;
        if (v.isEmpty()) {
            return "Enter a " + what + " name";
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) {
                String shown = Character.isWhitespace(c) ? "a space" : "'" + c + "'";
                String hint = Character.isUpperCase(c) ? " (use lowercase)" : "";
                return "Only lowercase letters, digits and _ are allowed: found " + shown + hint;
            }
        }
        if (v.length() < SLUG_MIN_LENGTH) {
            return "At least " + SLUG_MIN_LENGTH + " characters";
        }
        if (v.length() > SLUG_MAX_LENGTH) {
            return "At most " + SLUG_MAX_LENGTH + " characters (this one has " + v.length() + ")";
        }
        return null;
    }

    /**
     * Checks that {@code text} is a JSON object (blank counts as {@code {}}) whose compact UTF-8 form fits in
     * {@link #MAX_OBJECT_BYTES}: metadata or tag data.
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
                    ? " (line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ")"
                    : "";
            return new JsonCheck(null, 0, "Not valid JSON" + loc + ": " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            return new JsonCheck(
                    null,
                    0,
                    capitalize(what) + " must be a JSON object { … }, not "
                            + (node == null
                                    ? "nothing"
                                    : article(node.getNodeType().name().toLowerCase(Locale.ROOT))));
        }
        return sized(node, what);
    }

    /** The compact form and size of metadata or tag data, with a problem when it is over {@link #MAX_OBJECT_BYTES}. */
    public static JsonCheck sized(Object value, String what) {
        if (value instanceof Map<?, ?> m && m.isEmpty()) {
            return new JsonCheck("{}", 2, null);
        }
        return sized(value, MAX_OBJECT_BYTES, what);
    }

    /** The compact form and size of an event's data, with a problem when it is over {@link #MAX_EVENT_DATA_BYTES}. */
    public static JsonCheck eventData(Object data) {
        return sized(data, MAX_EVENT_DATA_BYTES, "the event's data");
    }

    private static JsonCheck sized(Object value, int limit, String what) {
        try {
            String compact = json().writeValueAsString(value);
            int bytes = compact.getBytes(StandardCharsets.UTF_8).length;
            String problem = bytes > limit
                    ? capitalize(what) + " is " + kilobytes(bytes) + "; the limit is " + limit / 1024 + " KB ("
                            + String.format(Locale.ROOT, "%,d", limit) + " bytes)"
                    : null;
            return new JsonCheck(compact, bytes, problem);
        } catch (JsonProcessingException e) {
            return new JsonCheck(null, 0, "Cannot write " + what + " as JSON: " + e.getOriginalMessage());
        }
    }

    private static String kilobytes(long bytes) {
        return bytes < 1024 ? bytes + " B" : String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
    }

    private static String article(String noun) {
        return ("aeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
