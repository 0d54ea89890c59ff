package com.nusomi.recorder.server;

import com.nusomi.recorder.server.store.PgCluster;
import com.nusomi.recorder.server.store.PostgresTarget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real server on a loopback port with its own temporary data folder. As a static {@code @RegisterExtension} it
 * lives for the test class, as an instance field for one test; {@link #start()} and {@link #close()} also work by
 * hand. The indexer and the purge run only every hour unless configured otherwise, so tests call
 * {@link ApiServer#sealNow()} and {@link ApiServer#purgeNow()} when they mean it.
 *
 * <p>The store is SQLite in the data folder, or, with {@code -Drecorder.test.store=postgresql} (the surefire
 * execution {@code server-on-postgresql}), a schema of its own in the tests' throwaway PostgreSQL cluster
 * ({@link PgCluster}), kept across {@link #restart()} and dropped on {@link #close()}.
 */
final class LocalServer
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, AutoCloseable {
    /** Whether the servers of this JVM store in PostgreSQL. */
    static final boolean POSTGRES = "postgresql".equals(System.getProperty("recorder.test.store"));

    private Clock clock = Clock.systemUTC();
    private PostgresTarget database;
    private Duration sealInterval = Duration.ofHours(1);
    private Duration purgeInterval = Duration.ofHours(1);
    private Path dataDir;
    private ApiServer server;
    private boolean perTest;
    private Consumer<ServerConfig.Builder> tuning = b -> {};

    LocalServer clock(Clock c) {
        this.clock = c;
        return this;
    }

    LocalServer sealInterval(Duration d) {
        this.sealInterval = d;
        return this;
    }

    LocalServer purgeInterval(Duration d) {
        this.purgeInterval = d;
        return this;
    }

    /** Further settings of the server (body pace, idle timeout, bind…), applied after the others. */
    LocalServer tune(Consumer<ServerConfig.Builder> tuning) {
        this.tuning = tuning;
        return this;
    }

    /** Stores in this PostgreSQL database (a schema of {@link PgCluster#newSchema}, dropped on close). */
    LocalServer database(PostgresTarget target) {
        this.database = target;
        return this;
    }

    /** The PostgreSQL database of a server on PostgreSQL, else null. */
    PostgresTarget database() {
        return database;
    }

    /**
     * A connection of its own to the server's database, for a test that changes it behind the server's back: the
     * SQLite file in the data folder, or the server's schema in PostgreSQL.
     */
    Connection connectDatabase() throws SQLException {
        if (database != null) {
            return DriverManager.getConnection(database.jdbcUrl(), database.user(), "");
        }
        return DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve(ApiServer.DATABASE_FILE));
    }

    /** Serves an existing data folder (deleted on close like a fresh one). */
    LocalServer dataDir(Path dir) {
        this.dataDir = dir;
        return this;
    }

    LocalServer start() {
        try {
            if (dataDir == null) {
                dataDir = Files.createTempDirectory("sessions-api-test");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (POSTGRES && database == null) {
            database = PgCluster.shared().newSchema("server");
        }
        ServerConfig.Builder config = ServerConfig.builder()
                .dataDir(dataDir)
                .database(database)
                .port(0)
                .clock(clock)
                .sealInterval(sealInterval)
                .purgeInterval(purgeInterval);
        tuning.accept(config);
        server = ApiServer.start(config.build());
        if (!server.awaitFirstMaintenanceRounds(Duration.ofSeconds(30))) {
            throw new IllegalStateException("the server's first maintenance rounds did not end within 30 s");
        }
        return this;
    }

    /** Closes the server and starts a new one on the same data folder. */
    LocalServer restart() {
        server.close();
        return start();
    }

    ApiServer server() {
        return server;
    }

    Path dataDir() {
        return dataDir;
    }

    /** Calls made with the admin key. */
    ApiCalls admin() {
        return new ApiCalls(server.baseUrl(), server.adminKey());
    }

    /** Calls made with a new key of these scopes. */
    ApiCalls withScopes(String... scopes) {
        return new ApiCalls(server.baseUrl(), server.createKey(Set.of(scopes)));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (server == null) {
            perTest = true;
            start();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (perTest) {
            close();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
            server = null;
        }
        if (database != null) {
            PgCluster.shared().dropSchema(database);
            database = null;
        }
        if (dataDir != null) {
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            dataDir = null;
        }
    }
}
