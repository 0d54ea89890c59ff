package com.nusomi.recorder.server.http;

import com.nusomi.recorder.server.Ids;
import com.nusomi.recorder.server.store.ApiKeyRecord;
import com.nusomi.recorder.server.store.Store;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of the server, in one place: request id, routing, authentication, scopes, query and body checks,
 * idempotency, and the mapping of every failure to the contract's error shape. No HTML page and no stack trace
 * ever leaves it; a 5xx only comes from a bug or a broken disk.
 */
public final class HttpFrontend implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(HttpFrontend.class);

    private final Router router;
    private final Store store;
    private final Function<String, ApiKeyRecord> keyLookup;
    private final Idempotency idempotency;
    private final Clock clock;

    public HttpFrontend(Router router, Store store, Function<String, ApiKeyRecord> keyLookup, Clock clock) {
        this.router = router;
        this.store = store;
        this.keyLookup = keyLookup;
        this.idempotency = new Idempotency(store, clock);
        this.clock = clock;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
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
            LOG.error("request {} {} {} failed", requestId, exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(), e);
            response = ErrorBody.response(new ApiException(500, "api_error", "internal_error",
                    "the server failed to handle this request; quote the request id when reporting it", null),
                    requestId);
        }
        send(exchange, response, requestId, close);
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} {} {} -> {} in {} µs", requestId, exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(), response.status(), (System.nanoTime() - started) / 1000);
        }
    }

    private ApiResponse dispatch(HttpExchange exchange, String requestId) {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        Router.Match match = router.match(method, path == null ? "" : path);
        Route route = match.route();
        ApiKeyRecord key = null;
        if (route.scope() != null) {
            key = authenticate(exchange.getRequestHeaders().getFirst("Authorization"));
            if (!(key.scopes().contains(route.scope()) || key.scopes().contains("admin"))) {
                throw ApiException.forbidden(route.scope());
            }
        }
        QueryParams query = QueryParams.parse(exchange.getRequestURI().getRawQuery());
        query.requireOnly(route.queryParams());
        long now = clock.millis();
        if (!route.isWrite()) {
            ApiRequest request = new ApiRequest(method, path, match.params(), query, new byte[0], null, requestId,
                    key, now, exchange.getRequestHeaders());
            return store.read(tx -> route.reader().handle(request, tx));
        }
        String headerKey = "POST".equals(method)
                ? Idempotency.validateKey(exchange.getRequestHeaders().getFirst("Idempotency-Key"), null) : null;
        String apiKeyId = key == null ? null : key.id();
        // The header's key is in flight from here: a retry that comes while this body is still arriving gets a 409.
        String slot = headerKey == null ? null : idempotency.reserve(apiKeyId, headerKey);
        try {
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            byte[] body = Bodies.read(exchange, route, contentType);
            ApiRequest request = new ApiRequest(method, path, match.params(), query, body, contentType, requestId,
                    key, now, exchange.getRequestHeaders());
            String idemKey = headerKey;
            if (route.body() == Route.Body.JSON_WITH_IDEMPOTENCY_KEY) {
                idemKey = Idempotency.resolve(headerKey, Bodies.peekTextField(body, "idempotency_key"));
            }
            if (idemKey == null) {
                return store.write(tx -> route.writer().handle(request, tx));
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

    private static void send(HttpExchange exchange, ApiResponse response, String requestId, boolean close)
            throws IOException {
        try {
            var headers = exchange.getResponseHeaders();
            headers.set("Content-Type", response.contentType());
            headers.set("Request-Id", requestId);
            headers.set("Cache-Control", "no-store");
            headers.set("X-Content-Type-Options", "nosniff");
            for (Map.Entry<String, String> h : response.headers().entrySet()) {
                headers.set(h.getKey(), h.getValue());
            }
            if (close) {
                headers.set("Connection", "close");
            }
            byte[] body = response.body();
            boolean head = "HEAD".equals(exchange.getRequestMethod());
            exchange.sendResponseHeaders(response.status(), head || body.length == 0 ? -1 : body.length);
            if (!head && body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        } finally {
            // An unread body (a refused upload) is not drained: with "Connection: close" the socket is dropped.
            exchange.close();
        }
    }
}
