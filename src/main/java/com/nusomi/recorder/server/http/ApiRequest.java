package com.nusomi.recorder.server.http;

import com.nusomi.recorder.server.store.ApiKeyRecord;
import java.util.Map;
import java.util.function.UnaryOperator;

/** A request after routing and authentication: what a handler needs, and nothing of the HTTP library. */
public record ApiRequest(
        String method,
        String path,
        Map<String, String> pathParams,
        QueryParams query,
        byte[] body,
        String contentType,
        String requestId,
        ApiKeyRecord apiKey,
        long now,
        UnaryOperator<String> headers) {

    /** The first value of a request header (names compared ignoring case), or null. */
    public String header(String name) {
        return headers.apply(name);
    }

    public String pathParam(String name) {
        return pathParams.get(name);
    }

    public boolean hasScope(String scope) {
        return apiKey != null && (apiKey.scopes().contains(scope) || apiKey.scopes().contains("admin"));
    }

    public void requireScope(String scope) {
        if (!hasScope(scope)) {
            throw ApiException.forbidden(scope);
        }
    }

    public String apiKeyId() {
        return apiKey == null ? null : apiKey.id();
    }
}
