package com.nusomi.recorder.cli;

import com.nusomi.recorder.files.DataFolder;
import com.nusomi.recorder.server.ApiServer;
import com.nusomi.recorder.server.Policies;
import com.nusomi.recorder.server.ServerConfig;
import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code serve}: the local Sessions API alone, headless, until interrupted. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = "Run the local Sessions API server headless (stop it with Ctrl-C; SIGTERM drains it first).")
final class ServeCommand implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "8765", description = "TCP port (default ${DEFAULT-VALUE}; 0 = any free)")
    int port;

    @Option(
            names = "--bind",
            defaultValue = "127.0.0.1",
            description = "address to listen on (default ${DEFAULT-VALUE}, loopback only)")
    String bind;

    @Option(
            names = "--data",
            paramLabel = "DIR",
            description = "data folder (default: $SESSION_RECORDER_DATA, " + "else the per-OS application data folder)")
    Path data;

    @Option(
            names = "--frames",
            paramLabel = "DIR",
            description = "folder for the frame images (default: frames in the data folder); the servers of a team "
                    + "server on one --database share one, e.g. on a network file system")
    Path frames;

    @Option(
            names = "--database",
            paramLabel = "URL",
            description = "a PostgreSQL 15+ database for a team server: postgresql://HOST:PORT/DB?user=U (default: "
                    + "SQLite in the data folder). The password comes from $PGPASSWORD or --database-password-file, "
                    + "never from the URL")
    String database;

    @Option(
            names = "--database-password-file",
            paramLabel = "FILE",
            description = "a file holding the database password (its first line); else $PGPASSWORD")
    Path passwordFile;

    @Option(
            names = "--retention",
            paramLabel = "DURATION",
            description = "soft-delete sealed sessions created longer ago than this (such as 90d, 2w, 12h); they "
                    + "are purged 30 days later, as any deleted session; each in the audit log as session.deleted "
                    + "with details.policy retention (default: keep them)")
    String retention;

    @Option(
            names = "--auto-stop-abandoned",
            paramLabel = "DURATION",
            description = "stop sessions still recording this long after their start (such as 12h, 30m, 2d), "
                    + "with stop_reason abandoned and outcome abandoned; each in the audit log as session.stopped "
                    + "with details.policy auto_stop_abandoned (default: never)")
    String autoStopAbandoned;

    @Option(
            names = "--rate-limit",
            paramLabel = "RATE",
            description = "requests each API key may make: N/s, N/m or N/h (such as 100/s); beyond it, 429 "
                    + "rate_limited with Retry-After (default: no limit; health and ready are never limited)")
    String rateLimit;

    @Option(
            names = "--drain-grace",
            paramLabel = "DURATION",
            defaultValue = "5s",
            description = "on SIGTERM, how long ready answers 503 while the server still serves, so that a load "
                    + "balancer's health check sees it leave before it stops accepting (default ${DEFAULT-VALUE})")
    String drainGrace;

    @Option(
            names = "--drain-timeout",
            paramLabel = "DURATION",
            defaultValue = "30s",
            description = "on SIGTERM, how long the requests in flight may take to finish after the grace "
                    + "(default ${DEFAULT-VALUE}); exits 0 once they have")
    String drainTimeout;

    /** Puts the admin policies of the command line (each null for off) into the server's configuration. */
    static ServerConfig.Builder policies(
            ServerConfig.Builder config, String retention, String autoStopAbandoned, String rateLimit) {
        return config.retention(retention == null ? null : Policies.parseDuration("--retention", retention))
                .autoStopAbandoned(
                        autoStopAbandoned == null
                                ? null
                                : Policies.parseDuration("--auto-stop-abandoned", autoStopAbandoned))
                .rateLimit(rateLimit);
    }

    /**
     * The password of {@code --database}: the first line of {@code --database-password-file}, else
     * {@code $PGPASSWORD}, else null (trust, peer or {@code ~/.pgpass}). Never taken from the command line.
     */
    static String databasePassword(String database, Path passwordFile, String envPassword) throws IOException {
        if (database == null) {
            if (passwordFile != null) {
                throw new IllegalArgumentException("--database-password-file needs --database");
            }
            return null;
        }
        if (passwordFile != null) {
            return Files.readString(passwordFile, StandardCharsets.UTF_8)
                    .lines()
                    .findFirst()
                    .orElse("");
        }
        return envPassword == null || envPassword.isEmpty() ? null : envPassword;
    }

    /**
     * What {@code serve} says before it starts when the bind address is not loopback only (null when it is): the API
     * is plain HTTP, so keys and data cross the network in the clear, and the loopback Host check is off.
     */
    static String bindWarning(String bind) {
        if (ApiServer.isLoopback(bind)) {
            return null;
        }
        return "warning: --bind " + bind + " listens beyond this machine, and the Sessions API is plain HTTP: API "
                + "keys, recordings and frames cross the network unencrypted, readable by anyone on the path. Put it "
                + "behind a TLS-terminating proxy, or bind to 127.0.0.1.";
    }

    @Override
    public Integer call() throws InterruptedException {
        String warning = bindWarning(bind);
        if (warning != null) {
            System.err.println(warning);
            System.err.flush();
        }
        Path dir = DataFolder.resolve(data);
        ApiServer server;
        Duration grace;
        Duration timeout;
        try {
            grace = Policies.parseDuration("--drain-grace", drainGrace);
            timeout = Policies.parseDuration("--drain-timeout", drainTimeout);
            String password = databasePassword(database, passwordFile, System.getenv("PGPASSWORD"));
            ServerConfig.Builder config = ServerConfig.builder()
                    .dataDir(dir)
                    .framesDir(frames)
                    .bind(bind)
                    .port(port)
                    .database(database, password);
            server = ApiServer.start(
                    policies(config, retention, autoStopAbandoned, rateLimit).build());
        } catch (IOException e) {
            System.err.println("error: cannot read the database password file: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            System.err.println("error: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        // SIGTERM (systemd, a rolling restart): drain, then return 0. Ctrl-C and the rest: the requests in flight
        // finish, with no grace.
        boolean drainOnTerm = onSigterm(() -> {
            server.drain(grace, timeout);
            stopped.countDown();
        });
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            server.drain(Duration.ZERO, timeout);
                            stopped.countDown();
                        },
                        "serve-shutdown"));
        if (!drainOnTerm) {
            System.err.println("warning: SIGTERM cannot be caught here; it stops the server without the drain grace");
        }
        System.out.println("Sessions API on " + server.baseUrl() + "  (admin key in " + dir.resolve("admin.key") + ")");
        System.out.flush();
        stopped.await();
        return 0;
    }

    /**
     * Runs {@code drain} on a thread of its own at SIGTERM instead of exiting (the JVM's default would run the
     * shutdown hooks and exit 143); false where SIGTERM cannot be caught. Through {@code sun.misc.Signal}
     * (jdk.unsupported, in the packaged runtime), by reflection: javac's warning on it cannot be suppressed, and the
     * build turns warnings into errors.
     */
    private static boolean onSigterm(Runnable drain) {
        try {
            Class<?> signal = Class.forName("sun.misc.Signal");
            Class<?> handler = Class.forName("sun.misc.SignalHandler");
            InvocationHandler onSignal = (proxy, method, args) -> switch (method.getName()) {
                case "handle" -> {
                    new Thread(drain, "serve-drain").start();
                    yield null;
                }
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == args[0];
                default -> "SIGTERM drain";
            };
            Object term = signal.getConstructor(String.class).newInstance("TERM");
            Object handle = Proxy.newProxyInstance(handler.getClassLoader(), new Class<?>[] {handler}, onSignal);
            signal.getMethod("handle", signal, handler).invoke(null, term, handle);
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }
}
