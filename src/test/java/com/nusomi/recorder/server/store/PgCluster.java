package com.nusomi.recorder.server.store;

import com.nusomi.recorder.Requirements;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL cluster for the tests: {@code initdb} and {@code pg_ctl start} into {@code target/pg-<pid>}
 * on a free loopback port, once per JVM, stopped (and its folder deleted) when the JVM exits. The binaries are found
 * through {@code pg_config --bindir}, then {@code /usr/lib/postgresql/<newest>/bin}, then the PATH. {@code initdb}
 * refuses to run as root: as root, the cluster is made and run by the {@code postgres} user ({@code runuser}).
 *
 * <p>Under {@code CI=true} a missing PostgreSQL fails the tests that need it; elsewhere they are skipped with the
 * reason ({@link #shared()}). Each test gets a schema of its own ({@link #newSchema}) or a database
 * ({@link #newDatabase}); the cluster is fast rather than durable ({@code fsync=off}).
 */
public final class PgCluster {
    private static final String USER = "app";
    private static final AtomicInteger NAMES = new AtomicInteger();
    private static PgCluster shared;
    private static String unavailable;

    private final Path bin;
    private final Path dir;
    private final int port;
    private final boolean asPostgres;

    private PgCluster(Path bin, Path dir, int port, boolean asPostgres) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.asPostgres = asPostgres;
    }

    /**
     * The JVM's cluster, started on first use. When PostgreSQL is not installed: under {@code CI=true} the test
     * fails, elsewhere it is skipped with the reason.
     */
    public static synchronized PgCluster shared() {
        if (shared == null && unavailable == null) {
            try {
                shared = start();
            } catch (IOException | RuntimeException e) {
                unavailable = "no PostgreSQL cluster for the tests: " + e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                unavailable = "interrupted starting PostgreSQL";
            }
        }
        if (shared == null) {
            Requirements.missing("the PostgreSQL tests", unavailable);
        }
        return shared;
    }

    private static PgCluster start() throws IOException, InterruptedException {
        Path bin = findBinaries();
        boolean root = "root".equals(System.getProperty("user.name"));
        Path target = Path.of("target").toAbsolutePath();
        Files.createDirectories(target);
        stopLeftovers(bin, target, root);
        Path dir = target.resolve("pg-" + ProcessHandle.current().pid());
        deleteTree(dir);
        PgCluster cluster = create(bin, dir, root);
        cluster.startServer("");
        Runtime.getRuntime().addShutdownHook(new Thread(cluster::stop, "pg-cluster-stop"));
        return cluster;
    }

    /**
     * A cluster kept in {@code dir} from one run to the next (the benchmark's cache of seeded databases): made with
     * {@code initdb} when the folder holds none, started on a free port with the same settings as the tests' cluster
     * plus {@code options} (more {@code -c name=value}), and stopped, not deleted, when the JVM exits. A cluster left
     * running by a killed run is stopped first.
     */
    public static PgCluster kept(Path dir, String options) throws IOException, InterruptedException {
        Path bin = findBinaries();
        boolean root = "root".equals(System.getProperty("user.name"));
        dir = dir.toAbsolutePath();
        PgCluster cluster;
        if (Files.isRegularFile(dir.resolve("data").resolve("PG_VERSION"))) {
            cluster = new PgCluster(bin, dir, freePort(), root);
            if (Files.exists(dir.resolve("data").resolve("postmaster.pid"))) {
                try {
                    cluster.pg(List.of(
                            bin.resolve("pg_ctl").toString(),
                            "-D",
                            dir.resolve("data").toString(),
                            "-m",
                            "fast",
                            "-w",
                            "stop"));
                } catch (IOException e) {
                    // not running: a stale pid file, which the start clears
                }
            }
        } else {
            deleteTree(dir);
            cluster = create(bin, dir, root);
        }
        cluster.startServer(options);
        PgCluster started = cluster;
        Runtime.getRuntime().addShutdownHook(new Thread(started::stopKeeping, "pg-cluster-stop"));
        return started;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** {@code initdb} into {@code dir/data}. */
    private static PgCluster create(Path bin, Path dir, boolean root) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        if (root) {
            run(List.of("chown", "postgres", dir.toString()));
        }
        PgCluster cluster = new PgCluster(bin, dir, freePort(), root);
        cluster.pg(List.of(
                bin.resolve("initdb").toString(),
                "-D",
                dir.resolve("data").toString(),
                "-A",
                "trust",
                "-U",
                USER,
                "-E",
                "UTF8",
                "--no-sync"));
        return cluster;
    }

    private void startServer(String options) throws IOException, InterruptedException {
        pg(List.of(
                bin.resolve("pg_ctl").toString(),
                "-D",
                dir.resolve("data").toString(),
                "-o",
                "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off"
                        + " -c full_page_writes=off -c max_connections=400 " + options,
                "-l",
                dir.resolve("log").toString(),
                "-w",
                "start"));
    }

    private void stopKeeping() {
        try {
            pg(List.of(
                    bin.resolve("pg_ctl").toString(),
                    "-D",
                    dir.resolve("data").toString(),
                    "-m",
                    "fast",
                    "-w",
                    "stop"));
        } catch (IOException | RuntimeException e) {
            System.err.println("PgCluster: could not stop the cluster in " + dir + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Clusters of earlier runs that were killed before their shutdown hook ran. */
    private static void stopLeftovers(Path bin, Path target, boolean root) throws IOException {
        try (Stream<Path> dirs = Files.list(target)) {
            for (Path old : dirs.filter(p -> p.getFileName().toString().startsWith("pg-"))
                    .toList()) {
                String pid = old.getFileName().toString().substring(3);
                boolean alive = pid.chars().allMatch(Character::isDigit)
                        && ProcessHandle.of(Long.parseLong(pid))
                                .map(ProcessHandle::isAlive)
                                .orElse(false);
                if (alive) {
                    continue; // another JVM's cluster (a parallel run)
                }
                if (Files.exists(old.resolve("data").resolve("postmaster.pid"))) {
                    try {
                        new PgCluster(bin, old, 0, root)
                                .pg(List.of(
                                        bin.resolve("pg_ctl").toString(),
                                        "-D",
                                        old.resolve("data").toString(),
                                        "-m",
                                        "immediate",
                                        "stop"));
                    } catch (IOException | InterruptedException | RuntimeException e) {
                        // not running any more
                    }
                }
                deleteTree(old);
            }
        }
    }

    private static Path findBinaries() throws IOException, InterruptedException {
        List<Path> candidates = new ArrayList<>();
        try {
            String out = run(List.of("pg_config", "--bindir")).strip();
            if (!out.isEmpty()) {
                candidates.add(Path.of(out));
            }
        } catch (IOException | RuntimeException e) {
            // no pg_config: look further
        }
        Path lib = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(lib)) {
            try (Stream<Path> versions = Files.list(lib)) {
                versions.filter(p -> p.getFileName().toString().matches("\\d+"))
                        .sorted(Comparator.comparingInt((Path p) ->
                                        Integer.parseInt(p.getFileName().toString()))
                                .reversed())
                        .forEach(p -> candidates.add(p.resolve("bin")));
            }
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String entry : path.split(File.pathSeparator, -1)) {
                if (!entry.isEmpty()) {
                    candidates.add(Path.of(entry));
                }
            }
        }
        for (Path c : candidates) {
            if (Files.isExecutable(c.resolve("initdb")) && Files.isExecutable(c.resolve("pg_ctl"))) {
                return c;
            }
        }
        throw new IOException("initdb and pg_ctl not found (pg_config --bindir, /usr/lib/postgresql/*/bin, PATH); "
                + "install the postgresql package");
    }

    /** Runs a PostgreSQL program, as the postgres user when we are root. */
    private void pg(List<String> command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (asPostgres) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        run(full);
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(command.get(0) + " did not finish");
        }
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed (" + p.exitValue() + "): " + out.strip());
        }
        return out;
    }

    private void stop() {
        try {
            pg(List.of(
                    bin.resolve("pg_ctl").toString(),
                    "-D",
                    dir.resolve("data").toString(),
                    "-m",
                    "immediate",
                    "-w",
                    "stop"));
            deleteTree(dir);
        } catch (IOException | RuntimeException e) {
            System.err.println("PgCluster: could not stop the cluster in " + dir + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** The cluster's port on 127.0.0.1. */
    public int port() {
        return port;
    }

    /** A connection to the cluster's {@code postgres} database as its superuser. */
    public Connection admin() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", USER, "");
    }

    /** The database of that name on this cluster, as a server's target (it need not exist yet). */
    public PostgresTarget database(String name) {
        return PostgresTarget.parse("postgresql://127.0.0.1:" + port + "/" + name + "?user=" + USER, null);
    }

    /** A connection to the database of that name as the cluster's superuser. */
    public Connection connect(String name) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + name, USER, "");
    }

    /** A new, empty database; its name starts with {@code prefix}. */
    public PostgresTarget newDatabase(String prefix) {
        String name = prefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_") + "_" + NAMES.incrementAndGet();
        try (Connection c = admin();
                Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name + " TEMPLATE template0 ENCODING 'UTF8'");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
        }
        return PostgresTarget.parse("postgresql://127.0.0.1:" + port + "/" + name + "?user=" + USER, null);
    }

    /**
     * A new, empty schema in the {@code tests} database, which the target's connections use ({@code currentSchema}):
     * much cheaper than a database, for a server of one test.
     */
    public synchronized PostgresTarget newSchema(String prefix) {
        String name = prefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_") + "_" + NAMES.incrementAndGet();
        try (Connection c = DriverManager.getConnection(testsDatabase(), USER, "");
                Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create schema " + name + ": " + e.getMessage(), e);
        }
        return PostgresTarget.parse(
                "postgresql://127.0.0.1:" + port + "/tests?user=" + USER + "&currentSchema=" + name, null);
    }

    /** Drops a schema made by {@link #newSchema} and everything in it. */
    public synchronized void dropSchema(PostgresTarget target) {
        String url = target.jdbcUrl();
        String name = url.substring(url.indexOf("currentSchema=") + "currentSchema=".length());
        try (Connection c = DriverManager.getConnection(testsDatabase(), USER, "");
                Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop schema " + name + ": " + e.getMessage(), e);
        }
    }

    private boolean testsCreated;

    private String testsDatabase() throws SQLException {
        if (!testsCreated) {
            try (Connection c = admin();
                    Statement st = c.createStatement()) {
                st.execute("CREATE DATABASE tests TEMPLATE template0 ENCODING 'UTF8'");
            }
            testsCreated = true;
        }
        return "jdbc:postgresql://127.0.0.1:" + port + "/tests";
    }

    @Override
    public String toString() {
        return "PostgreSQL cluster in " + dir + " on port " + port;
    }

    static {
        try {
            Class.forName("org.postgresql.Driver");
        } catch (ClassNotFoundException e) {
            throw new UncheckedIOException(new IOException("no PostgreSQL driver", e));
        }
    }
}
