package com.nusomi.recorder.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nusomi.recorder.server.http.ApiException;
import com.nusomi.recorder.server.http.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Opaque page cursors: base64url of a small JSON object holding the keyset position, any values resolved on the
 * first page (a relative {@code since}), and a hash of the filters, so that a cursor used with other filters is
 * refused ({@code cursor_mismatch}) instead of silently paging through another result.
 */
final class Cursors {
    private Cursors() {}

    static String filterHash(String kind, String canonicalFilters) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256")
                    .digest((kind + "\n" + canonicalFilters).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String encode(ObjectNode position, String filterHash) {
        position.put("f", filterHash);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.compact(position));
    }

    /** The cursor's position fields; 400 cursor_invalid if it is not one of ours, cursor_mismatch if filters differ. */
    static JsonNode decode(String cursor, String filterHash) {
        JsonNode node;
        try {
            if (cursor.isEmpty() || cursor.length() > 1024) {
                throw new IllegalArgumentException("length");
            }
            node = Json.MAPPER.readTree(Base64.getUrlDecoder().decode(cursor));
        } catch (Exception e) {
            throw invalid();
        }
        if (node == null || !node.isObject() || !node.path("f").isTextual()) {
            throw invalid();
        }
        if (!node.get("f").asText().equals(filterHash)) {
            throw ApiException.invalid(
                    "cursor_mismatch",
                    "this cursor was made for other filters; repeat the filters of the first page, or start over",
                    "cursor");
        }
        return node;
    }

    static ApiException invalid() {
        return ApiException.invalid(
                "cursor_invalid", "cursor is malformed; pass next_cursor exactly as returned", "cursor");
    }
}
