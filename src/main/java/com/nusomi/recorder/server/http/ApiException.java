package com.nusomi.recorder.server.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one error type of the server: whatever throws it, the front end turns it into the contract's error shape
 * ({@code {"error": {type, code, message, param, request_id}}}) with its HTTP status.
 */
public final class ApiException extends RuntimeException {
    private final int status;
    private final String type;
    private final String code;
    private final String param;
    private final Map<String, String> extra = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();

    public ApiException(int status, String type, String code, String message, String param) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
        this.code = code;
        this.param = param;
    }

    public static ApiException invalid(String code, String message, String param) {
        return new ApiException(400, "invalid_request_error", code, message, param);
    }

    public static ApiException parameter(String param, String message) {
        return invalid("parameter_invalid", message, param);
    }

    public static ApiException unknownParameter(String param) {
        return invalid("unknown_parameter", "unknown parameter '" + param + "'", param);
    }

    public static ApiException bodyInvalid(String message) {
        return invalid("body_invalid", message, null);
    }

    public static ApiException conflict(String code, String message) {
        return new ApiException(409, "conflict_error", code, message, null);
    }

    public static ApiException notFound(String code, String message) {
        return new ApiException(404, "not_found_error", code, message, null);
    }

    public static ApiException sessionNotFound(String id) {
        return notFound("session_not_found", "no session with id '" + id + "'");
    }

    public static ApiException forbidden(String scope) {
        return new ApiException(
                403, "permission_error", "insufficient_scope", "this API key lacks the '" + scope + "' scope", null);
    }

    /** A request body that did not arrive in time (too slow, or past its deadline); the connection then closes. */
    public static ApiException requestTimeout(String message) {
        return new ApiException(408, "invalid_request_error", "request_timeout", message, null);
    }

    /**
     * A request to a server that listens on loopback only, naming a host that is not a loopback name or address: a
     * page in a browser reaching the local server through a DNS name that it rebound to 127.0.0.1.
     */
    public static ApiException hostNotAllowed() {
        return new ApiException(
                403,
                "permission_error",
                "host_not_allowed",
                "this server listens on loopback only and answers only requests for localhost, 127.0.0.1 or [::1]",
                null);
    }

    /** The API key has spent its requests for now ({@code serve --rate-limit}); it may retry after that many seconds. */
    public static ApiException rateLimited(long retryAfterSeconds, RateLimit limit) {
        return new ApiException(
                        429,
                        "rate_limit_error",
                        "rate_limited",
                        "too many requests with this API key (the server allows " + limit + "); retry in "
                                + retryAfterSeconds + " s",
                        null)
                .withHeader("Retry-After", Long.toString(retryAfterSeconds));
    }

    /** The server cannot serve for now (its database is closed or unreachable, or it is shutting down). */
    public static ApiException unavailable(String message) {
        return new ApiException(503, "api_error", "unavailable", message, null).withHeader("Retry-After", "5");
    }

    public static ApiException internal() {
        return new ApiException(
                500,
                "api_error",
                "internal_error",
                "the server failed to handle this request; quote the request id when reporting it",
                null);
    }

    /**
     * What the server answers when the HTTP layer itself refuses a request before it reaches a route: a request
     * line, URI, header or body framing that is not valid HTTP, or one over the server's size limits.
     */
    public static ApiException protocol(int status, String reason) {
        String detail = reason == null || reason.isBlank() ? "" : " (" + reason + ")";
        return switch (status) {
            case 404 -> notFound("route_not_found", "no such route");
            case 408 -> requestTimeout("the request did not arrive in time" + detail);
            case 413 ->
                new ApiException(
                        413,
                        "invalid_request_error",
                        "payload_too_large",
                        "the request body is too large" + detail,
                        null);
            case 414 ->
                new ApiException(
                        414, "invalid_request_error", "uri_too_long", "the request URI is too long" + detail, null);
            case 431 ->
                new ApiException(
                        431,
                        "invalid_request_error",
                        "headers_too_large",
                        "the request headers are too large" + detail,
                        null);
            case 505 ->
                new ApiException(
                        505,
                        "invalid_request_error",
                        "http_version_not_supported",
                        "only HTTP/1.0 and HTTP/1.1 are served" + detail,
                        null);
            default ->
                status >= 500
                        ? internal()
                        : new ApiException(
                                status >= 400 ? status : 400,
                                "invalid_request_error",
                                "request_malformed",
                                "the request is not valid HTTP" + detail,
                                null);
        };
    }

    public ApiException withExtra(String field, String value) {
        extra.put(field, value);
        return this;
    }

    public ApiException withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String code() {
        return code;
    }

    public String param() {
        return param;
    }

    public Map<String, String> extra() {
        return extra;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
