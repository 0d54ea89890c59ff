package com.nusomi.recorder.server.http;

import com.nusomi.recorder.server.Ids;
import com.nusomi.recorder.server.store.ApiKeyRecord;
import com.nusomi.recorder.server.store.Store;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.Map;
import java.util.function.Function;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of the server, in one place: request id, routing, authentication, scopes, query and body checks,
 * idempotency, and the mapping of every failure to the contract's error shape. No HTML page and no stack trace
 * ever leaves it; a 5xx only comes from a bug or a broken disk.
 */
public final class HttpFrontend extends Handler.Abstract {
    private static final Logger LOG = LoggerFactory.getLogger(HttpFrontend.class);

    private final Router router;
    private final Store store;
    private final Function<String, ApiKeyRecord> keyLookup;
    private final Idempotency idempotency;
    private final Clock clock;

    public HttpFrontend(Router router, Store store, Function<String, ApiKeyRecord> keyLookup, Clock clock) {
        // Blocking: handlers read bodies and wait on SQLite, so Jetty runs them on its pool, never on a selector.
        super(InvocationType.BLOCKING);
        this.router = router;
        this.store = store;
        this.keyLookup = keyLookup;
        this.idempotency = new Idempotency(store, clock);
        this.clock = clock;
    }

    @Override
    public boolean handle(Request exchange, Response out, Callback callback) {
        String requestId = Ids.request();
        long started = System.nanoTime();
        ApiResponse response;
        boolean close = false;
        try {
            response = dispatch(exchange, requestId);
        } catch (ApiException e) {
            response = ErrorBody.response(e, requestId);
            close = e.status() == 413;
        } catch (RuntimeException | Error e) {
            LOG.error("request {} {} {} failed", requestId, exchange.getMethod(), exchange.getHttpURI().getPath(), e);
            response = ErrorBody.response(ApiException.internal(), requestId);
        }
        if (!close && !consumeUnreadBody(exchange)) {
            close = true;
        }
        send(exchange, out, callback, response, requestId, close);
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} {} {} -> {} in {} µs", requestId, exchange.getMethod(), exchange.getHttpURI().getPath(),
                    response.status(), (System.nanoTime() - started) / 1000);
        }
        return true;
    }

    private ApiResponse dispatch(Request exchange, String requestId) {
        String method = exchange.getMethod();
        HttpURI uri = exchange.getHttpURI();
        String path = uri.getPath();
        HttpFields headers = exchange.getHeaders();
        Router.Match match = router.match(method, path == null ? "" : path);
        Route route = match.route();
        ApiKeyRecord key = null;
        if (route.scope() != null) {
            key = authenticate(headers.get("Authorization"));
            if (!(key.scopes().contains(route.scope()) || key.scopes().contains("admin"))) {
                throw ApiException.forbidden(route.scope());
            }
        }
        QueryParams query = QueryParams.parse(uri.getQuery());
        query.requireOnly(route.queryParams());
        long now = clock.millis();
        if (!route.isWrite()) {
            ApiRequest request = new ApiRequest(method, path, match.params(), query, new byte[0], null, requestId,
                    key, now, headers::get);
            return store.read(tx -> route.reader().handle(request, tx));
        }
        String headerKey = "POST".equals(method)
                ? Idempotency.validateKey(headers.get("Idempotency-Key"), null) : null;
        String apiKeyId = key == null ? null : key.id();
        // The header's key is in flight from here: a retry that comes while this body is still arriving gets a 409.
        String slot = headerKey == null ? null : idempotency.reserve(apiKeyId, headerKey);
        try {
            String contentType = headers.get("Content-Type");
            byte[] body = Bodies.read(exchange, route, contentType);
            ApiRequest request = new ApiRequest(method, path, match.params(), query, body, contentType, requestId,
                    key, now, headers::get);
            String idemKey = headerKey;
            if (route.body() == Route.Body.JSON_WITH_IDEMPOTENCY_KEY) {
                idemKey = Idempotency.resolve(headerKey, Bodies.peekTextField(body, "idempotency_key"));
            }
            if (idemKey == null) {
                return route.writer() instanceof Route.StagedWriteHandler<?> staged
                        ? writeStaged(request, staged)
                        : store.write(tx -> route.writer().handle(request, tx));
            }
            if (slot == null) {
                slot = idempotency.reserve(apiKeyId, idemKey);
            }
            return idempotency.execute(request, idemKey, route.writer());
        } finally {
            if (slot != null) {
                idempotency.release(slot);
            }
        }
    }

    /** A write whose slow part (a frame's file) is staged before the writer's transaction, outside its lock. */
    private <S> ApiResponse writeStaged(ApiRequest request, Route.StagedWriteHandler<S> handler) {
        S staged = handler.stage(request);
        try {
            return store.write(tx -> handler.handle(request, tx, staged));
        } finally {
            handler.unstage(staged);
        }
    }

    /**
     * A body the route never read (a request refused before its body, such as a 401 or a 404) is read and thrown
     * away when it is small, so that the connection can carry the client's next request; a larger one, or one of
     * unknown length, is not: the answer then closes the connection. False when the connection must close.
     */
    private static boolean consumeUnreadBody(Request request) {
        HttpFields headers = request.getHeaders();
        if (headers.contains("Transfer-Encoding")) {
            return request.consumeAvailable();
        }
        String length = headers.get("Content-Length");
        if (length == null) {
            return true;
        }
        try {
            if (Long.parseLong(length.strip()) > Route.JSON_LIMIT) {
                return request.consumeAvailable();
            }
            Content.Source.consumeAll(request);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** What every answer carries, whether a route or Jetty's error handler made it. */
    static void commonHeaders(HttpFields.Mutable headers, String contentType, String requestId) {
        headers.put("Content-Type", contentType);
        headers.put("Request-Id", requestId);
        headers.put("Cache-Control", "no-store");
        headers.put("X-Content-Type-Options", "nosniff");
    }

    private ApiKeyRecord authenticate(String header) {
        if (header == null || header.isBlank()) {
            throw new ApiException(401, "authentication_error", "api_key_missing",
                    "no API key: send 'Authorization: Bearer <key>'", null).withHeader("WWW-Authenticate", "Bearer");
        }
        String h = header.strip();
        if (h.length() < 8 || !h.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw invalidKey();
        }
        ApiKeyRecord key = keyLookup.apply(h.substring(7).strip());
        if (key == null || key.isRevoked()) {
            throw invalidKey();
        }
        return key;
    }

    private static ApiException invalidKey() {
        return new ApiException(401, "authentication_error", "api_key_invalid",
                "the API key is not valid (unknown, revoked or malformed)", null)
                .withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
    }

    private static void send(Request request, Response out, Callback callback, ApiResponse response,
            String requestId, boolean close) {
        HttpFields.Mutable headers = out.getHeaders();
        out.setStatus(response.status());
        commonHeaders(headers, response.contentType(), requestId);
        for (Map.Entry<String, String> h : response.headers().entrySet()) {
            headers.put(h.getKey(), h.getValue());
        }
        if (close) {
            // An unread body (a refused upload) is not drained: the connection is dropped after the answer.
            headers.put("Connection", "close");
        }
        byte[] body = response.body();
        headers.put("Content-Length", Long.toString(body.length));
        if ("HEAD".equals(request.getMethod()) || body.length == 0) {
            out.write(true, null, callback);
        } else {
            out.write(true, ByteBuffer.wrap(body), callback);
        }
    }
}
