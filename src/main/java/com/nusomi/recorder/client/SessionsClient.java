package com.nusomi.recorder.client;

import com.nusomi.recorder.client.internal.DaemonThreadFactory;
import com.nusomi.recorder.client.internal.Secrets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.EventListener;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import com.nusomi.recorder.client.internal.Endpoints;
import com.nusomi.recorder.client.internal.KeepAliveGuard;
import com.nusomi.recorder.client.internal.Transport;
import com.nusomi.recorder.client.model.AppendEventsResult;
import com.nusomi.recorder.client.model.AuditLogEntry;
import com.nusomi.recorder.client.model.BatchStopResult;
import com.nusomi.recorder.client.model.Event;
import com.nusomi.recorder.client.model.Frame;
import com.nusomi.recorder.client.model.FrameImage;
import com.nusomi.recorder.client.model.HardDeleteResult;
import com.nusomi.recorder.client.model.Health;
import com.nusomi.recorder.client.model.Session;
import com.nusomi.recorder.client.model.Tag;
import com.nusomi.recorder.client.request.AuditLogQuery;
import com.nusomi.recorder.client.request.CreateSessionRequest;
import com.nusomi.recorder.client.request.EventInput;
import com.nusomi.recorder.client.request.EventQuery;
import com.nusomi.recorder.client.request.FrameUpload;
import com.nusomi.recorder.client.request.PageRequest;
import com.nusomi.recorder.client.request.SessionQuery;
import com.nusomi.recorder.client.request.TagRequest;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The typed client of the Sessions API (see {@code CONTRACT.md}), for the hosted API and the local server
 * alike. Thread-safe; create one per base URL and share it. {@link #close()} releases its threads and
 * connections (all of them daemon threads, so a forgotten client never keeps the JVM alive).
 *
 * <pre>{@code
 * try (SessionsClient client = SessionsClient.builder().baseUrl("http://127.0.0.1:8765").apiKey(key).build()) {
 *     Session s = client.create(CreateSessionRequest.builder("process_invoice").start(true).build());
 *     client.tag(s.id(), TagRequest.of("submitted_for_approval"));
 *     client.stop(s.id());
 *     client.listAll(SessionQuery.builder().status(SessionStatus.RECORDING).build()).forEach(...);
 * }
 * }</pre>
 *
 * Every call comes as a plain method, one taking {@link RequestOptions}, and {@code xxxAsync} variants
 * returning {@link CompletableFuture}s (cancelling one cancels its HTTP call). {@link #withResults()} gives
 * the same calls returning {@link ApiResult}s (request id, idempotency key, attempts). Failures are
 * unchecked {@link com.nusomi.recorder.client.exception.ApiException}s. Every POST carries an
 * {@code Idempotency-Key} (the caller's or a generated UUID), the same on every retry.
 */
public final class SessionsClient implements AutoCloseable {
    /** How long an idle pooled connection is kept at most (a server's Keep-Alive timeout may shorten it). */
    static final Duration KEEP_ALIVE = Duration.ofSeconds(25);
    /** Environment variable of the base URL. */
    public static final String ENV_BASE_URL = "NUSOMI_BASE_URL";
    /** Environment variable of the API key. */
    public static final String ENV_API_KEY = "NUSOMI_API_KEY";

    private final HttpUrl baseUrl;
    private final String apiKey;
    private final OkHttpClient http;
    private final ExecutorService asyncExecutor;
    private final Transport transport;
    private final Endpoints endpoints;
    private final ApiResultClient results;
    private final String userAgent;

    private SessionsClient(Builder b) {
        this.baseUrl = b.parsedBaseUrl();
        this.apiKey = b.apiKey;
        this.userAgent = "session-recorder/" + (b.version != null ? b.version : Version.current());
        ExecutorService dispatcherPool = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS,
                new SynchronousQueue<>(), new DaemonThreadFactory("sessions-client-okhttp"));
        KeepAliveGuard keepAlive = new KeepAliveGuard();
        OkHttpClient.Builder http = new OkHttpClient.Builder()
                .dispatcher(new Dispatcher(dispatcherPool))
                // Idle connections are retired after 25 s, under the local server's 30 s idle timeout, and sooner
                // when a server says so in Keep-Alive: timeout=N (KeepAliveGuard): a call never goes out on a
                // connection that the server has closed meanwhile.
                .connectionPool(new ConnectionPool(5, KEEP_ALIVE.toMillis(), TimeUnit.MILLISECONDS))
                .addInterceptor(keepAlive.retireStaleFirst())
                .addNetworkInterceptor(keepAlive.networkInterceptor())
                .eventListener(keepAlive)
                .connectTimeout(b.connectTimeout)
                .readTimeout(b.readTimeout)
                .writeTimeout(b.writeTimeout)
                .callTimeout(b.callTimeout)
                // Retries are ours, so that attempts are counted and idempotency keys kept.
                .retryOnConnectionFailure(false)
                .followRedirects(false);
        if (b.eventListenerFactory != null) {
            EventListener.Factory theirs = b.eventListenerFactory;
            http.eventListenerFactory(call -> keepAlive.plus(theirs.create(call)));
        }
        this.http = http.build();
        ThreadPoolExecutor async = new ThreadPoolExecutor(b.asyncThreads, b.asyncThreads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), new DaemonThreadFactory("sessions-client-async"));
        async.allowCoreThreadTimeOut(true);
        this.asyncExecutor = async;
        this.transport = new Transport(this.http, apiKey, userAgent, b.retryPolicy, asyncExecutor);
        this.endpoints = new Endpoints(baseUrl);
        this.results = new ApiResultClient(transport, endpoints);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * A client configured from {@code NUSOMI_BASE_URL} and {@code NUSOMI_API_KEY}.
     *
     * @throws IllegalStateException if {@code NUSOMI_BASE_URL} is not set
     */
    public static SessionsClient fromEnvironment() {
        return builder().fromEnvironment().build();
    }

    /** The same calls, returning {@link ApiResult}s with the request id, idempotency key and attempt count. */
    public ApiResultClient withResults() {
        return results;
    }

    public String baseUrl() {
        return baseUrl.toString();
    }

    /** The User-Agent sent: {@code session-recorder/<version>}. */
    public String userAgent() {
        return userAgent;
    }

    /** True if an API key is configured. */
    public boolean hasApiKey() {
        return apiKey != null;
    }

    /** The API key, masked ({@code nsk_test_…abcd}), for display. */
    public String maskedApiKey() {
        return Secrets.mask(apiKey);
    }

    /**
     * A one-way fingerprint of the API key (16 hex digits of a SHA-256; "none" without a key): tells two keys
     * apart, e.g. to keep per-server state, without holding the key. Never the key or a part of it.
     */
    public String apiKeyFingerprint() {
        return Secrets.fingerprint(apiKey);
    }

    // ---- auto-paging ----

    /** Every session matching the query, fetched lazily page by page (from the query's cursor, if any). */
    public PagedIterable<Session> listAll(SessionQuery query) {
        return new PagedIterable<>(query.cursor(), cursor -> list(query.withCursor(cursor)));
    }

    /** Every frame's metadata of a session, in seq order, fetched lazily [ext]. */
    public PagedIterable<Frame> listAllFrames(String id, PageRequest page) {
        return new PagedIterable<>(page.cursor(), cursor -> listFrames(id, page.withCursor(cursor)));
    }

    public PagedIterable<Frame> listAllFrames(String id) {
        return listAllFrames(id, PageRequest.first());
    }

    /** Every event of a session matching the query, by time, fetched lazily [ext]. */
    public PagedIterable<Event> listAllEvents(String id, EventQuery query) {
        return new PagedIterable<>(query.cursor(), cursor -> listEvents(id, query.withCursor(cursor)));
    }

    public PagedIterable<Event> listAllEvents(String id) {
        return listAllEvents(id, EventQuery.all());
    }

    /** Every audit entry matching the query, newest first, fetched lazily [ext]. */
    public PagedIterable<AuditLogEntry> listAllAuditLogs(AuditLogQuery query) {
        return new PagedIterable<>(query.cursor(), cursor -> listAuditLogs(query.withCursor(cursor)));
    }

    // ---- plain calls ----

    /** Frames of a session, first page with the server's default size [ext]. */
    public Page<Frame> listFrames(String id) {
        return listFrames(id, PageRequest.first());
    }

    /** Events of a session, first page with the server's default size [ext]. */
    public Page<Event> listEvents(String id) {
        return listEvents(id, EventQuery.all());
    }

    /** Uploads one frame image [ext]. */
    public Frame uploadFrame(String id, long seq, java.time.Instant capturedAt, String contentType, byte[] bytes) {
        return uploadFrame(id, FrameUpload.of(seq, capturedAt, contentType, bytes));
    }

    /** Creates a session ({@code POST /v1/sessions}). */
    public Session create(CreateSessionRequest request, RequestOptions options) {
        return transport.execute(endpoints.create(request), Endpoints.createOptions(request, options)).value();
    }

    /** Creates a session ({@code POST /v1/sessions}). */
    public Session create(CreateSessionRequest request) {
        return create(request, RequestOptions.NONE);
    }

    /** Creates a session ({@code POST /v1/sessions}). Cancelling the future cancels the HTTP call. */
    public CompletableFuture<Session> createAsync(CreateSessionRequest request, RequestOptions options) {
        return transport.executeAsync(endpoints.create(request), Endpoints.createOptions(request, options), ApiResult::value);
    }

    /** Creates a session ({@code POST /v1/sessions}). Cancelling the future cancels the HTTP call. */
    public CompletableFuture<Session> createAsync(CreateSessionRequest request) {
        return createAsync(request, RequestOptions.NONE);
    }

    /** Starts recording; a session already recording is returned unchanged. */
    public Session start(String id, RequestOptions options) {
        return transport.execute(endpoints.start(id), options).value();
    }

    /** Starts recording; a session already recording is returned unchanged. */
    public Session start(String id) {
        return start(id, RequestOptions.NONE);
    }

    /** Starts recording; a session already recording is returned unchanged. Cancelling the future cancels the HTTP call. */
    public CompletableFuture<Session> startAsync(String id, RequestOptions options) {
        return transport.executeAsync(endpoints.start(id), options, ApiResult::value);
    }

    /** Starts recording; a session already recording is returned unchanged. Cancelling the future cancels the HTTP call. */
    public CompletableFuture<Session> startAsync(String id) {
        return startAsync(id, RequestOptions.NONE);
    }

    /** Stops a session; idempotent (a stopped or sealed one is returned unchanged). */
    public Session stop(String id, RequestOptions options) {
        return transport.execute(endpoints.stop(id), options).value();
    }

    /** Stops a session; idempotent (a stopped or sealed one is returned unchanged). */
    public Session stop(String id) {
        return stop(id, RequestOptions.NONE);
    }

    /** Stops a session; idempotent (a stopped or sealed one is returned unchanged). Cancelling the future cancels the HTTP call. */
    public CompletableFuture<Session> stopAsync(String id, RequestOptions options) {
        return transport.executeAsync(endpoints.stop(id), options, ApiResult::value);
    }

    /** Stops a session; idempotent (a stopped or sealed one is returned unchanged). Cancelling the future cancels the HTTP call. */
    public CompletableFuture<Session> stopAsync(String id) {
        return stopAsync(id, RequestOptions.NONE);
    }

    /** Adds a tag, in any status. */
    public Tag tag(String id, TagRequest tag, RequestOptions options) {
        return transport.execute(endpoints.tag(id, tag), options).value();
    }

    /** Adds a tag, in any status. */
    public Tag tag(String id, TagRequest tag) {
        return tag(id, tag, RequestOptions.NONE);
    }

    /** Adds a tag, in any status. Cancelling the future cancels the HTTP call. */
    public CompletableFuture<Tag> tagAsync(String id, TagRequest tag, RequestOptions options) {
        return transport.executeAsync(endpoints.tag(id, tag), options, ApiResult::value);
    }

    /** Adds a tag, in any status. Cancelling the future cancels the HTTP call. */
    public CompletableFuture<Tag> tagAsync(String id, TagRequest tag) {
        return tagAsync(id, tag, RequestOptions.NONE);
    }

    /** Reads a session, embedding what {@code includes} asks for. */
    public Session get(String id, RequestOptions options, Include... includes) {
        return transport.execute(endpoints.get(id, includes), options).value();
    }

    /** Reads a session, embedding what {@code includes} asks for. */
    public Session get(String id, Include... includes) {
        return get(id, RequestOptions.NONE, includes);
    }

    /** Reads a session, embedding what {@code includes} asks for. Cancelling the future cancels the HTTP call. */
    public CompletableFuture<Session> getAsync(String id, RequestOptions options, Include... includes) {
        return transport.executeAsync(endpoints.get(id, includes), options, ApiResult::value);
    }

    /** Reads a session, embedding what {@code includes} asks for. Cancelling the future cancels the HTTP call. */
    public CompletableFuture<Session> getAsync(String id, Include... includes) {
        return getAsync(id, RequestOptions.NONE, includes);
    }

    /** Reads one page of sessions, newest first. */
    public Page<Session> list(SessionQuery query, RequestOptions options) {
        return transport.execute(endpoints.list(query), options).value();
    }

    /** Reads one page of sessions, newest first. */
    public Page<Session> list(SessionQuery query) {
        return list(query, RequestOptions.NONE);
    }

    /** Reads one page of sessions, newest first. Cancelling the future cancels the HTTP call. */
    public CompletableFuture<Page<Session>> listAsync(SessionQuery query, RequestOptions options) {
        return transport.executeAsync(endpoints.list(query), options, ApiResult::value);
    }

    /** Reads one page of sessions, newest first. Cancelling the future cancels the HTTP call. */
    public CompletableFuture<Page<Session>> listAsync(SessionQuery query) {
        return listAsync(query, RequestOptions.NONE);
    }

    /** Soft-deletes a session (stopping it first if recording); it can be restored for 30 days. */
    public Session delete(String id, RequestOptions options) {
        return transport.execute(endpoints.delete(id), options).value();
    }

    /** Soft-deletes a session (stopping it first if recording); it can be restored for 30 days. */
    public Session delete(String id) {
        return delete(id, RequestOptions.NONE);
    }

    /** Soft-deletes a session (stopping it first if recording); it can be restored for 30 days. Cancelling the future cancels the HTTP call. */
    public CompletableFuture<Session> deleteAsync(String id, RequestOptions options) {
        return transport.executeAsync(endpoints.delete(id), options, ApiResult::value);
    }

    /** Soft-deletes a session (stopping it first if recording); it can be restored for 30 days. Cancelling the future cancels the HTTP call. */
    public CompletableFuture<Session> deleteAsync(String id) {
        return deleteAsync(id, RequestOptions.NONE);
    }

    /** Purges a session at once; needs the admin scope. */
    public HardDeleteResult deleteHard(String id, RequestOptions options) {
        return transport.execute(endpoints.deleteHard(id), options).value();
    }

    /** Purges a session at once; needs the admin scope. */
    public HardDeleteResult deleteHard(String id) {
        return deleteHard(id, RequestOptions.NONE);
    }

    /** Purges a session at once; needs the admin scope. Cancelling the future cancels the HTTP call. */
    public CompletableFuture<HardDeleteResult> deleteHardAsync(String id, RequestOptions options) {
        return transport.executeAsync(endpoints.deleteHard(id), options, ApiResult::value);
    }

    /** Purges a session at once; needs the admin scope. Cancelling the future cancels the HTTP call. */
    public CompletableFuture<HardDeleteResult> deleteHardAsync(String id) {
        return deleteHardAsync(id, RequestOptions.NONE);
    }

    /** Brings back a soft-deleted session [ext]. */
    public Session restore(String id, RequestOptions options) {
        return transport.execute(endpoints.restore(id), options).value();
    }

    /** Brings back a soft-deleted session [ext]. */
    public Session restore(String id) {
        return restore(id, RequestOptions.NONE);
    }

    /** Brings back a soft-deleted session [ext]. Cancelling the future cancels the HTTP call. */
    public CompletableFuture<Session> restoreAsync(String id, RequestOptions options) {
        return transport.executeAsync(endpoints.restore(id), options, ApiResult::value);
    }

    /** Brings back a soft-deleted session [ext]. Cancelling the future cancels the HTTP call. */
    public CompletableFuture<Session> restoreAsync(String id) {
        return restoreAsync(id, RequestOptions.NONE);
    }

    /** Stops up to 1,000 sessions; each id succeeds or fails on its own. */
    public BatchStopResult batchStop(List<String> ids, RequestOptions options) {
        return transport.execute(endpoints.batchStop(ids), options).value();
    }

    /** Stops up to 1,000 sessions; each id succeeds or fails on its own. */
    public BatchStopResult batchStop(List<String> ids) {
        return batchStop(ids, RequestOptions.NONE);
    }

    /** Stops up to 1,000 sessions; each id succeeds or fails on its own. Cancelling the future cancels the HTTP call. */
    public CompletableFuture<BatchStopResult> batchStopAsync(List<String> ids, RequestOptions options) {
        return transport.executeAsync(endpoints.batchStop(ids), options, ApiResult::value);
    }

    /** Stops up to 1,000 sessions; each id succeeds or fails on its own. Cancelling the future cancels the HTTP call. */
    public CompletableFuture<BatchStopResult> batchStopAsync(List<String> ids) {
        return batchStopAsync(ids, RequestOptions.NONE);
    }

    /** Reads one page of the audit log, newest first; needs the admin scope [ext]. */
    public Page<AuditLogEntry> listAuditLogs(AuditLogQuery query, RequestOptions options) {
        return transport.execute(endpoints.auditLogs(query), options).value();
    }

    /** Reads one page of the audit log, newest first; needs the admin scope [ext]. */
    public Page<AuditLogEntry> listAuditLogs(AuditLogQuery query) {
        return listAuditLogs(query, RequestOptions.NONE);
    }

    /** Reads one page of the audit log, newest first; needs the admin scope [ext]. Cancelling the future cancels the HTTP call. */
    public CompletableFuture<Page<AuditLogEntry>> listAuditLogsAsync(AuditLogQuery query, RequestOptions options) {
        return transport.executeAsync(endpoints.auditLogs(query), options, ApiResult::value);
    }

    /** Reads one page of the audit log, newest first; needs the admin scope [ext]. Cancelling the future cancels the HTTP call. */
    public CompletableFuture<Page<AuditLogEntry>> listAuditLogsAsync(AuditLogQuery query) {
        return listAuditLogsAsync(query, RequestOptions.NONE);
    }

    /** Checks the server; needs no API key [ext]. */
    public Health health(RequestOptions options) {
        return transport.execute(endpoints.health(), options).value();
    }

    /** Checks the server; needs no API key [ext]. */
    public Health health() {
        return health(RequestOptions.NONE);
    }

    /** Checks the server; needs no API key [ext]. Cancelling the future cancels the HTTP call. */
    public CompletableFuture<Health> healthAsync(RequestOptions options) {
        return transport.executeAsync(endpoints.health(), options, ApiResult::value);
    }

    /** Checks the server; needs no API key [ext]. Cancelling the future cancels the HTTP call. */
    public CompletableFuture<Health> healthAsync() {
        return healthAsync(RequestOptions.NONE);
    }

    /** Uploads one frame image while the session is recording [ext]. */
    public Frame uploadFrame(String id, FrameUpload frame, RequestOptions options) {
        return transport.execute(endpoints.uploadFrame(id, frame), options).value();
    }

    /** Uploads one frame image while the session is recording [ext]. */
    public Frame uploadFrame(String id, FrameUpload frame) {
        return uploadFrame(id, frame, RequestOptions.NONE);
    }

    /** Uploads one frame image while the session is recording [ext]. Cancelling the future cancels the HTTP call. */
    public CompletableFuture<Frame> uploadFrameAsync(String id, FrameUpload frame, RequestOptions options) {
        return transport.executeAsync(endpoints.uploadFrame(id, frame), options, ApiResult::value);
    }

    /** Uploads one frame image while the session is recording [ext]. Cancelling the future cancels the HTTP call. */
    public CompletableFuture<Frame> uploadFrameAsync(String id, FrameUpload frame) {
        return uploadFrameAsync(id, frame, RequestOptions.NONE);
    }

    /** Reads one page of a session's frame metadata, in seq order [ext]. */
    public Page<Frame> listFrames(String id, PageRequest page, RequestOptions options) {
        return transport.execute(endpoints.listFrames(id, page), options).value();
    }

    /** Reads one page of a session's frame metadata, in seq order [ext]. */
    public Page<Frame> listFrames(String id, PageRequest page) {
        return listFrames(id, page, RequestOptions.NONE);
    }

    /** Reads one page of a session's frame metadata, in seq order [ext]. Cancelling the future cancels the HTTP call. */
    public CompletableFuture<Page<Frame>> listFramesAsync(String id, PageRequest page, RequestOptions options) {
        return transport.executeAsync(endpoints.listFrames(id, page), options, ApiResult::value);
    }

    /** Reads one page of a session's frame metadata, in seq order [ext]. Cancelling the future cancels the HTTP call. */
    public CompletableFuture<Page<Frame>> listFramesAsync(String id, PageRequest page) {
        return listFramesAsync(id, page, RequestOptions.NONE);
    }

    /** Downloads one frame image with its content type and ETag [ext]. */
    public FrameImage getFrame(String id, long seq, RequestOptions options) {
        return transport.execute(endpoints.getFrame(id, seq), options).value();
    }

    /** Downloads one frame image with its content type and ETag [ext]. */
    public FrameImage getFrame(String id, long seq) {
        return getFrame(id, seq, RequestOptions.NONE);
    }

    /** Downloads one frame image with its content type and ETag [ext]. Cancelling the future cancels the HTTP call. */
    public CompletableFuture<FrameImage> getFrameAsync(String id, long seq, RequestOptions options) {
        return transport.executeAsync(endpoints.getFrame(id, seq), options, ApiResult::value);
    }

    /** Downloads one frame image with its content type and ETag [ext]. Cancelling the future cancels the HTTP call. */
    public CompletableFuture<FrameImage> getFrameAsync(String id, long seq) {
        return getFrameAsync(id, seq, RequestOptions.NONE);
    }

    /** Appends 1–500 events while the session is recording; events already stored count as duplicates [ext]. */
    public AppendEventsResult appendEvents(String id, List<EventInput> events, RequestOptions options) {
        return transport.execute(endpoints.appendEvents(id, events), options).value();
    }

    /** Appends 1–500 events while the session is recording; events already stored count as duplicates [ext]. */
    public AppendEventsResult appendEvents(String id, List<EventInput> events) {
        return appendEvents(id, events, RequestOptions.NONE);
    }

    /** Appends 1–500 events while the session is recording; events already stored count as duplicates [ext]. Cancelling the future cancels the HTTP call. */
    public CompletableFuture<AppendEventsResult> appendEventsAsync(String id, List<EventInput> events, RequestOptions options) {
        return transport.executeAsync(endpoints.appendEvents(id, events), options, ApiResult::value);
    }

    /** Appends 1–500 events while the session is recording; events already stored count as duplicates [ext]. Cancelling the future cancels the HTTP call. */
    public CompletableFuture<AppendEventsResult> appendEventsAsync(String id, List<EventInput> events) {
        return appendEventsAsync(id, events, RequestOptions.NONE);
    }

    /** Reads one page of a session's events, by time [ext]. */
    public Page<Event> listEvents(String id, EventQuery query, RequestOptions options) {
        return transport.execute(endpoints.listEvents(id, query), options).value();
    }

    /** Reads one page of a session's events, by time [ext]. */
    public Page<Event> listEvents(String id, EventQuery query) {
        return listEvents(id, query, RequestOptions.NONE);
    }

    /** Reads one page of a session's events, by time [ext]. Cancelling the future cancels the HTTP call. */
    public CompletableFuture<Page<Event>> listEventsAsync(String id, EventQuery query, RequestOptions options) {
        return transport.executeAsync(endpoints.listEvents(id, query), options, ApiResult::value);
    }

    /** Reads one page of a session's events, by time [ext]. Cancelling the future cancels the HTTP call. */
    public CompletableFuture<Page<Event>> listEventsAsync(String id, EventQuery query) {
        return listEventsAsync(id, query, RequestOptions.NONE);
    }

    // ---- lifecycle ----

    /** Cancels calls in flight, stops the client's threads and closes its idle connections. */
    @Override
    public void close() {
        transport.close();
        http.dispatcher().cancelAll();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    /** Number of HTTP calls in flight (for tests). */
    int runningCallCount() {
        return http.dispatcher().runningCallsCount();
    }

    @Override
    public String toString() {
        return "SessionsClient{baseUrl=" + baseUrl + ", apiKey=" + maskedApiKey() + "}";
    }

    /** Builder of {@link SessionsClient}; every setting has a default but the base URL. */
    public static final class Builder {
        private String baseUrl;
        private String apiKey;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(30);
        private Duration writeTimeout = Duration.ofSeconds(30);
        private Duration callTimeout = Duration.ofSeconds(60);
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private int asyncThreads = 4;
        private String version;
        private EventListener.Factory eventListenerFactory;

        private Builder() {
        }

        /** The server root, e.g. {@code http://127.0.0.1:8765} (a trailing {@code /v1} is tolerated). */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = baseUrl;
            return this;
        }

        /** The API key ({@code nsk_live_...} or {@code nsk_test_...}); null for none (health only). */
        public Builder apiKey(String apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        /** Reads {@code NUSOMI_BASE_URL} and {@code NUSOMI_API_KEY} from the process environment. */
        public Builder fromEnvironment() {
            return environment(System.getenv());
        }

        /** Reads {@code NUSOMI_BASE_URL} and {@code NUSOMI_API_KEY} from this map (values absent are left as set). */
        public Builder environment(Map<String, String> env) {
            String url = env.get(ENV_BASE_URL);
            String key = env.get(ENV_API_KEY);
            if (url != null && !url.isBlank()) {
                baseUrl = url.trim();
            }
            if (key != null && !key.isBlank()) {
                apiKey = key.trim();
            }
            return this;
        }

        public Builder connectTimeout(Duration d) {
            this.connectTimeout = Objects.requireNonNull(d);
            return this;
        }

        public Builder readTimeout(Duration d) {
            this.readTimeout = Objects.requireNonNull(d);
            return this;
        }

        public Builder writeTimeout(Duration d) {
            this.writeTimeout = Objects.requireNonNull(d);
            return this;
        }

        /** The whole-call timeout of each attempt (connect, send, wait, read); zero for none. */
        public Builder callTimeout(Duration d) {
            this.callTimeout = Objects.requireNonNull(d);
            return this;
        }

        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = Objects.requireNonNull(policy);
            return this;
        }

        /** Daemon threads running async calls (default 4). */
        public Builder asyncThreads(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("asyncThreads must be at least 1");
            }
            this.asyncThreads = n;
            return this;
        }

        /** The version in the User-Agent; defaults to the jar's version. */
        public Builder version(String version) {
            this.version = version;
            return this;
        }

        /** For tests: observe OkHttp's call events. */
        Builder eventListenerFactory(EventListener.Factory factory) {
            this.eventListenerFactory = factory;
            return this;
        }

        HttpUrl parsedBaseUrl() {
            if (baseUrl == null) {
                throw new IllegalStateException("no base URL: set one or define " + ENV_BASE_URL);
            }
            HttpUrl url = HttpUrl.parse(baseUrl);
            if (url == null) {
                throw new IllegalArgumentException("not an http(s) URL: " + baseUrl);
            }
            java.util.List<String> segments = new java.util.ArrayList<>(url.pathSegments());
            segments.removeIf(String::isEmpty);
            if (!segments.isEmpty() && segments.get(segments.size() - 1).equals("v1")) {
                segments.remove(segments.size() - 1);
            }
            HttpUrl.Builder b = url.newBuilder().encodedPath("/").query(null).fragment(null);
            segments.forEach(b::addPathSegment);
            return b.build();
        }

        public SessionsClient build() {
            return new SessionsClient(this);
        }
    }
}
