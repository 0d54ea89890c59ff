package com.nusomi.recorder.server.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/** The server's JSON: strict parsing of request bodies and streaming writing of responses. */
public final class Json {
    /** Strict: duplicate keys, trailing tokens and absurd nesting are errors; numbers keep their precision. */
    public static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(
                            StreamReadConstraints.builder().maxNestingDepth(200).build())
                    .build())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private Json() {}

    /**
     * Parses and writes a little JSON, so that the mapper, its parser and its generator are loaded and ready: a
     * server's start does it while its store opens on another thread, not at its first request.
     */
    public static void warmUp() {
        parseObject("{\"warm\":[1,2.5,\"up\",true,null,{}]}".getBytes(StandardCharsets.UTF_8));
        try (JsonGenerator g = MAPPER.getFactory().createGenerator(OutputStream.nullOutputStream())) {
            g.writeStartObject();
            g.writeStringField("warm", "up");
            g.writeNumberField("n", 1);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses a request body that must be one JSON object. */
    public static ObjectNode parseObject(byte[] body) {
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (IOException e) {
            throw ApiException.bodyInvalid("the request body is not valid JSON: "
                    + firstLine(e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage()));
        }
        if (node == null || node.isMissingNode()) {
            throw ApiException.bodyInvalid("the request body is empty; a JSON object is required");
        }
        if (!node.isObject()) {
            throw ApiException.bodyInvalid("the request body must be a JSON object");
        }
        if (hasLoneSurrogate(node)) {
            throw ApiException.bodyInvalid("the request body holds a lone UTF-16 surrogate (such as \\ud800) in a "
                    + "string or a name: text must be whole Unicode characters");
        }
        return (ObjectNode) node;
    }

    /**
     * Whether a string or a field name anywhere in the tree holds half a surrogate pair: JSON's {@code \\ud800}
     * escape can say it, UTF-8 cannot carry it, and stored it would come back as text no client can decode.
     */
    static boolean hasLoneSurrogate(JsonNode node) {
        if (node.isTextual()) {
            return hasLoneSurrogate(node.textValue());
        }
        if (node.isObject()) {
            for (var field : node.properties()) {
                if (hasLoneSurrogate(field.getKey()) || hasLoneSurrogate(field.getValue())) {
                    return true;
                }
            }
            return false;
        }
        if (node.isArray()) {
            for (JsonNode item : node) {
                if (hasLoneSurrogate(item)) {
                    return true;
                }
            }
        }
        return false;
    }

    static boolean hasLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return true;
            }
            if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The first number in the tree that a double cannot hold: its magnitude past {@link Double#MAX_VALUE}, or so
     * small that it would become 0. Null when every number fits. (A double's rounding is fine: 0.1 fits.)
     */
    public static String numberBeyondDouble(JsonNode node) {
        if (node.isNumber()) {
            return fitsADouble(node) ? null : node.asText();
        }
        if (node.isContainerNode()) {
            for (JsonNode item : node) {
                String bad = numberBeyondDouble(item);
                if (bad != null) {
                    return bad;
                }
            }
        }
        return null;
    }

    private static boolean fitsADouble(JsonNode n) {
        if (n.isBigInteger()) {
            BigInteger v = n.bigIntegerValue();
            return v.bitLength() <= 1024 && !Double.isInfinite(v.doubleValue());
        }
        if (n.isBigDecimal()) {
            BigDecimal v = n.decimalValue();
            if (v.signum() == 0) {
                return true;
            }
            // Decimal exponent, roughly: far outside a double's range it is decided without converting.
            long exponent = (long) v.precision() - v.scale();
            if (exponent > 400) {
                return false;
            }
            if (exponent < -400) {
                return false;
            }
            double d = v.doubleValue();
            return !Double.isInfinite(d) && d != 0.0;
        }
        double d = n.doubleValue();
        return !Double.isInfinite(d) && !Double.isNaN(d);
    }

    /** Parses JSON text that the store wrote itself. */
    public static JsonNode parseStored(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The compact UTF-8 serialization of a node: what size limits are measured on, and what the store keeps. */
    public static byte[] compact(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String compactText(JsonNode node) {
        return new String(compact(node), StandardCharsets.UTF_8);
    }

    /** Something that writes one JSON value. */
    @FunctionalInterface
    public interface Writing {
        void write(JsonGenerator g) throws IOException;
    }

    public static byte[] write(Writing writing) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
            writing.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Writes one JSON value straight to {@code out} as it is made (the generator hands on every few kilobytes), for
     * answers that must not be held whole in memory.
     */
    public static void stream(OutputStream out, Writing writing) throws IOException {
        try (JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
            writing.write(g);
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "malformed";
        }
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
