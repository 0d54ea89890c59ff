package com.nusomi.recorder.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import org.eclipse.jetty.server.Request;

/** Reads request bodies within their limit (never a byte past it) and checks their media type. */
final class Bodies {
    static final Set<String> IMAGE_TYPES = Set.of("image/jpeg", "image/png", "image/webp");

    private Bodies() {
    }

    static byte[] read(Request exchange, Route route, String contentType) {
        long limit = route.bodyLimit();
        String declared = exchange.getHeaders().get("Content-Length");
        if (declared != null) {
            long length;
            try {
                length = Long.parseLong(declared.strip());
            } catch (NumberFormatException e) {
                throw ApiException.bodyInvalid("Content-Length is not a number");
            }
            if (length > limit) {
                throw tooLarge(limit);
            }
        }
        byte[] body = readAtMost(Request.asInputStream(exchange), limit);
        if (body.length == 0) {
            if (route.body() == Route.Body.BINARY) {
                throw ApiException.bodyInvalid("the request body is empty; the image bytes are required");
            }
            return body;
        }
        checkMediaType(route, contentType);
        if (route.body() == Route.Body.NONE) {
            ObjectNode object = Json.parseObject(body);
            Iterator<String> names = object.fieldNames();
            if (names.hasNext()) {
                throw ApiException.unknownParameter(names.next());
            }
        }
        return body;
    }

    private static void checkMediaType(Route route, String contentType) {
        String type = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (route.body() == Route.Body.BINARY) {
            if (!IMAGE_TYPES.contains(type)) {
                throw unsupported("Content-Type must be image/jpeg, image/png or image/webp");
            }
        } else if (!type.equals("application/json")) {
            throw unsupported("Content-Type must be application/json");
        }
    }

    private static ApiException unsupported(String message) {
        return new ApiException(415, "invalid_request_error", "unsupported_media_type", message, null);
    }

    private static ApiException tooLarge(long limit) {
        return new ApiException(413, "invalid_request_error", "payload_too_large",
                "the request body is larger than " + (limit / 1024 / 1024) + " MiB", null);
    }

    private static byte[] readAtMost(InputStream in, long limit) {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[16384];
            long total = 0;
            int n;
            while ((n = in.read(buf)) > 0) {
                total += n;
                if (total > limit) {
                    throw tooLarge(limit);
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw ApiException.bodyInvalid("the request body could not be read: " + e.getMessage());
        }
    }

    /** The text value of a top-level field, if the body is a JSON object that has it as a string. */
    static String peekTextField(byte[] body, String field) {
        if (body.length == 0) {
            return null;
        }
        try {
            JsonNode node = Json.MAPPER.readTree(body);
            JsonNode value = node == null ? null : node.get(field);
            return value != null && value.isTextual() ? value.asText() : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
