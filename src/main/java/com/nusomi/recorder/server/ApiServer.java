package com.nusomi.recorder.server;

import com.nusomi.recorder.files.DataFolder;
import com.nusomi.recorder.server.http.HttpFrontend;
import com.nusomi.recorder.server.http.Json;
import com.nusomi.recorder.server.http.JsonErrorHandler;
import com.nusomi.recorder.server.http.LingeringConnectionFactory;
import com.nusomi.recorder.server.http.Router;
import com.nusomi.recorder.server.store.ApiKeyRecord;
import com.nusomi.recorder.server.store.Store;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Sessions API server: SQLite in the data folder (or a PostgreSQL database: {@link ServerConfig#database()}), Jetty's HTTP/1.1 server on a loopback port, and the
 * background indexer and purge. Started headless by {@code serve}, or in-process by the desktop app.
 */
public final class ApiServer implements AutoCloseable {
    /** The data folder's database, next to {@code admin.key} and {@code frames/} (unless {@code --frames}). */
    static final String DATABASE_FILE = "sessions.db";

    /** Where large request bodies (run bundles being imported) are spooled, in the data folder. */
    static final String UPLOADS_DIR = "uploads";

    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    private static final int HTTP_THREADS = 128;
    static final String REFERENCES_PER_CACHE_LINE = "org.eclipse.jetty.util.referencesPerCacheLine";

    private final ServerConfig config;
    private final Store store;
    private final ApiKeys keys;
    private final Maintenance maintenance;
    private final Server http;
    private final ServerConnector connector;
    private final String adminKey;
    private final HttpFrontend frontend;
    /** Set by {@link #drain}: ready answers 503 and every answer closes its connection. */
    private final AtomicBoolean draining = new AtomicBoolean();

    private final AtomicBoolean closed = new AtomicBoolean();
    private final StringBuilder startTimes = new StringBuilder();
    private long lastMark = System.nanoTime();

    private ApiServer(ServerConfig config) throws IOException {
        this.config = config;
        DataFolder.createPrivate(config.dataDir());
        // The store opens (its driver loaded, the schema migrated) on a thread of its own while this one sets up
        // Jetty and the JSON mapper: most of either is loading classes, and a server starts on two cores.
        StoreOpening opening = StoreOpening.start(config);
        try {
            skipJettysCacheLineProbe();
            // A client that sends nothing for this long, mid-headers, mid-body or between requests, is dropped.
            long idleTimeoutMs = config.idleTimeout().toMillis();
            QueuedThreadPool threads = new QueuedThreadPool(HTTP_THREADS, 2, 30_000);
            threads.setName("api-http");
            threads.setDaemon(true);
            this.http = new Server(threads);
            HttpConfiguration http11 = new HttpConfiguration();
            http11.setSendServerVersion(false);
            http11.setSendXPoweredBy(false);
            http11.setRequestHeaderSize(16 * 1024);
            // The router matches raw paths itself: "//", "..", "%2F" in a path are unknown routes (404 in the
            // error shape), not requests for Jetty to refuse or normalise.
            http11.setUriCompliance(UriCompliance.UNSAFE);
            // One acceptor and one selector: a loopback server on a small machine needs no more.
            this.connector = new ServerConnector(http, 1, 1, new LingeringConnectionFactory(http11));
            connector.setHost(config.bind());
            connector.setPort(config.port());
            connector.setAcceptQueueSize(256);
            connector.setIdleTimeout(idleTimeoutMs);
            http.addConnector(connector);
            http.setErrorHandler(new JsonErrorHandler());
            Json.warmUp();
        } catch (RuntimeException e) {
            opening.closeWhenOpen();
            throw e;
        }
        markStart("HTTP set up");
        this.store = opening.await();
        startTimes
                .append(", store opened and migrated beside it ")
                .append(opening.millis())
                .append(" ms");
        markStart("waiting for the store");
        try {
            this.keys = new ApiKeys(store);
            this.adminKey = ensureAdminKey();
            markStart("admin key");
            if (!Files.isDirectory(config.framesDir())) {
                DataFolder.createPrivate(config.framesDir());
            }
            clearUploads(config.dataDir().resolve(UPLOADS_DIR));
            FrameFiles frames = new FrameFiles(config.framesDir(), store);
            Policies policies = Policies.of(config);
            this.maintenance = new Maintenance(store, config.clock(), frames, policies);
            Router router = new Router();
            SessionsApi.register(router, frames, store);
            FramesApi.register(router, frames);
            BundleImport.register(router, frames);
            FrameRedactions.register(router, frames, store);
            EventsApi.register(router);
            AuditApi.register(router, config.version(), policies, store, config.framesDir(), draining::get);
            this.frontend = new HttpFrontend(
                    router,
                    store,
                    keys::lookup,
                    config.clock(),
                    new HttpFrontend.Options(
                            config.bodyDeadline(),
                            config.minBodyBytesPerSecond(),
                            config.bodyRateGrace(),
                            config.idleTimeout(),
                            isLoopback(config.bind()),
                            config.dataDir().resolve(UPLOADS_DIR),
                            config.rateLimit()),
                    draining::get);
            // Counts the requests in flight, for the graceful stop of a drain (close() does not wait for them).
            GracefulHandler inFlight = new GracefulHandler();
            inFlight.setHandler(frontend);
            http.setHandler(inFlight);
            markStart("routes");
        } catch (IOException | RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /**
     * Tells Jetty how many references fill a cache line (the padding of its queues against false sharing), which it
     * would otherwise find by asking the platform MBean server whether oops are compressed: starting that server
     * registers every platform MBean (JFR's among them), about 700 classes and a tenth of {@code serve}'s start.
     * Jetty's own answer: 64-byte lines ({@code cacheLineBytes}) of 4-byte references with compressed oops, which
     * the JVM uses for heaps under 32 GiB, else of 8-byte ones. A value set on the command line is left alone.
     */
    static void skipJettysCacheLineProbe() {
        if (System.getProperty(REFERENCES_PER_CACHE_LINE) == null) {
            int lineBytes = Integer.getInteger("org.eclipse.jetty.util.cacheLineBytes", 64);
            boolean compressedOops = Runtime.getRuntime().maxMemory() < (31L << 30);
            System.setProperty(REFERENCES_PER_CACHE_LINE, Integer.toString(lineBytes / (compressedOops ? 4 : 8)));
        }
    }

    /** Makes the uploads folder, and removes what an earlier run left in it (bodies of imports cut short). */
    private static void clearUploads(Path dir) throws IOException {
        DataFolder.createPrivate(dir);
        try (var left = Files.list(dir)) {
            for (Path p : (Iterable<Path>) left::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Whether the server listens on loopback only: then requests must name a loopback host (DNS rebinding). */
    public static boolean isLoopback(String bind) {
        try {
            for (InetAddress a : InetAddress.getAllByName(bind)) {
                if (!a.isLoopbackAddress()) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Opens the data folder (creating it, its database and its admin key on first use) and starts serving. */
    public static ApiServer start(ServerConfig config) {
        try {
            ApiServer server = new ApiServer(config);
            server.startHttp();
            server.markStart("HTTP listening");
            // After listening: the first rounds (seal, policies, purge) run at once on their own thread, and on a
            // small machine they would take the CPU from Jetty's start and the first answer.
            server.maintenance.start(
                    config.sealInterval().toMillis(), config.purgeInterval().toMillis());
            server.markStart("maintenance started");
            LOG.info(
                    "Sessions API listening on {} (data in {}, database {}; started in: {})",
                    server.baseUrl(),
                    config.dataDir(),
                    config.database() != null ? config.database() : DATABASE_FILE,
                    server.startTimes());
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot start the server on " + config.bind() + ":" + config.port() + ": " + e.getMessage(), e);
        }
    }

    private void startHttp() throws IOException {
        try {
            http.start();
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        } catch (Exception e) {
            close();
            throw new IOException(e.getMessage(), e);
        }
    }

    /** The admin key in {@code admin.key}; made anew (and the file rewritten) when missing or no longer valid. */
    private String ensureAdminKey() throws IOException {
        Path file = config.dataDir().resolve("admin.key");
        if (Files.isRegularFile(file)) {
            String existing = Files.readString(file, StandardCharsets.UTF_8).strip();
            ApiKeyRecord record = keys.lookup(existing);
            if (record != null && record.scopes().contains("admin")) {
                return existing;
            }
            LOG.warn("{} holds no valid admin key; writing a new one", file);
        }
        ApiKeys.Created created = keys.create(
                Set.of("read", "write", "admin"),
                "admin (data folder)",
                config.clock().millis());
        DataFolder.writeSecret(file, created.key());
        LOG.info("created the admin key {} in {}", created.record().id(), file);
        return created.key();
    }

    private void markStart(String part) {
        long now = System.nanoTime();
        startTimes
                .append(startTimes.isEmpty() ? "" : ", ")
                .append(part)
                .append(' ')
                .append((now - lastMark) / 1_000_000)
                .append(" ms");
        lastMark = now;
    }

    /**
     * How long each part of this server's start took, in order ("HTTP set up 90 ms, store opened and migrated
     * beside it 120 ms, waiting for the store 30 ms, admin key 15 ms, ..."), for the start-up trace and benchmarks.
     */
    public String startTimes() {
        return startTimes.toString();
    }

    public String baseUrl() {
        String host = config.bind().contains(":") ? "[" + config.bind() + "]" : config.bind();
        return "http://" + host + ":" + port();
    }

    public int port() {
        return connector.getLocalPort();
    }

    public String adminKey() {
        return adminKey;
    }

    /** Makes a new key with the given scopes (for tests, tools and the {@code keys} command). */
    public String createKey(Set<String> scopes) {
        return keys.create(scopes, null, config.clock().millis()).key();
    }

    /** Requests whose body is still arriving (each holds a connection but no thread). */
    public int bodiesArriving() {
        return frontend.bodiesArriving();
    }

    public ApiKeys keys() {
        return keys;
    }

    public Store store() {
        return store;
    }

    /**
     * Waits until the maintenance rounds run at start are over (tests that move the clock or change sessions right
     * after start would otherwise race them); false if they took longer than the timeout.
     */
    public boolean awaitFirstMaintenanceRounds(Duration timeout) {
        return maintenance.awaitFirstRounds(timeout);
    }

    /** Seals every stopped session now, without waiting for the indexer's next round. */
    public int sealNow() {
        return maintenance.sealStopped();
    }

    /** Runs the purge now, without waiting for its next round. */
    public int purgeNow() {
        return maintenance.purgeDue();
    }

    /**
     * Applies the retention and auto-stop policies now, without waiting for the purge's next round; returns how many
     * sessions were stopped as abandoned and how many were deleted by retention, in that order.
     */
    public int[] applyPoliciesNow() {
        return maintenance.applyPolicies();
    }

    /** Whether {@link #drain} has begun: ready answers 503. */
    public boolean isDraining() {
        return draining.get();
    }

    /**
     * Stops the server without losing a request (SIGTERM to {@code serve}, for a rolling restart behind a load
     * balancer): ready answers 503 at once and every answer from then on closes its connection; the server goes on
     * serving for {@code grace}, so that the balancer's health check sees it leave; then it stops accepting
     * connections (new ones are refused), lets the requests in flight finish (at most {@code timeout}; the bodies
     * still arriving included), stops maintenance and closes the store. Returns false if requests were still in
     * flight at the timeout (they are cut), or if the server was already draining or closed.
     */
    public boolean drain(Duration grace, Duration timeout) {
        if (closed.get() || !draining.compareAndSet(false, true)) {
            return false;
        }
        LOG.info(
                "draining: ready answers 503; serving {} s more, then finishing the requests in flight (at most {} s)",
                grace.toMillis() / 1000.0,
                timeout.toMillis() / 1000.0);
        try {
            TimeUnit.NANOSECONDS.sleep(grace.toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // Stops the acceptor and closes the listening socket: a connection attempt from here on is refused, so a
        // balancer (or client) goes elsewhere at once instead of waiting in a backlog nobody reads.
        // (the stop below waits for the connector's shutdown: its connections closed)
        var unused = connector.shutdown();
        connector.close();
        // Jetty's graceful stop: waits for the requests in flight (GracefulHandler) and open connections, up to the
        // timeout; a request arriving meanwhile on a kept-alive connection is answered 503 (the client retries).
        http.setStopTimeout(Math.max(1, timeout.toMillis()));
        return stop();
    }

    @Override
    public void close() {
        stop();
    }

    /** Stops HTTP (gracefully if a drain set a stop timeout), maintenance and the store, once; false on a timeout. */
    private boolean stop() {
        if (!closed.compareAndSet(false, true)) {
            return false;
        }
        boolean clean = true;
        try {
            http.stop();
        } catch (Exception e) {
            clean = false;
            LOG.warn("the HTTP server did not stop cleanly: {}", e.toString());
        }
        maintenance.close();
        store.close();
        LOG.info("Sessions API stopped");
        return clean;
    }
}
