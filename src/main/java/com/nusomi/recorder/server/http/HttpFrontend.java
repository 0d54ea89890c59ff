package com.nusomi.recorder.server.http;

import com.nusomi.recorder.server.store.ApiKeyRecord;
import com.nusomi.recorder.server.store.Ids;
import com.nusomi.recorder.server.store.Store;
import com.nusomi.recorder.server.store.StoreReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;
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
 * Each request is answered through its {@link Exchange}, once; the host check is {@link LoopbackHosts}'.
 */
public final class HttpFrontend extends Handler.Abstract {
    private static final Logger LOG = LoggerFactory.getLogger(HttpFrontend.class);

    private final Router router;
    private final Store store;
    private final Function<String, ApiKeyRecord> keyLookup;
    private final Idempotency idempotency;
    private final Clock clock;
    private final Options options;
    private final AtomicInteger bodiesArriving = new AtomicInteger();
    private final RateLimiter limiter;
    private final BooleanSupplier draining;

    /**
     * How the front end guards the server: the pace request bodies must keep, the idle timeout it advertises in
     * {@code Keep-Alive}, whether requests must name a loopback host (a server bound to loopback only), and the
     * folder where large bodies ({@link Route.Body#ZIP}) are spooled, and the requests an API key may make (null:
     * no limit; routes without a key, health and ready, are never limited).
     */
    public record Options(
            Duration bodyDeadline,
            long minBodyBytesPerSecond,
            Duration bodyRateGrace,
            Duration idleTimeout,
            boolean loopbackHostsOnly,
            Path spoolDir,
            RateLimit rateLimit) {
        /** The defaults of {@code ServerConfig}, loopback only, spooling in the system's temporary folder. */
        public static Options defaults() {
            return new Options(
                    Duration.ofSeconds(120),
                    16 * 1024,
                    Duration.ofSeconds(5),
                    Duration.ofSeconds(30),
                    true,
                    Path.of(System.getProperty("java.io.tmpdir")),
                    null);
        }

        /**
         * What {@code Keep-Alive: timeout=N} says: a little less than the idle timeout, so that a client that
         * retires its connections at N seconds never sends into one the server is closing.
         */
        long advertisedKeepAliveSeconds() {
            long seconds = idleTimeout.toSeconds();
            return Math.max(1, seconds - Math.max(1, seconds / 10));
        }

        /** The pace a request body must keep, timed on this scheduler. */
        BodyReader.Limits bodyLimits(Scheduler scheduler) {
            return new BodyReader.Limits(
                    bodyDeadline.toNanos(), minBodyBytesPerSecond, bodyRateGrace.toNanos(), scheduler);
        }
    }

    public HttpFrontend(
            Router router, Store store, Function<String, ApiKeyRecord> keyLookup, Clock clock, Options options) {
        this(router, store, keyLookup, clock, options, () -> false);
    }

    /** As above; while {@code draining} says so, every answer closes its connection (the server is stopping). */
    public HttpFrontend(
            Router router,
            Store store,
            Function<String, ApiKeyRecord> keyLookup,
            Clock clock,
            Options options,
            BooleanSupplier draining) {
        // Blocking: handlers wait on SQLite, so Jetty runs them on its pool, never on a selector. Bodies are read
        // without blocking (BodyReader), so the pool is taken only by work that is ready to run.
        super(InvocationType.BLOCKING);
        this.router = router;
        this.store = store;
        this.keyLookup = keyLookup;
        this.idempotency = new Idempotency(store, clock);
        this.clock = clock;
        this.options = options;
        this.limiter = options.rateLimit() == null ? null : new RateLimiter(options.rateLimit(), clock);
        this.draining = draining;
    }

    @Override
    public boolean handle(Request request, Response out, Callback callback) {
        Exchange exchange = new Exchange(request, out, callback, Ids.request(), idempotency, options, draining);
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
        if (options.loopbackHostsOnly() && !LoopbackHosts.isLoopbackHost(headers.get("Host"))) {
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
            long retryAfter = limiter == null ? 0 : limiter.acquire(key.id());
            if (retryAfter > 0) {
                throw ApiException.rateLimited(retryAfter, limiter.limit());
            }
        }
        QueryParams query = QueryParams.parse(uri.getQuery());
        query.requireOnly(route.queryParams());
        if (!route.isWrite()) {
            ApiRequest request = new ApiRequest(
                    method,
                    path,
                    match.params(),
                    query,
                    new byte[0],
                    null,
                    x.requestId,
                    key,
                    clock.millis(),
                    headers::get);
            Store.Work<StoreReader, ApiResponse> work = tx -> route.reader().handle(request, tx);
            x.answer(route.isOneStatement(request) ? store.readOne(work) : store.read(work));
            return;
        }
        String headerKey = "POST".equals(method) ? Idempotency.validateKey(headers.get("Idempotency-Key"), null) : null;
        String contentType = headers.get("Content-Type");
        Bodies.precheck(headers, route, contentType);
        String apiKeyId = key == null ? null : key.id();
        // The header's key is in flight from here: a retry that comes while this body is still arriving gets a 409.
        x.slot = headerKey == null ? null : idempotency.reserve(apiKeyId, headerKey);
        ApiKeyRecord caller = key;
        BodyReader.Limits limits = options.bodyLimits(exchange.getComponents().getScheduler());
        bodiesArriving.incrementAndGet();
        x.bodyStarted = true;
        if (route.body() == Route.Body.ZIP) {
            new BodySpool(
                            exchange,
                            route.bodyLimit(),
                            limits,
                            options.spoolDir(),
                            spooled -> {
                                bodiesArriving.decrementAndGet();
                                x.bodyRead = true;
                                x.run(() -> {
                                    try {
                                        return write(x, route, match, query, caller, headerKey, contentType, spooled);
                                    } finally {
                                        delete(spooled.file());
                                    }
                                });
                            },
                            failure -> {
                                bodiesArriving.decrementAndGet();
                                x.fail(failure);
                            })
                    .start();
            return;
        }
        new BodyReader(
                        exchange,
                        route.bodyLimit(),
                        limits,
                        body -> {
                            bodiesArriving.decrementAndGet();
                            x.bodyRead = true;
                            x.run(() -> write(
                                    x,
                                    route,
                                    match,
                                    query,
                                    caller,
                                    headerKey,
                                    contentType,
                                    new BodySpool.Spooled(null, body.length, null),
                                    body));
                        },
                        failure -> {
                            bodiesArriving.decrementAndGet();
                            x.fail(failure);
                        })
                .start();
    }

    /** The write of a spooled body: the handler reads the file. */
    private ApiResponse write(
            Exchange x,
            Route route,
            Router.Match match,
            QueryParams query,
            ApiKeyRecord key,
            String headerKey,
            String contentType,
            BodySpool.Spooled spooled) {
        return write(x, route, match, query, key, headerKey, contentType, spooled, new byte[0]);
    }

    /** The write, once its whole body is in (in memory, or spooled to a file). */
    private ApiResponse write(
            Exchange x,
            Route route,
            Router.Match match,
            QueryParams query,
            ApiKeyRecord key,
            String headerKey,
            String contentType,
            BodySpool.Spooled spooled,
            byte[] raw) {
        Request exchange = x.request;
        byte[] body = Bodies.check(raw, route, contentType);
        ApiRequest request = new ApiRequest(
                exchange.getMethod(),
                exchange.getHttpURI().getPath(),
                match.params(),
                query,
                body,
                contentType,
                x.requestId,
                key,
                clock.millis(),
                exchange.getHeaders()::get,
                spooled.file(),
                spooled.sha256());
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

    private static void delete(Path spooled) {
        try {
            Files.deleteIfExists(spooled);
        } catch (IOException e) {
            LOG.warn("could not delete the spooled request body {}: {}", spooled, e.toString());
        }
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

    /** What every answer carries, whether a route or Jetty's error handler made it. */
    static void commonHeaders(HttpFields.Mutable headers, String contentType, String requestId) {
        headers.put("Content-Type", contentType);
        headers.put("Request-Id", requestId);
        headers.put("Cache-Control", "no-store");
        headers.put("X-Content-Type-Options", "nosniff");
    }

    private ApiKeyRecord authenticate(String header) {
        if (header == null || header.isBlank()) {
            throw new ApiException(
                            401,
                            "authentication_error",
                            "api_key_missing",
                            "no API key: send 'Authorization: Bearer <key>'",
                            null)
                    .withHeader("WWW-Authenticate", "Bearer");
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
        return new ApiException(
                        401,
                        "authentication_error",
                        "api_key_invalid",
                        "the API key is not valid (unknown, revoked or malformed)",
                        null)
                .withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
    }
}
