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
 * against the baseline of the same work sent straight to one replica, measured in the same run: 8 clients (8
 * connections in all, whatever the number of replicas), each {@code POST /v1/sessions} (with an idempotency key, as
 * the client sends) back to back, for 10 s after 3 s of warm-up through the same path.
 *
 * <p>Fair to each replica count: the replicas run with the unit's JVM options (installer/server), a data folder each
 * and one shared frames folder, and each replica is warmed before the timing, straight on its port, with the same
 * number of creates (10,000; {@code -Dbench.warmCreates=N}): three fresh JVMs otherwise spend the timed seconds
 * compiling, each on a third of the traffic, on the cores that serve it. The same rounds without that warm-up
 * ("cold", what this benchmark measured before) are printed too, as is each round's replica CPU per create (JIT and
 * GC included), each replica's CPU while idle, and the load average.
 *
 * <p>Run with {@code mvn -B -Pbenchmark test -Dtest=HaproxyBenchmark}.
 */
@Tag("benchmark")
class HaproxyBenchmark {
    private static final int CLIENTS = 8;
    private static final Duration WARM_UP = Duration.ofSeconds(3);
    private static final Duration MEASURE = Duration.ofSeconds(10);
    private static final int WARM_CREATES_PER_REPLICA = Integer.getInteger("bench.warmCreates", 10_000);
    private static final Duration IDLE = Duration.ofSeconds(3);

    /**
     * One round: creates per second, the CPU the replicas used per create while timed, and the CPU a replica uses
     * per second with no request at all (maintenance polls, timers, late compilation), measured before the timing.
     */
    private record Round(double perSecond, double cpuMsPerCreate, double idleCpuMsPerSecond) {}

    @Test
    void createsPerSecondThroughHaproxyWithOneAndThreeReplicas() throws Exception {
        HaproxyReplicasTest.requireHaproxy();
        Path dir = Files.createDirectories(
                Path.of("target", "haproxy-bench-" + ProcessHandle.current().pid())
                        .toAbsolutePath());
        String load = Files.readString(Path.of("/proc/loadavg")).strip();
        // Cold first, as before (the replicas warmed only by the 3 s through HAProxy): these also warm this JVM.
        Round coldOne = run(dir.resolve("cold-one"), 1, true, false);
        Round coldThree = run(dir.resolve("cold-three"), 3, true, false);
        String mid = Files.readString(Path.of("/proc/loadavg")).strip();
        Round direct = run(dir.resolve("direct"), 1, false, true);
        Round one = run(dir.resolve("one"), 1, true, true);
        Round three = run(dir.resolve("three"), 3, true, true);
        String after = Files.readString(Path.of("/proc/loadavg")).strip();
        System.out.printf(
                "HaproxyBenchmark: %d clients, creates/s over %d s, each replica warmed with %d creates first:"
                        + " straight to 1 replica %s (baseline); HAProxy + 1 replica %s (%.2fx);"
                        + " HAProxy + 3 replicas %s (%.2fx; %.2fx of 1 replica)%n"
                        + "  cold replicas (as before): HAProxy + 1 %s; HAProxy + 3 %s (%.2fx of 1 replica)%n"
                        + "  load average before: %s; after the cold rounds: %s; after: %s; cores: %d%n",
                CLIENTS,
                MEASURE.toSeconds(),
                WARM_CREATES_PER_REPLICA,
                text(direct),
                text(one),
                one.perSecond() / direct.perSecond(),
                text(three),
                three.perSecond() / direct.perSecond(),
                three.perSecond() / one.perSecond(),
                text(coldOne),
                text(coldThree),
                coldThree.perSecond() / coldOne.perSecond(),
                load,
                mid,
                after,
                Runtime.getRuntime().availableProcessors());
    }

    private static String text(Round r) {
        return String.format(
                "%.0f (replicas' CPU %.2f ms/create; idle %.0f ms/s per replica)",
                r.perSecond(), r.cpuMsPerCreate(), r.idleCpuMsPerSecond());
    }

    /**
     * CLIENTS clients on n replicas (a schema of their own), through HAProxy or straight to the first; each replica
     * first warmed straight on its port when {@code warmEach}.
     */
    private static Round run(Path dir, int n, boolean balanced, boolean warmEach) throws Exception {
        PostgresTarget db = PgCluster.shared().newSchema("bench");
        Path frames = dir.resolve("frames");
        int[] ports = HaproxyReplicasTest.freePorts(n + 1);
        Process[] replicas = new Process[n];
        Process haproxy = null;
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            Files.createDirectories(dir);
            for (int i = 0; i < n; i++) {
                replicas[i] = HaproxyReplicasTest.startReplica(
                        HaproxyReplicasTest.dataOf(dir, i), frames, db, ports[i], dir.resolve("r" + i + ".log"));
            }
            for (int i = 0; i < n; i++) {
                KillNineTest.awaitBaseUrl(replicas[i]);
            }
            String key = Files.readString(HaproxyReplicasTest.dataOf(dir, 0).resolve("admin.key"))
                    .strip();
            if (warmEach) {
                for (int i = 0; i < n; i++) {
                    warm(pool, "http://127.0.0.1:" + ports[i], key);
                }
            }
            // Each replica's CPU with no traffic, for a few seconds: what a replica costs by merely running.
            long idleFrom = cpuNanos(replicas);
            TimeUnit.NANOSECONDS.sleep(IDLE.toNanos());
            double idle = (cpuNanos(replicas) - idleFrom) / 1e6 / n / IDLE.toSeconds();
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
            TimeUnit.NANOSECONDS.sleep(measureFrom - System.nanoTime());
            long cpuFrom = cpuNanos(replicas);
            TimeUnit.NANOSECONDS.sleep(Math.max(0, end - System.nanoTime()));
            long cpu = cpuNanos(replicas) - cpuFrom;
            for (Future<?> f : clients) {
                f.get(120, TimeUnit.SECONDS);
            }
            return new Round(created.get() / (MEASURE.toNanos() / 1e9), cpu / 1e6 / Math.max(1, created.get()), idle);
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

    /** WARM_CREATES_PER_REPLICA creates by CLIENTS clients straight to one replica. */
    private static void warm(ExecutorService pool, String url, String key) throws Exception {
        AtomicLong left = new AtomicLong(WARM_CREATES_PER_REPLICA);
        List<Future<?>> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            clients.add(pool.submit(() -> {
                try (SessionsClient client = HaproxyReplicasTest.client(url, key)) {
                    while (left.getAndDecrement() > 0) {
                        client.sessions()
                                .create(CreateSessionRequest.of("warm"))
                                .execute();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : clients) {
            f.get(300, TimeUnit.SECONDS);
        }
    }

    /** The CPU time the replicas' processes have used so far (every thread: requests, JIT, GC). */
    private static long cpuNanos(Process[] replicas) {
        long total = 0;
        for (Process p : replicas) {
            total += p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
        }
        return total;
    }

    private static boolean probeReady(ApiCalls probe) {
        try {
            return probe.get("/v1/health/ready").status() == 200;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
