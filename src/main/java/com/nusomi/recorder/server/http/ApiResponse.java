package com.nusomi.recorder.server.http;

import java.util.LinkedHashMap;
import java.util.Map;

/** A response ready to send: status, content type, body bytes and any extra headers. */
public record ApiResponse(int status, String contentType, byte[] body, Map<String, String> headers) {
    public static final String JSON = "application/json; charset=utf-8";

    public static ApiResponse json(int status, byte[] body) {
        return new ApiResponse(status, JSON, body, new LinkedHashMap<>());
    }

    public ApiResponse withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new ApiResponse(status, contentType, body, h);
    }
}
