package com.nusomi.recorder.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import org.eclipse.jetty.http.HttpFields;

/**
 * Checks request bodies: what can be refused from the headers alone before a byte of the body is read (a declared
 * length over the limit, a media type the route does not take), and what is checked once it has arrived. The body
 * itself is read by {@link BodyReader}, never a byte past the limit.
 */
final class Bodies {
    static final Set<String> IMAGE_TYPES = Set.of("image/jpeg", "image/png", "image/webp");

    private Bodies() {}

    /** Whether the request announces a body: a Content-Length above 0, or a Transfer-Encoding. */
    static boolean announced(HttpFields headers) {
        if (headers.contains("Transfer-Encoding")) {
            return true;
        }
        String length = headers.get("Content-Length");
        if (length == null) {
            return false;
        }
        try {
            return Long.parseLong(length.strip()) != 0;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    /** What the headers alone decide: 413 for a declared length over the limit, 415 for a body of the wrong type. */
    static void precheck(HttpFields headers, Route route, String contentType) {
        long limit = route.bodyLimit();
        String declared = headers.get("Content-Length");
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
            if (length > 0) {
                checkMediaType(route, contentType);
            }
        }
    }

    /** The body as it arrived, checked: not empty where an image is required, of the route's media type. */
    static byte[] check(byte[] body, Route route, String contentType) {
        if (route.body() == Route.Body.ZIP) {
            checkMediaType(route, contentType);
            return body;
        }
        if (body.length == 0) {
            if (route.body() == Route.Body.BINARY) {
                throw ApiException.invalid(
                        "frame_invalid", "the request body is empty; the image bytes are required", null);
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
        String type =
                contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (route.body() == Route.Body.ZIP) {
            if (!type.equals("application/zip")) {
                throw unsupported("Content-Type must be application/zip");
            }
        } else if (route.body() == Route.Body.BINARY) {
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

    static ApiException tooLarge(long limit) {
        return new ApiException(
                413,
                "invalid_request_error",
                "payload_too_large",
                "the request body is larger than "
                        + (limit >= 1L << 30 ? (limit >> 30) + " GiB" : (limit >> 20) + " MiB"),
                null);
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
