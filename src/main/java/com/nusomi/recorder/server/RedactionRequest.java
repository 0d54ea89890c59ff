package com.nusomi.recorder.server;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nusomi.recorder.server.http.ApiException;
import com.nusomi.recorder.server.http.Json;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The body of {@code POST /v1/sessions/{id}/frames:redact}, checked against the contract: the frames from
 * {@code from_seq} to {@code to_seq} (inclusive, fewer than {@value #MAX_SPAN} apart), 1 to {@value #MAX_RECTS}
 * rectangles with {@code x}, {@code y} ≥ 0 and {@code width}, {@code height} ≥ 1, and an optional reason. Anything
 * else is 400 {@code parameter_invalid} naming the field at fault; an unknown top-level field is
 * {@code unknown_parameter}.
 */
record RedactionRequest(long fromSeq, long toSeq, List<RedactionRect> rects, String reason) {
    /** {@code to_seq − from_seq} must stay below this. */
    static final long MAX_SPAN = 10_000;

    static final int MAX_RECTS = 50;
    /** The longest reason, in characters (openapi.yaml's maxLength). */
    static final int MAX_REASON = 500;

    private static final BigInteger INT_MAX = BigInteger.valueOf(Integer.MAX_VALUE);

    static RedactionRequest parse(byte[] body) {
        ObjectNode json = Json.parseObject(body);
        Validation.onlyFields(json, Set.of("from_seq", "to_seq", "rects", "reason"));
        long from = seq(json.get("from_seq"), "from_seq");
        long to = seq(json.get("to_seq"), "to_seq");
        if (to < from) {
            throw ApiException.parameter("to_seq", "to_seq must not be below from_seq");
        }
        if (to - from >= MAX_SPAN) {
            throw ApiException.parameter(
                    "to_seq",
                    "to_seq − from_seq must be below " + MAX_SPAN + " (at most " + MAX_SPAN + " frames a call)");
        }
        return new RedactionRequest(from, to, rects(json.get("rects")), reason(json.get("reason")));
    }

    private static long seq(JsonNode node, String param) {
        if (node == null) {
            throw ApiException.parameter(param, param + " is required");
        }
        if (!node.isIntegralNumber() || node.bigIntegerValue().signum() < 0 || !node.canConvertToLong()) {
            throw ApiException.parameter(param, param + " must be a whole number from 0");
        }
        return node.longValue();
    }

    private static List<RedactionRect> rects(JsonNode node) {
        if (node == null || !node.isArray() || node.isEmpty() || node.size() > MAX_RECTS) {
            throw ApiException.parameter(
                    "rects", "rects must be an array of 1 to " + MAX_RECTS + " rectangles {x, y, width, height}");
        }
        List<RedactionRect> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            out.add(rect(node.get(i), "rects[" + i + "]"));
        }
        return List.copyOf(out);
    }

    private static RedactionRect rect(JsonNode node, String param) {
        if (!node.isObject()) {
            throw ApiException.parameter(param, param + " must be an object {x, y, width, height}");
        }
        node.fieldNames().forEachRemaining(name -> {
            if (!Set.of("x", "y", "width", "height").contains(name)) {
                throw ApiException.parameter(
                        param + "." + name,
                        param + " has no field '" + name + "'; a rectangle is {x, y, width, height}");
            }
        });
        return new RedactionRect(
                pixels(node, param, "x", 0),
                pixels(node, param, "y", 0),
                pixels(node, param, "width", 1),
                pixels(node, param, "height", 1));
    }

    /** A whole number of pixels from {@code min}; one past any image's size counts as that (it is clipped away). */
    private static int pixels(JsonNode rect, String param, String field, int min) {
        JsonNode node = rect.get(field);
        String name = param + "." + field;
        if (node == null) {
            throw ApiException.parameter(name, name + " is required");
        }
        if (!node.isIntegralNumber() || node.bigIntegerValue().compareTo(BigInteger.valueOf(min)) < 0) {
            throw ApiException.parameter(name, name + " must be a whole number of pixels from " + min);
        }
        return node.bigIntegerValue().min(INT_MAX).intValue();
    }

    private static String reason(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual() || node.asText().codePointCount(0, node.asText().length()) > MAX_REASON) {
            throw ApiException.parameter("reason", "reason must be a string of at most " + MAX_REASON + " characters");
        }
        return node.asText();
    }

    /** The request as the audit log keeps it: from_seq, to_seq, rects and reason (never any pixel). */
    void writeFields(JsonGenerator g) throws IOException {
        g.writeNumberField("from_seq", fromSeq);
        g.writeNumberField("to_seq", toSeq);
        g.writeArrayFieldStart("rects");
        for (RedactionRect r : rects) {
            g.writeStartObject();
            g.writeNumberField("x", r.x());
            g.writeNumberField("y", r.y());
            g.writeNumberField("width", r.width());
            g.writeNumberField("height", r.height());
            g.writeEndObject();
        }
        g.writeEndArray();
        if (reason == null) {
            g.writeNullField("reason");
        } else {
            g.writeStringField("reason", reason);
        }
    }
}
