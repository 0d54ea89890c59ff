package com.nusomi.recorder.client;

import com.nusomi.recorder.client.internal.Endpoints;
import com.nusomi.recorder.client.internal.HttpStack;
import com.nusomi.recorder.client.internal.Secrets;
import com.nusomi.recorder.client.internal.Transport;
import com.nusomi.recorder.client.model.Health;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import okhttp3.EventListener;
import okhttp3.HttpUrl;

/**
 * The typed client of the Sessions API (see {@code CONTRACT.md}), for the hosted API and the local server
 * alike. Thread-safe; create one per base URL and share it. {@link #close()} releases its threads and
 * connections (all of them daemon threads, so a forgotten client never keeps the JVM alive).
 *
 * <pre>{@code
 * try (SessionsClient client = SessionsClient.builder().baseUrl("http://127.0.0.1:8765").apiKey(key).build()) {
 *     Session s = client.sessions().create(CreateSessionRequest.builder("process_invoice").start(true).build())
 *             .execute();
 *     client.sessions().tag(s.id(), TagRequest.of("submitted_for_approval")).execute();
 *     client.sessions().stop(s.id()).executeAsync().join();
 *     client.sessions().listAll(SessionQuery.builder().status(SessionStatus.RECORDING).build()).forEach(...);
 * }
 * }</pre>
 *
 * The API's resources are services: {@link #sessions()}, {@link #frames()}, {@link #events()},
 * {@link #auditLogs()}, and {@link #health()}. Each operation returns one {@link ApiCall}, run sync or async, with
 * per-call {@link RequestOptions}, throwing unchecked {@link com.nusomi.recorder.client.exception.ApiException}s or
 * returning {@link ApiResult}s (request id, idempotency key, attempts). Every POST carries an
 * {@code Idempotency-Key} (the caller's or a generated UUID), the same on every retry.
 */
public final class SessionsClient implements AutoCloseable {
    /** Environment variable of the base URL. */
    public static final String ENV_BASE_URL = "NUSOMI_BASE_URL";
    /** Environment variable of the API key. */
    public static final String ENV_API_KEY = "NUSOMI_API_KEY";

    private final HttpUrl baseUrl;
    private final String apiKey;
    private final HttpStack stack;
    private final Transport transport;
    private final Endpoints endpoints;
    private final SessionService sessions;
    private final FrameService frames;
    private final EventService events;
    private final AuditLogService auditLogs;
    private final String userAgent;

    private SessionsClient(Builder b) {
        this.baseUrl = b.parsedBaseUrl();
        this.apiKey = b.apiKey;
        this.userAgent = "session-recorder/" + (b.version != null ? b.version : Version.current());
        this.stack = new HttpStack(
                b.connectTimeout,
                b.readTimeout,
                b.writeTimeout,
                b.callTimeout,
                b.asyncThreads,
                b.eventListenerFactory,
                !baseUrl.isHttps());
        this.transport = new Transport(stack.http(), apiKey, userAgent, b.retryPolicy, stack.asyncExecutor());
        this.endpoints = new Endpoints(baseUrl);
        this.sessions = new SessionService(transport, endpoints);
        this.frames = new FrameService(transport, endpoints);
        this.events = new EventService(transport, endpoints);
        this.auditLogs = new AuditLogService(transport, endpoints);
    }

    /** A builder with every setting at its default; only the base URL must be given. */
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

    /** Sessions: create, start, tag, stop, get, list, delete, restore, batch-stop. */
    public SessionService sessions() {
        return sessions;
    }

    /** A session's frames [ext]: upload, list, download. */
    public FrameService frames() {
        return frames;
    }

    /** A session's events [ext]: append, list. */
    public EventService events() {
        return events;
    }

    /** The audit log [ext]; needs the admin scope. */
    public AuditLogService auditLogs() {
        return auditLogs;
    }

    /** Checks the server ({@code GET /v1/health}); needs no API key [ext]. */
    public ApiCall<Health> health() {
        return new ApiCall<>(transport, endpoints.health());
    }

    /** The server root this client talks to, without the {@code /v1} prefix. */
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
        return ApiKeyMask.mask(apiKey);
    }

    /**
     * A one-way fingerprint of the API key (16 hex digits of a SHA-256; "none" without a key): tells two keys
     * apart, e.g. to keep per-server state, without holding the key. Never the key or a part of it.
     */
    public String apiKeyFingerprint() {
        return Secrets.fingerprint(apiKey);
    }

    // ---- lifecycle ----

    /** Cancels calls in flight, stops the client's threads and closes its idle connections. */
    @Override
    public void close() {
        transport.close();
        stack.close();
    }

    /** Number of HTTP calls in flight (for tests). */
    int runningCallCount() {
        return stack.runningCallCount();
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

        private Builder() {}

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

        /** How long to wait for a connection (default 10 s). */
        public Builder connectTimeout(Duration d) {
            this.connectTimeout = Objects.requireNonNull(d);
            return this;
        }

        /** How long to wait between bytes of a response (default 30 s). */
        public Builder readTimeout(Duration d) {
            this.readTimeout = Objects.requireNonNull(d);
            return this;
        }

        /** How long to wait between bytes of a request (default 30 s). */
        public Builder writeTimeout(Duration d) {
            this.writeTimeout = Objects.requireNonNull(d);
            return this;
        }

        /** The whole-call timeout of each attempt (connect, send, wait, read); zero for none. */
        public Builder callTimeout(Duration d) {
            this.callTimeout = Objects.requireNonNull(d);
            return this;
        }

        /** When and how often to retry (default {@link RetryPolicy#defaults()}). */
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
            List<String> segments = new ArrayList<>(url.pathSegments());
            segments.removeIf(String::isEmpty);
            if (!segments.isEmpty() && segments.get(segments.size() - 1).equals("v1")) {
                segments.remove(segments.size() - 1);
            }
            HttpUrl.Builder b = url.newBuilder().encodedPath("/").query(null).fragment(null);
            segments.forEach(b::addPathSegment);
            return b.build();
        }

        /**
         * The client.
         *
         * @throws IllegalStateException if no base URL was given
         * @throws IllegalArgumentException if the base URL is not an http(s) URL
         */
        public SessionsClient build() {
            return new SessionsClient(this);
        }
    }
}
