package com.nusomi.recorder.server;

import static org.awaitility.Awaitility.await;

import com.nusomi.recorder.client.SessionsClient;
import com.nusomi.recorder.client.request.CreateSessionRequest;
import com.nusomi.recorder.server.store.PgCluster;
import com.nusomi.recorder.server.store.PostgresTarget;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
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
 * <p>{@link #latencyAtAFixedRateWithOneAndThreeReplicas} sends a fixed rate instead, to one and three replicas and
 * to three that share no database, for what coordination costs while the cores are not the limit.
 *
 * <p>Run with {@code mvn -B -Pbenchmark test -Dtest=HaproxyBenchmark} (both), {@code
 * -Dtest='HaproxyBenchmark#latency*' -Dbench.pairs=3} (the paced rounds, three pairs of three-replica rounds).
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
    private record Round(
            double perSecond, double cpuMsPerCreate, double idleCpuMsPerSecond, double p50Ms, double p99Ms) {}

    /** The paced rounds' rate: well below what one replica serves here (about 1,000 creates/s), so nothing queues. */
    private static final int RATE = Integer.getInteger("bench.rate", 300);
    /** Pairs of paced three-replica rounds, sharing one database and apart ({@code -Dbench.pairs=N}). */
    private static final int PAIRS = Integer.getInteger("bench.pairs", 1);

    @Test
    void createsPerSecondThroughHaproxyWithOneAndThreeReplicas() throws Exception {
        Path dir = benchFolder("haproxy-bench-");
        String load = loadAverage();
        // Cold first, as before (the replicas warmed only by the 3 s through HAProxy): these also warm this JVM.
        Round coldOne = run(dir.resolve("cold-one"), 1, true, false, 0);
        Round coldThree = run(dir.resolve("cold-three"), 3, true, false, 0);
        String mid = loadAverage();
        Round direct = run(dir.resolve("direct"), 1, false, true, 0);
        Round one = run(dir.resolve("one"), 1, true, true, 0);
        Round three = run(dir.resolve("three"), 3, true, true, 0);
        String after = loadAverage();
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

    /** Skips (or fails in CI) without HAProxy; else a fresh folder under target for this run's replicas. */
    private static Path benchFolder(String prefix) throws IOException {
        HaproxyReplicasTest.requireHaproxy();
        return Files.createDirectories(
                Path.of("target", prefix + ProcessHandle.current().pid()).toAbsolutePath());
    }

    private static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).strip();
    }

    /**
     * What coordination costs when the cores are not the limit: the same warmed replicas sent a fixed rate of creates
     * ({@value #CLIENTS} clients, each on its own schedule; a create's time counted from when it was due, so a
     * stall is not hidden), straight to one, through HAProxy to one and to three. Equal latency and CPU per create
     * with three replicas means that sharing the database, the idempotency keys and the maintenance lock costs
     * nothing; the closed-loop test above shows instead how three JVMs share two cores.
     */
    @Test
    void latencyAtAFixedRateWithOneAndThreeReplicas() throws Exception {
        Path dir = benchFolder("haproxy-paced-");
        String load = loadAverage();
        Round direct = run(dir.resolve("direct"), 1, false, true, RATE);
        Round one = run(dir.resolve("one"), 1, true, true, RATE);
        Round three = run(dir.resolve("three"), 3, true, true, RATE);
        Round apart = run(dir.resolve("apart"), 3, true, true, RATE, true);
        // More pairs, in turn, when asked: one pair's difference is within a run's spread on a shared machine.
        for (int pair = 2; pair <= PAIRS; pair++) {
            Round moreApart = run(dir.resolve("apart" + pair), 3, true, true, RATE, true);
            Round moreThree = run(dir.resolve("three" + pair), 3, true, true, RATE);
            System.out.printf(
                    "HaproxyBenchmark, paced, pair %d (apart first): apart %s; sharing %s%n",
                    pair, paced(moreApart), paced(moreThree));
        }
        String after = loadAverage();
        System.out.printf(
                "HaproxyBenchmark, paced: %d creates/s for %d s by %d clients, each replica warmed with %d creates:%n"
                        + "  straight to 1 replica: %s%n  HAProxy + 1 replica: %s%n  HAProxy + 3 replicas: %s%n"
                        + "  HAProxy + 3 replicas on a schema each, sharing nothing: %s%n"
                        + "  3 ÷ 1 replica through HAProxy: p50 %.2fx, p99 %.2fx, CPU per create %.2fx%n"
                        + "  3 sharing one database ÷ 3 apart (what coordination costs): p50 %.2fx, p99 %.2fx,"
                        + " CPU per create %.2fx%n"
                        + "  load average before: %s; after: %s; cores: %d%n",
                RATE,
                MEASURE.toSeconds(),
                CLIENTS,
                WARM_CREATES_PER_REPLICA,
                paced(direct),
                paced(one),
                paced(three),
                paced(apart),
                three.p50Ms() / one.p50Ms(),
                three.p99Ms() / one.p99Ms(),
                three.cpuMsPerCreate() / one.cpuMsPerCreate(),
                three.p50Ms() / apart.p50Ms(),
                three.p99Ms() / apart.p99Ms(),
                three.cpuMsPerCreate() / apart.cpuMsPerCreate(),
                load,
                after,
                Runtime.getRuntime().availableProcessors());
    }

    private static String paced(Round r) {
        return String.format(
                "%.0f creates/s, p50 %.2f ms, p99 %.2f ms, replicas' CPU %.2f ms/create, idle %.0f ms/s per replica",
                r.perSecond(), r.p50Ms(), r.p99Ms(), r.cpuMsPerCreate(), r.idleCpuMsPerSecond());
    }

    private static String text(Round r) {
        return String.format(
                "%.0f (replicas' CPU %.2f ms/create; idle %.0f ms/s per replica)",
                r.perSecond(), r.cpuMsPerCreate(), r.idleCpuMsPerSecond());
    }

    /**
     * CLIENTS clients on n replicas (a schema of their own), through HAProxy or straight to the first; each replica
     * first warmed straight on its port when {@code warmEach}; back to back, or at {@code rate} creates per second
     * in all when it is above 0.
     */
    private static Round run(Path dir, int n, boolean balanced, boolean warmEach, int rate) throws Exception {
        return run(dir, n, balanced, warmEach, rate, false);
    }

    /**
     * As above; with {@code apart}, each replica on a database schema of its own, sharing nothing (not the
     * idempotency keys, not the maintenance lock, not the rows): the same processes without the coordination. The
     * first replica's admin key is copied into the others' schemas, so that one key works on all.
     */
    private static Round run(Path dir, int n, boolean balanced, boolean warmEach, int rate, boolean apart)
            throws Exception {
        PostgresTarget shared = PgCluster.shared().newSchema("bench");
        PostgresTarget[] dbs = new PostgresTarget[n];
        for (int i = 0; i < n; i++) {
            dbs[i] = i > 0 && apart ? PgCluster.shared().newSchema("bench") : shared;
        }
        Path frames = dir.resolve("frames");
        int[] ports = HaproxyReplicasTest.freePorts(n + 1);
        Process[] replicas = new Process[n];
        Process haproxy = null;
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            Files.createDirectories(dir);
            for (int i = 0; i < n; i++) {
                replicas[i] = HaproxyReplicasTest.startReplica(
                        HaproxyReplicasTest.dataOf(dir, i), frames, dbs[i], ports[i], dir.resolve("r" + i + ".log"));
            }
            for (int i = 0; i < n; i++) {
                KillNineTest.awaitBaseUrl(replicas[i]);
            }
            for (int i = 1; i < n && apart; i++) {
                copyKeys(dbs[0], dbs[i]);
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
            List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
            List<Future<?>> clients = new ArrayList<>();
            String base = url;
            long every = rate > 0 ? TimeUnit.SECONDS.toNanos(CLIENTS) / rate : 0;
            for (int c = 0; c < CLIENTS; c++) {
                long first = start + every * c / CLIENTS;
                clients.add(pool.submit(() -> {
                    try (SessionsClient client = HaproxyReplicasTest.client(base, key)) {
                        for (long due = first; due < end; due = every > 0 ? due + every : System.nanoTime()) {
                            long wait = due - System.nanoTime();
                            if (wait > 0) {
                                TimeUnit.NANOSECONDS.sleep(wait);
                            }
                            long sent = every > 0 ? due : System.nanoTime();
                            client.sessions()
                                    .create(CreateSessionRequest.of("bench"))
                                    .execute();
                            long done = System.nanoTime();
                            if (sent >= measureFrom && done < end) {
                                created.incrementAndGet();
                                latencies.add(done - sent);
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
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            return new Round(
                    created.get() / (MEASURE.toNanos() / 1e9),
                    cpu / 1e6 / Math.max(1, created.get()),
                    idle,
                    percentile(sorted, 0.50),
                    percentile(sorted, 0.99));
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

    /** The API keys of one schema inserted into another's (both of the tests' cluster, one database). */
    private static void copyKeys(PostgresTarget from, PostgresTarget to) throws SQLException {
        String fromSchema = from.jdbcUrl().substring(from.jdbcUrl().indexOf("currentSchema=") + 14);
        try (Connection c = DriverManager.getConnection(to.jdbcUrl(), to.user(), "");
                Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO api_keys SELECT * FROM " + fromSchema + ".api_keys ON CONFLICT DO NOTHING");
        }
    }

    private static double percentile(List<Long> sortedNanos, double q) {
        if (sortedNanos.isEmpty()) {
            return Double.NaN;
        }
        int i = (int) Math.min(sortedNanos.size() - 1, Math.round(q * (sortedNanos.size() - 1)));
        return sortedNanos.get(i) / 1e6;
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
