package com.nusomi.recorder.server;

import com.nusomi.recorder.server.http.HttpFrontend;
import com.nusomi.recorder.server.http.Router;
import com.nusomi.recorder.server.store.ApiKeyRecord;
import com.nusomi.recorder.server.store.SqliteStore;
import com.nusomi.recorder.server.store.Store;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local Sessions API server: SQLite in the data folder, the JDK's HTTP server on a loopback port, and the
 * background indexer and purge. Started headless by {@code serve}, or in-process by the desktop app.
 */
public final class ApiServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    private static final int HTTP_THREADS = 128;

    static {
        // A client that sends its request too slowly is dropped after 30 s instead of holding a thread for ever.
        if (System.getProperty("sun.net.httpserver.maxReqTime") == null) {
            System.setProperty("sun.net.httpserver.maxReqTime", "30");
        }
        // The JDK server writes a response's headers and body separately: without TCP_NODELAY the body waits for
        // the client's delayed ACK, some 40 ms on every keep-alive request.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final ServerConfig config;
    private final SqliteStore store;
    private final ApiKeys keys;
    private final Maintenance maintenance;
    private final HttpServer http;
    private final ThreadPoolExecutor executor;
    private final String adminKey;

    private ApiServer(ServerConfig config) throws IOException {
        this.config = config;
        Files.createDirectories(config.dataDir());
        this.store = SqliteStore.open(config.dataDir().resolve("sessions.db"));
        try {
            this.keys = new ApiKeys(store);
            this.adminKey = ensureAdminKey();
            FrameFiles frames = new FrameFiles(config.dataDir().resolve("frames"));
            this.maintenance = new Maintenance(store, config.clock(), frames);
            Router router = new Router();
            SessionsApi.register(router, frames);
            FramesApi.register(router, frames);
            EventsApi.register(router);
            AuditApi.register(router, config.version());
            AtomicInteger n = new AtomicInteger();
            this.executor = new ThreadPoolExecutor(HTTP_THREADS, HTTP_THREADS, 30, TimeUnit.SECONDS,
                    new LinkedBlockingQueue<>(), r -> {
                        Thread t = new Thread(r, "api-http-" + n.incrementAndGet());
                        t.setDaemon(true);
                        return t;
                    });
            executor.allowCoreThreadTimeOut(true);
            this.http = HttpServer.create(new InetSocketAddress(config.bind(), config.port()), 256);
            http.createContext("/", new HttpFrontend(router, store, keys::lookup, config.clock()));
            http.setExecutor(executor);
        } catch (IOException | RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** Opens the data folder (creating it, its database and its admin key on first use) and starts serving. */
    public static ApiServer start(ServerConfig config) {
        try {
            ApiServer server = new ApiServer(config);
            server.maintenance.start(config.sealInterval().toMillis(), config.purgeInterval().toMillis());
            server.http.start();
            LOG.info("Sessions API listening on {} (data in {})", server.baseUrl(), config.dataDir());
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the server on " + config.bind() + ":" + config.port()
                    + ": " + e.getMessage(), e);
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
        ApiKeys.Created created = keys.create(Set.of("read", "write", "admin"), "admin (data folder)",
                config.clock().millis());
        DataFolder.writeSecret(file, created.key());
        LOG.info("created the admin key {} in {}", created.record().id(), file);
        return created.key();
    }

    public String baseUrl() {
        String host = config.bind().contains(":") ? "[" + config.bind() + "]" : config.bind();
        return "http://" + host + ":" + port();
    }

    public int port() {
        return http.getAddress().getPort();
    }

    public String adminKey() {
        return adminKey;
    }

    /** Makes a new key with the given scopes (for tests, tools and the {@code keys} command). */
    public String createKey(Set<String> scopes) {
        return keys.create(scopes, null, config.clock().millis()).key();
    }

    public ApiKeys keys() {
        return keys;
    }

    public Store store() {
        return store;
    }

    /** Seals every stopped session now, without waiting for the indexer's next round. */
    public int sealNow() {
        return maintenance.sealStopped();
    }

    /** Runs the purge now, without waiting for its next round. */
    public int purgeNow() {
        return maintenance.purgeDue();
    }

    @Override
    public void close() {
        http.stop(0);
        executor.shutdownNow();
        maintenance.close();
        store.close();
        LOG.info("Sessions API stopped");
    }
}
