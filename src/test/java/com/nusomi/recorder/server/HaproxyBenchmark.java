package com.nusomi.recorder.server;

import static org.awaitility.Awaitility.await;

import com.nusomi.recorder.client.SessionsClient;
import com.nusomi.recorder.client.request.CreateSessionRequest;
import com.nusomi.recorder.server.store.PgCluster;
import com.nusomi.recorder.server.store.PostgresTarget;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Creates per second through HAProxy with one and with three {@code serve} replicas on one PostgreSQL database,
 * against the baseline of the same work sent straight to one replica, measured in the same run: 8 clients, each
 * {@code POST /v1/sessions} (with an idempotency key, as the client sends) back to back, for 10 s after 3 s of warm
 * up, in a second round (the first warms up). Run with {@code mvn -B -Pbenchmark test -Dtest=HaproxyBenchmark}; prints the figures and the load average.
 */
@Tag("benchmark")
class HaproxyBenchmark {
    private static final int CLIENTS = 8;
    private static final Duration WARM_UP = Duration.ofSeconds(3);
    private static final Duration MEASURE = Duration.ofSeconds(10);

    @Test
    void createsPerSecondThroughHaproxyWithOneAndThreeReplicas() throws Exception {
        HaproxyReplicasTest.requireHaproxy();
        Path dir = Files.createDirectories(
                Path.of("target", "haproxy-bench-" + ProcessHandle.current().pid())
                        .toAbsolutePath());
        String load = Files.readString(Path.of("/proc/loadavg")).strip();
        // A first round warms this JVM (the clients) and the database up; the second is the one reported.
        double[] first = {
            run(dir.resolve("direct-0"), 1, false),
            run(dir.resolve("one-0"), 1, true),
            run(dir.resolve("three-0"), 3, true)
        };
        double direct = run(dir.resolve("direct"), 1, false);
        double one = run(dir.resolve("one"), 1, true);
        double three = run(dir.resolve("three"), 3, true);
        System.out.printf(
                "HaproxyBenchmark warm-up round: direct %.0f, HAProxy + 1 %.0f, HAProxy + 3 %.0f creates/s%n",
                first[0], first[1], first[2]);
        String after = Files.readString(Path.of("/proc/loadavg")).strip();
        System.out.printf(
                "HaproxyBenchmark: %d clients, creates/s over %d s: straight to 1 replica %.0f (baseline);"
                        + " HAProxy + 1 replica %.0f (%.2fx); HAProxy + 3 replicas %.0f (%.2fx; %.2fx of 1 replica)%n"
                        + "load average before: %s; after: %s%n",
                CLIENTS,
                MEASURE.toSeconds(),
                direct,
                one,
                one / direct,
                three,
                three / direct,
                three / one,
                load,
                after);
    }

    /** Creates/s of CLIENTS clients on n replicas (a schema of their own), through HAProxy or straight to the first. */
    private static double run(Path dir, int n, boolean balanced) throws Exception {
        PostgresTarget db = PgCluster.shared().newSchema("bench");
        Path data = dir.resolve("data");
        int[] ports = HaproxyReplicasTest.freePorts(n + 1);
        Process[] replicas = new Process[n];
        Process haproxy = null;
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            Files.createDirectories(dir);
            replicas[0] = HaproxyReplicasTest.startReplica(data, db, ports[0], dir.resolve("r0.log"));
            KillNineTest.awaitBaseUrl(replicas[0]);
            for (int i = 1; i < n; i++) {
                replicas[i] = HaproxyReplicasTest.startReplica(data, db, ports[i], dir.resolve("r" + i + ".log"));
                KillNineTest.awaitBaseUrl(replicas[i]);
            }
            String key = Files.readString(data.resolve("admin.key")).strip();
            String url = "http://127.0.0.1:" + ports[0];
            if (balanced) {
                Path cfg = dir.resolve("haproxy.cfg");
                Files.writeString(cfg, HaproxyReplicasTest.haproxyConfig(ports[n], ports), StandardCharsets.UTF_8);
                haproxy = new ProcessBuilder("haproxy", "-db", "-f", cfg.toString())
                        .redirectErrorStream(true)
                        .redirectOutput(dir.resolve("haproxy.log").toFile())
                        .start();
                url = "http://127.0.0.1:" + ports[n];
                ApiCalls probe = new ApiCalls(url, key);
                // ready through HAProxy for 2 s in a row (its checks run every 500 ms)
                await().during(Duration.ofSeconds(2))
                        .atMost(Duration.ofSeconds(60))
                        .until(() -> probeReady(probe));
            }
            long start = System.nanoTime();
            long measureFrom = start + WARM_UP.toNanos();
            long end = measureFrom + MEASURE.toNanos();
            AtomicLong created = new AtomicLong();
            List<Future<?>> clients = new ArrayList<>();
            String base = url;
            for (int c = 0; c < CLIENTS; c++) {
                clients.add(pool.submit(() -> {
                    try (SessionsClient client = HaproxyReplicasTest.client(base, key)) {
                        for (long now = System.nanoTime(); now < end; now = System.nanoTime()) {
                            client.sessions()
                                    .create(CreateSessionRequest.of("bench"))
                                    .execute();
                            if (System.nanoTime() >= measureFrom && System.nanoTime() < end) {
                                created.incrementAndGet();
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : clients) {
                f.get(120, TimeUnit.SECONDS);
            }
            return created.get() / (MEASURE.toNanos() / 1e9);
        } finally {
            pool.shutdownNow();
            for (Process p : replicas) {
                if (p != null) {
                    p.destroy();
                    p.waitFor(60, TimeUnit.SECONDS);
                }
            }
            if (haproxy != null) {
                haproxy.destroy();
                haproxy.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    private static boolean probeReady(ApiCalls probe) {
        try {
            return probe.get("/v1/health/ready").status() == 200;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
