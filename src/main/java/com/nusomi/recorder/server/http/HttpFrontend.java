package com.nusomi.recorder.server.http;

import com.nusomi.recorder.server.store.ApiKeyRecord;
import com.nusomi.recorder.server.store.Ids;
import com.nusomi.recorder.server.store.Store;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
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
 * The HTTP side of the server, in one place: request id, host check, routing, authentication, scopes, query and
 * body checks, idempotency, and the mapping of every failure to the contract's error shape. No HTML page and no
 * stack trace ever leaves it; a 5xx only comes from a bug or a broken disk.
 *
 * <p>A request body is read only once the request has passed every check its headers allow (route, key, scope,
 * query, declared length and type), and then without holding a thread while it arrives ({@link BodyReader}). A
 * request refused before its body was read is answered at once and its connection closed: its body is never read.
 */
public final class HttpFrontend extends Handler.Abstract {
    private static final Logger LOG = LoggerFactory.getLogger(HttpFrontend.class);
    /** Write buffer of a streamed answer: what goes out in one chunk. */
    private static final int STREAM_BUFFER = 64 * 1024;
    private static final int MAX_LOGGED_CAUSE = 300;
    /** At most this much of a body nobody read is dropped after the answer, before the connection closes. */
    private static final long UNREAD_BODY_DRAINED = 1024 * 1024;

    private final Router router;
    private final Store store;
    private final Function<String, ApiKeyRecord> keyLookup;
    private final Idempotency idempotency;
    private final Clock clock;
    private final Options options;
    private final java.util.concurrent.atomic.AtomicInteger bodiesArriving = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * How the front end guards the server: the pace request bodies must keep, the idle timeout it advertises in
     * {@code Keep-Alive}, and whether requests must name a loopback host (a server bound to loopback only).
     */
    public record Options(Duration bodyDeadline, long minBodyBytesPerSecond, Duration bodyRateGrace,
                          Duration idleTimeout, boolean loopbackHostsOnly) {
        /** The defaults of {@code ServerConfig}, loopback only. */
        public static Options defaults() {
            return new Options(Duration.ofSeconds(120), 16 * 1024, Duration.ofSeconds(5), Duration.ofSeconds(30),
                    true);
        }

        /**
         * What {@code Keep-Alive: timeout=N} says: a little less than the idle timeout, so that a client that
         * retires its connections at N seconds never sends into one the server is closing.
         */
        long advertisedKeepAliveSeconds() {
            long seconds = idleTimeout.toSeconds();
            return Math.max(1, seconds - Math.max(1, seconds / 10));
        }
    }

    public HttpFrontend(Router router, Store store, Function<String, ApiKeyRecord> keyLookup, Clock clock,
                        Options options) {
        // Blocking: handlers wait on SQLite, so Jetty runs them on its pool, never on a selector. Bodies are read
        // without blocking (BodyReader), so the pool is taken only by work that is ready to run.
        super(InvocationType.BLOCKING);
        this.router = router;
        this.store = store;
        this.keyLookup = keyLookup;
        this.idempotency = new Idempotency(store, clock);
        this.clock = clock;
        this.options = options;
    }

    @Override
    public boolean handle(Request request, Response out, Callback callback) {
        Exchange exchange = new Exchange(request, out, callback, Ids.request());
        try {
            begin(exchange);
        } catch (ApiException e) {
            exchange.fail(e);
        } catch (RuntimeException | Error e) {
            exchange.crash(e);
        }
        return true;
    }

    /** Everything the headers decide; then the answer of a read, or the body of a write. */
    private void begin(Exchange x) {
        Request exchange = x.request;
        String method = exchange.getMethod();
        HttpURI uri = exchange.getHttpURI();
        String path = uri.getPath();
        HttpFields headers = exchange.getHeaders();
        if (options.loopbackHostsOnly() && !isLoopbackHost(headers.get("Host"))) {
            throw ApiException.hostNotAllowed();
        }
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
        if (!route.isWrite()) {
            ApiRequest request = new ApiRequest(method, path, match.params(), query, new byte[0], null, x.requestId,
                    key, clock.millis(), headers::get);
            x.answer(store.read(tx -> route.reader().handle(request, tx)));
            return;
        }
        String headerKey = "POST".equals(method)
                ? Idempotency.validateKey(headers.get("Idempotency-Key"), null) : null;
        String contentType = headers.get("Content-Type");
        Bodies.precheck(headers, route, contentType);
        String apiKeyId = key == null ? null : key.id();
        // The header's key is in flight from here: a retry that comes while this body is still arriving gets a 409.
        x.slot = headerKey == null ? null : idempotency.reserve(apiKeyId, headerKey);
        ApiKeyRecord caller = key;
        BodyReader.Limits limits = new BodyReader.Limits(options.bodyDeadline().toNanos(),
                options.minBodyBytesPerSecond(), options.bodyRateGrace().toNanos(),
                exchange.getComponents().getScheduler());
        bodiesArriving.incrementAndGet();
        x.bodyStarted = true;
        new BodyReader(exchange, route.bodyLimit(), limits, body -> {
            bodiesArriving.decrementAndGet();
            x.bodyRead = true;
            x.run(() -> write(x, route, match, query, caller, headerKey, contentType, body));
        }, failure -> {
            bodiesArriving.decrementAndGet();
            x.fail(failure);
        }).start();
    }

    /** The write, once its whole body is in. */
    private ApiResponse write(Exchange x, Route route, Router.Match match, QueryParams query, ApiKeyRecord key,
                              String headerKey, String contentType, byte[] raw) {
        Request exchange = x.request;
        byte[] body = Bodies.check(raw, route, contentType);
        ApiRequest request = new ApiRequest(exchange.getMethod(), exchange.getHttpURI().getPath(), match.params(),
                query, body, contentType, x.requestId, key, clock.millis(), exchange.getHeaders()::get);
        String idemKey = headerKey;
        if (route.body() == Route.Body.JSON_WITH_IDEMPOTENCY_KEY) {
            idemKey = Idempotency.resolve(headerKey, Bodies.peekTextField(body, "idempotency_key"));
        }
        if (idemKey == null) {
            return route.writer() instanceof Route.StagedWriteHandler<?> staged
                    ? writeStaged(request, staged)
                    : store.write(tx -> route.writer().handle(request, tx));
        }
        if (x.slot == null) {
            x.slot = idempotency.reserve(key == null ? null : key.id(), idemKey);
        }
        return idempotency.execute(request, idemKey, route.writer());
    }

    /** Requests whose body is still arriving: each holds a connection, none a thread. */
    public int bodiesArriving() {
        return bodiesArriving.get();
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
     * Whether a Host header names this machine's loopback: {@code localhost} (or a name under {@code .localhost}),
     * an address in 127.0.0.0/8, or {@code [::1]}, with any port. No Host at all (HTTP/1.0) is let through: a browser
     * always sends one.
     */
    static boolean isLoopbackHost(String host) {
        if (host == null) {
            return true;
        }
        String h = host.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            if (end < 0 || !(end == h.length() - 1 || h.charAt(end + 1) == ':')) {
                return false;
            }
            String v6 = h.substring(1, end);
            return v6.equals("::1") || v6.equals("0:0:0:0:0:0:0:1");
        }
        int colon = h.indexOf(':');
        if (colon >= 0) {
            if (!h.substring(colon + 1).matches("[0-9]{1,5}")) {
                return false;
            }
            h = h.substring(0, colon);
        }
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        if (h.equals("localhost") || h.endsWith(".localhost")) {
            return true;
        }
        String[] parts = h.split("\\.", -1);
        if (parts.length != 4 || !parts[0].equals("127")) {
            return false;
        }
        for (String p : parts) {
            if (!p.matches("[0-9]{1,3}") || Integer.parseInt(p) > 255) {
                return false;
            }
        }
        return true;
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

    /** One line for a failure: its class and message, and those of its causes, each cut short. */
    static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder();
        int depth = 0;
        for (Throwable t = e; t != null && depth < 4; t = t.getCause(), depth++) {
            if (depth > 0) {
                sb.append(" <- ");
            }
            String message = String.valueOf(t.getMessage()).replaceAll("\\s+", " ");
            if (message.length() > MAX_LOGGED_CAUSE) {
                message = message.substring(0, MAX_LOGGED_CAUSE) + "…";
            }
            sb.append(t.getClass().getSimpleName()).append(": ").append(message);
        }
        return sb.toString();
    }

    /** One request on its way: answered exactly once, its idempotency slot released once it is. */
    private final class Exchange {
        final Request request;
        final Response out;
        final Callback callback;
        final String requestId;
        final long started = System.nanoTime();
        private final AtomicBoolean answered = new AtomicBoolean();
        volatile String slot;
        /** The whole body was read: the connection can carry the client's next request. */
        volatile boolean bodyRead;
        /** Reading the body began (whether it ended or not). */
        volatile boolean bodyStarted;

        Exchange(Request request, Response out, Callback callback, String requestId) {
            this.request = request;
            this.out = out;
            this.callback = callback;
            this.requestId = requestId;
        }

        /** Runs the work that makes the answer (on a thread that may block), and answers. */
        void run(java.util.function.Supplier<ApiResponse> work) {
            try {
                answer(work.get());
            } catch (ApiException e) {
                fail(e);
            } catch (RuntimeException | Error e) {
                crash(e);
            }
        }

        void fail(ApiException e) {
            answer(ErrorBody.response(e, requestId));
        }

        void crash(Throwable e) {
            if (e instanceof com.nusomi.recorder.server.store.StoreUnavailableException) {
                LOG.warn("request {} {} {}: the store is unavailable: {}", requestId, request.getMethod(),
                        request.getHttpURI().getPath(), describe(e));
                answer(ErrorBody.response(ApiException.unavailable(
                        "the server cannot reach its database just now; retry later"), requestId));
                return;
            }
            LOG.error("request {} {} {} failed: {}", requestId, request.getMethod(), request.getHttpURI().getPath(),
                    describe(e));
            LOG.debug("request {} failed", requestId, e);
            answer(ErrorBody.response(ApiException.internal(), requestId));
        }

        void answer(ApiResponse response) {
            if (!answered.compareAndSet(false, true)) {
                return;
            }
            String s = slot;
            if (s != null) {
                idempotency.release(s);
            }
            // A body not read, in part or at all, is not read for the answer: the answer goes first, then the
            // connection closes (after dropping what still arrives, see drainThen).
            boolean close = !bodyRead && Bodies.announced(request.getHeaders());
            send(response, close);
            if (LOG.isDebugEnabled()) {
                LOG.debug("{} {} {} -> {} in {} µs", requestId, request.getMethod(), request.getHttpURI().getPath(),
                        response.status(), (System.nanoTime() - started) / 1000);
            }
        }

        private void send(ApiResponse response, boolean close) {
            Callback callback = close && !bodyStarted ? drainThen(this.callback) : this.callback;
            HttpFields.Mutable headers = out.getHeaders();
            out.setStatus(response.status());
            commonHeaders(headers, response.contentType(), requestId);
            for (Map.Entry<String, String> h : response.headers().entrySet()) {
                headers.put(h.getKey(), h.getValue());
            }
            if (close) {
                headers.put("Connection", "close");
            } else {
                headers.put("Keep-Alive", "timeout=" + options.advertisedKeepAliveSeconds());
            }
            boolean head = "HEAD".equals(request.getMethod());
            if (response.isStreamed() && !head) {
                stream(response, callback);
                return;
            }
            byte[] body = response.body();
            headers.put("Content-Length", Long.toString(body.length));
            if (head || body.length == 0) {
                out.write(true, null, callback);
            } else {
                out.write(true, ByteBuffer.wrap(body), callback);
            }
        }

        /**
         * Once the answer is out, drops the body nobody read (up to {@link #UNREAD_BODY_DRAINED} bytes, at the body
         * pace rules, holding no thread), then lets the connection close: the client has its whole answer before
         * the close, and no unread bytes make the kernel reset the connection under it.
         */
        private BodyReader.Limits limits() {
            return new BodyReader.Limits(options.bodyDeadline().toNanos(), options.minBodyBytesPerSecond(),
                    options.bodyRateGrace().toNanos(), request.getComponents().getScheduler());
        }

        private Callback drainThen(Callback done) {
            return Callback.from(() -> BodyReader.discard(request, UNREAD_BODY_DRAINED, limits(), done::succeeded),
                    done::failed);
        }

        /**
         * Writes a streamed answer as it is produced (chunked), blocking this thread while the client reads. A
         * failure before anything went out still becomes a 500 in the error shape; after that, the connection is
         * cut, so that the client sees a broken answer rather than a short one.
         */
        private void stream(ApiResponse response, Callback callback) {
            OutputStream body = new BufferedOutputStream(Content.Sink.asOutputStream(out), STREAM_BUFFER);
            try {
                response.streamed().writeTo(body);
                body.close();
            } catch (Exception | Error e) {
                if (e instanceof java.io.IOException) {
                    // Most often the client went away; nothing the server did wrong.
                    LOG.debug("request {}: the answer could not be sent: {}", requestId, describe(e));
                } else {
                    LOG.error("request {} {} {} failed while streaming its answer: {}", requestId,
                            request.getMethod(), request.getHttpURI().getPath(), describe(e));
                    LOG.debug("request {} failed", requestId, e);
                }
                if (!out.isCommitted()) {
                    byte[] error = ErrorBody.of(ApiException.internal(), requestId);
                    out.setStatus(500);
                    out.getHeaders().put("Content-Length", Long.toString(error.length));
                    out.write(true, ByteBuffer.wrap(error), callback);
                } else {
                    callback.failed(e);
                }
                return;
            }
            callback.succeeded();
        }
    }
}
