package com.nusomi.recorder.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.nusomi.recorder.client.exception.ApiException;
import com.nusomi.recorder.client.exception.AuthenticationException;
import com.nusomi.recorder.client.exception.ConflictException;
import com.nusomi.recorder.client.exception.ErrorInfo;
import com.nusomi.recorder.client.exception.GoneException;
import com.nusomi.recorder.client.exception.InvalidRequestException;
import com.nusomi.recorder.client.exception.NotFoundException;
import com.nusomi.recorder.client.exception.NotSupportedException;
import com.nusomi.recorder.client.exception.PermissionException;
import com.nusomi.recorder.client.exception.RateLimitException;
import com.nusomi.recorder.client.exception.ServerException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import okhttp3.Headers;

/** Reads an error response (contract-shaped or not) and builds the matching exception. */
public final class ErrorMapper {
    private ErrorMapper() {}

    /** The parsed facts of one error response, before the final attempt count is known. */
    public record ErrorResponse(
            int status,
            String type,
            String code,
            String param,
            String message,
            String requestId,
            Instant deletedAt,
            Instant purgeAt,
            Duration retryAfter,
            boolean contractShaped) {

        /** Whether the contract allows retrying this response. */
        public boolean retryable() {
            return status == 408
                    || status == 429
                    || status >= 500
                    || (status == 409 && "idempotency_key_in_use".equals(code));
        }
    }

    public static ErrorResponse parse(int status, Headers headers, byte[] body) {
        String headerRequestId = headers.get("Request-Id");
        Duration retryAfter = parseRetryAfter(headers.get("Retry-After"));
        JsonNode error = null;
        try {
            JsonNode root = body.length == 0 ? null : Json.mapper().readTree(body);
            if (root != null && root.path("error").isObject()) {
                error = root.get("error");
            }
        } catch (Exception notJson) {
            error = null;
        }
        if (error == null) {
            String contentType = headers.get("Content-Type");
            String snippet = snippet(body);
            String message = "HTTP " + status + " with a response that is not the API's error shape"
                    + (contentType != null ? " (" + contentType + ")" : "")
                    + (snippet.isEmpty() ? "" : ": " + snippet);
            return new ErrorResponse(status, null, null, null, message, headerRequestId, null, null, retryAfter, false);
        }
        String requestId = text(error, "request_id");
        return new ErrorResponse(
                status,
                text(error, "type"),
                text(error, "code"),
                text(error, "param"),
                text(error, "message"),
                requestId != null ? requestId : headerRequestId,
                instant(error, "deleted_at"),
                instant(error, "purge_at"),
                retryAfter,
                true);
    }

    public static ApiException toException(
            ErrorResponse r, Operation<?> op, String idempotencyKey, int attempts, String apiKey) {
        ErrorInfo info = new ErrorInfo(
                r.status(),
                r.type(),
                r.code(),
                r.param(),
                Secrets.scrub(r.message(), apiKey),
                r.requestId(),
                idempotencyKey,
                attempts,
                op.method(),
                op.url().encodedPath());
        int s = r.status();
        if (s == 404 && op.ext() && (!r.contractShaped() || "route_not_found".equals(r.code()))) {
            return new NotSupportedException(info, null);
        }
        return switch (s) {
            case 400, 405, 413, 415 -> new InvalidRequestException(info, null);
            case 401 -> new AuthenticationException(info, null);
            case 403 -> new PermissionException(info, null);
            case 404 -> new NotFoundException(info, null);
            case 409 -> new ConflictException(info, null);
            case 410 -> new GoneException(info, r.deletedAt(), r.purgeAt(), null);
            case 429 -> new RateLimitException(info, r.retryAfter(), null);
            default -> s >= 400 && s < 500 ? new InvalidRequestException(info, null) : new ServerException(info, null);
        };
    }

    /** Seconds or an HTTP date; null when absent or unreadable. */
    static Duration parseRetryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(v)));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(Instant.now(), at.toInstant());
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Instant instant(JsonNode node, String field) {
        String v = text(node, field);
        if (v == null) {
            return null;
        }
        try {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(v, Instant::from);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String snippet(byte[] body) {
        String s = new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8)
                .replaceAll("\\s+", " ")
                .trim();
        return body.length > 200 ? s + "…" : s;
    }
}
