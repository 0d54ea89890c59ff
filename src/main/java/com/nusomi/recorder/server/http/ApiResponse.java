package com.nusomi.recorder.server.http;

import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A response ready to send: status, content type, body and any extra headers. The body is either bytes in memory
 * or, for an answer that may be large, a {@link Streamed} writer that produces it while it is sent (then
 * {@link #body()} is empty and the answer goes out chunked).
 */
// the array is a payload handed over without copying; changing the record would be invasive
@SuppressWarnings("ArrayRecordComponent")
public record ApiResponse(int status, String contentType, byte[] body, Map<String, String> headers, Streamed streamed) {
    public static final String JSON = "application/json; charset=utf-8";
    private static final byte[] NONE = new byte[0];

    /** Writes a body to the client as it is produced; what it has written is on its way out. */
    @FunctionalInterface
    public interface Streamed {
        void writeTo(OutputStream out) throws IOException;
    }

    public ApiResponse(int status, String contentType, byte[] body, Map<String, String> headers) {
        this(status, contentType, body, headers, null);
    }

    public static ApiResponse json(int status, byte[] body) {
        return new ApiResponse(status, JSON, body, new LinkedHashMap<>(), null);
    }

    /** A JSON answer written while it is sent, never held whole in memory. */
    public static ApiResponse streamedJson(int status, Streamed writer) {
        return new ApiResponse(status, JSON, NONE, new LinkedHashMap<>(), writer);
    }

    public boolean isStreamed() {
        return streamed != null;
    }

    public ApiResponse withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new ApiResponse(status, contentType, body, h, streamed);
    }
}
