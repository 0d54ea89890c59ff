package com.nusomi.recorder.server.http;

import java.util.Map;

/** Writes the contract's error shape. */
public final class ErrorBody {
    private ErrorBody() {}

    public static byte[] of(ApiException e, String requestId) {
        return Json.write(g -> {
            g.writeStartObject();
            g.writeObjectFieldStart("error");
            g.writeStringField("type", e.type());
            g.writeStringField("code", e.code());
            g.writeStringField("message", e.getMessage());
            if (e.param() != null) {
                g.writeStringField("param", e.param());
            }
            g.writeStringField("request_id", requestId);
            for (Map.Entry<String, String> x : e.extra().entrySet()) {
                g.writeStringField(x.getKey(), x.getValue());
            }
            g.writeEndObject();
            g.writeEndObject();
        });
    }

    public static ApiResponse response(ApiException e, String requestId) {
        ApiResponse r = ApiResponse.json(e.status(), of(e, requestId));
        for (Map.Entry<String, String> h : e.headers().entrySet()) {
            r = r.withHeader(h.getKey(), h.getValue());
        }
        return r;
    }
}
