package com.nusomi.recorder.server.http;

import com.nusomi.recorder.server.store.ApiKeyRecord;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A request after routing and authentication: what a handler needs, and nothing of the HTTP library. The SHA-256
 * of the body is computed once, on first use, and shared by the idempotency fingerprint and the frame store.
 */
public final class ApiRequest {
    private final String method;
    private final String path;
    private final Map<String, String> pathParams;
    private final QueryParams query;
    private final byte[] body;
    private final String contentType;
    private final String requestId;
    private final ApiKeyRecord apiKey;
    private final long now;
    private final UnaryOperator<String> headers;
    private final Path bodyFile;
    private String bodySha256;

    public ApiRequest(
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
        this(method, path, pathParams, query, body, contentType, requestId, apiKey, now, headers, null, null);
    }

    /**
     * A request whose body was spooled to {@code bodyFile} as it arrived (a zip of a {@link Route.Body#ZIP} route),
     * with the SHA-256 computed on the way; {@link #body()} is then empty.
     */
    public ApiRequest(
            String method,
            String path,
            Map<String, String> pathParams,
            QueryParams query,
            byte[] body,
            String contentType,
            String requestId,
            ApiKeyRecord apiKey,
            long now,
            UnaryOperator<String> headers,
            Path bodyFile,
            String bodyFileSha256) {
        this.method = method;
        this.path = path;
        this.pathParams = pathParams;
        this.query = query;
        this.body = body;
        this.contentType = contentType;
        this.requestId = requestId;
        this.apiKey = apiKey;
        this.now = now;
        this.headers = headers;
        this.bodyFile = bodyFile;
        this.bodySha256 = bodyFileSha256;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    public Map<String, String> pathParams() {
        return pathParams;
    }

    public QueryParams query() {
        return query;
    }

    public byte[] body() {
        return body;
    }

    /** The file the body was spooled to (a {@link Route.Body#ZIP} route), or null. */
    public Path bodyFile() {
        return bodyFile;
    }

    public String contentType() {
        return contentType;
    }

    public String requestId() {
        return requestId;
    }

    public ApiKeyRecord apiKey() {
        return apiKey;
    }

    public long now() {
        return now;
    }

    /**
     * The SHA-256 of the body (or of the spooled body file) as lower-case hex, computed on first use (a request is
     * handled on one thread).
     */
    public String bodySha256() {
        if (bodySha256 == null) {
            bodySha256 = Hashes.sha256Hex(body);
        }
        return bodySha256;
    }

    /** The first value of a request header (names compared ignoring case), or null. */
    public String header(String name) {
        return headers.apply(name);
    }

    public String pathParam(String name) {
        return pathParams.get(name);
    }

    public boolean hasScope(String scope) {
        return apiKey != null
                && (apiKey.scopes().contains(scope) || apiKey.scopes().contains("admin"));
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
