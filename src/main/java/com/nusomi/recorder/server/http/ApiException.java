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
        return new ApiException(403, "permission_error", "insufficient_scope",
                "this API key lacks the '" + scope + "' scope", null);
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
