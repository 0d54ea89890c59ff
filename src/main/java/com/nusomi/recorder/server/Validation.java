package com.nusomi.recorder.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nusomi.recorder.server.http.ApiException;
import com.nusomi.recorder.server.http.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The contract's input rules, each failing with its own error code and the parameter at fault. */
final class Validation {
    static final Pattern SLUG = Pattern.compile("[a-z0-9_]{2,64}");
    static final int MAX_OBJECT_BYTES = 16_384;
    static final Set<String> STATUSES = Set.of("created", "recording", "stopped", "sealed");
    static final Set<String> OUTCOMES = Set.of("success", "error", "abandoned");
    static final Set<String> ACTOR_KINDS = Set.of("human", "model", "script");

    private Validation() {}

    static void onlyFields(ObjectNode body, Set<String> allowed) {
        Iterator<String> names = body.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw ApiException.unknownParameter(name);
            }
        }
    }

    static boolean isSlug(String s) {
        return s != null && SLUG.matcher(s).matches();
    }

    static String slugRule(String param) {
        return param + " must match ^[a-z0-9_]{2,64}$ (2 to 64 lower-case letters, digits or underscores)";
    }

    /** A JSON object field as compact text (default {}), at most 16,384 bytes. */
    static String object(JsonNode node, String param, String invalidCode, String tooLargeCode) {
        if (node == null) {
            return "{}";
        }
        if (!node.isObject()) {
            throw ApiException.invalid(invalidCode, param + " must be a JSON object", param);
        }
        String beyond = Json.numberBeyondDouble(node);
        if (beyond != null) {
            throw ApiException.invalid(
                    invalidCode,
                    param + " holds a number that does not fit a double ("
                            + (beyond.length() > 40 ? beyond.substring(0, 40) + "…" : beyond)
                            + "): numbers are kept as "
                            + "doubles by clients, so this one could not come back as sent",
                    param);
        }
        byte[] compact = Json.compact(node);
        if (compact.length > MAX_OBJECT_BYTES) {
            throw ApiException.invalid(
                    tooLargeCode,
                    param + " is " + compact.length + " bytes; at most " + MAX_OBJECT_BYTES + " bytes are allowed",
                    param);
        }
        return new String(compact, StandardCharsets.UTF_8);
    }

    /** Values of a repeatable query parameter, each checked, duplicates dropped, order kept. */
    static List<String> values(List<String> raw, String param, Set<String> allowed) {
        Set<String> out = new LinkedHashSet<>();
        for (String v : raw) {
            boolean ok = allowed == null ? isSlug(v) : allowed.contains(v);
            if (!ok) {
                throw ApiException.parameter(
                        param,
                        allowed == null
                                ? slugRule(param)
                                : param + " must be one of "
                                        + String.join(
                                                ", ", allowed.stream().sorted().toList()));
            }
            out.add(v);
        }
        return new ArrayList<>(out);
    }

    static int limit(String raw) {
        if (raw == null) {
            return 100;
        }
        if (!raw.matches("[0-9]{1,3}") || Integer.parseInt(raw) < 1 || Integer.parseInt(raw) > 500) {
            throw ApiException.parameter("limit", "limit must be a whole number from 1 to 500");
        }
        return Integer.parseInt(raw);
    }
}
