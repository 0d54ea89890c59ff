package com.nusomi.recorder.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import com.nusomi.recorder.client.RequestOptions;
import com.nusomi.recorder.client.RetryPolicy;
import com.nusomi.recorder.client.SessionsClient;
import com.nusomi.recorder.client.model.Frame;
import com.nusomi.recorder.client.model.Session;
import com.nusomi.recorder.client.model.SessionStatus;
import com.nusomi.recorder.client.model.Tag;
import com.nusomi.recorder.client.request.CreateSessionRequest;
import com.nusomi.recorder.client.request.FrameUpload;
import com.nusomi.recorder.client.request.SessionQuery;
import com.nusomi.recorder.client.request.TagRequest;
import com.nusomi.recorder.server.store.PgCluster;
import com.nusomi.recorder.server.store.PostgresTarget;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Issue 19's test of the team server: three {@code serve} processes on one PostgreSQL schema, each with a data
 * folder of its own and all sharing one frames folder ({@code --frames}), as the unit in installer/server runs them,
 * behind a real HAProxy (from the PATH) with the ready probe; eight clients create, tag, upload frames and stop for
 * 60 s while one replica after the other is killed with SIGKILL and restarted, every 10 s. Then, through a fresh
 * client: every acknowledged write is there exactly once, and an idempotency key retried through another replica
 * (straight to its port) replays.
 *
 * <p>The clients are the real {@link SessionsClient}: each write carries an idempotency key and is retried, with
 * that key, on what the client retries (connection failures, 5xx including HAProxy's 502 and 503, 409
 * {@code idempotency_key_in_use}). Any failure that reaches the test, any other error, fails it.
 */
class HaproxyReplicasTest {
    private static final int REPLICAS = 3;
    private static final int CLIENTS = 8;
    private static final Duration TRAFFIC = Duration.ofSeconds(60);
    private static final Duration KILL_EVERY = Duration.ofSeconds(10);
    private static final String WORKFLOW = "haproxy_replicas";
    private static final int FRAMES = 2;
    /** The JVM options of the systemd unit's {@code ExecStart}. */
    static final List<String> UNIT_JVM_OPTIONS = List.of("-Xms32m", "-Xmx512m", "-XX:+UseSerialGC");

    /** A session a client created, and what it wrote to it; each write acknowledged. */
    private record Written(String id, String createKey, int worker, int n, Map<Long, String> frameSha) {}

    @Test
    void threeReplicasBehindHaproxyLoseNothingWhileOneIsKilledEveryTenSeconds() throws Exception {
        requireHaproxy();
        Path dir = Files.createDirectories(
                Path.of("target", "haproxy-replicas-" + ProcessHandle.current().pid())
                        .toAbsolutePath());
        Path frames = dir.resolve("frames");
        PostgresTarget db = PgCluster.shared().newSchema("haproxy");
        int[] ports = freePorts(REPLICAS + 1);
        int front = ports[REPLICAS];
        Process[] replicas = new Process[REPLICAS];
        Process haproxy = null;
        ScheduledExecutorService killer = Executors.newSingleThreadScheduledExecutor();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            // As the unit runs them: a data folder each, one frames folder for all. Each writes an admin key of its
            // own into its folder (all of them valid on every replica: keys live in the database); r0's is used.
            for (int i = 0; i < REPLICAS; i++) {
                replicas[i] = startReplica(dataOf(dir, i), frames, db, ports[i], dir.resolve("r" + i + ".log"));
            }
            for (int i = 0; i < REPLICAS; i++) {
                KillNineTest.awaitBaseUrl(replicas[i]);
            }
            String adminKey =
                    Files.readString(dataOf(dir, 0).resolve("admin.key")).strip();
            Path cfg = dir.resolve("haproxy.cfg");
            Files.writeString(cfg, haproxyConfig(front, ports), StandardCharsets.UTF_8);
            haproxy = new ProcessBuilder("haproxy", "-db", "-f", cfg.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("haproxy.log").toFile())
                    .start();
            String balanced = "http://127.0.0.1:" + front;
            ApiCalls viaHaproxy = new ApiCalls(balanced, adminKey);
            await().atMost(Duration.ofSeconds(30))
                    .ignoreExceptions()
                    .until(() -> viaHaproxy.get("/v1/health/ready").status() == 200);

            AtomicInteger kills = new AtomicInteger();
            List<String> killLog = new CopyOnWriteArrayList<>();
            var killing = killer.scheduleWithFixedDelay(
                    () -> {
                        int i = kills.getAndIncrement() % REPLICAS;
                        try {
                            replicas[i].destroyForcibly(); // SIGKILL
                            replicas[i].waitFor(30, TimeUnit.SECONDS);
                            killLog.add("r" + i + " exit " + replicas[i].exitValue());
                            replicas[i] =
                                    startReplica(dataOf(dir, i), frames, db, ports[i], dir.resolve("r" + i + ".log"));
                        } catch (IOException | InterruptedException | RuntimeException e) {
                            killLog.add("r" + i + " restart failed: " + e);
                        }
                    },
                    KILL_EVERY.toMillis(),
                    KILL_EVERY.toMillis(),
                    TimeUnit.MILLISECONDS);

            long end = System.nanoTime() + TRAFFIC.toNanos();
            List<Written> written = new CopyOnWriteArrayList<>();
            List<Throwable> failures = new CopyOnWriteArrayList<>();
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < CLIENTS; w++) {
                int worker = w;
                running.add(clients.submit(() -> {
                    try (SessionsClient client = client(balanced, adminKey)) {
                        for (int n = 0; System.nanoTime() < end; n++) {
                            written.add(writeOne(client, worker, n));
                        }
                    } catch (RuntimeException | Error e) {
                        failures.add(e);
                    }
                }));
            }
            for (Future<?> f : running) {
                f.get(TRAFFIC.toSeconds() + 60, TimeUnit.SECONDS);
            }
            killing.cancel(false);
            killer.shutdown();
            assertThat(killer.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            System.out.printf(
                    "HaproxyReplicasTest: %d sessions (each created, tagged, %d frames, stopped) by %d clients in %d s;"
                            + " %s%n",
                    written.size(), FRAMES, CLIENTS, TRAFFIC.toSeconds(), killLog);
            assertThat(failures).as("failures that reached the clients").isEmpty();
            assertThat(killLog).as("kills and restarts").hasSizeGreaterThanOrEqualTo(4);
            assertThat(killLog).allMatch(s -> s.endsWith("exit 137"), "killed by SIGKILL");
            assertThat(written).as("sessions written").hasSizeGreaterThan(CLIENTS);

            // Every acknowledged write, exactly once: as many sessions as creates, each with its tag, frames, stop.
            try (SessionsClient fresh = client(balanced, adminKey)) {
                Map<String, Session> present = new TreeMap<>();
                for (Session s : fresh.sessions()
                        .listAll(SessionQuery.builder()
                                .workflow(WORKFLOW)
                                .includeTags(true)
                                .limit(100)
                                .build())) {
                    assertThat(present.put(s.id(), s))
                            .as("listed once: %s", s.id())
                            .isNull();
                }
                Set<String> ids = written.stream().map(Written::id).collect(Collectors.toSet());
                assertThat(ids).as("one session per create").hasSize(written.size());
                assertThat(present.keySet()).as("sessions present").isEqualTo(ids);
                for (Written w : written) {
                    Session s = present.get(w.id());
                    assertThat(s.tags()).as("tags of %s", w.id()).hasSize(1);
                    Tag tag = s.tags().get(0);
                    assertThat(tag.name()).isEqualTo("step");
                    assertThat(tag.data()).containsEntry("worker", w.worker()).containsEntry("n", w.n());
                    assertThat(s.frameCount()).as("frames of %s", w.id()).isEqualTo(FRAMES);
                    assertThat(s.status()).isIn(SessionStatus.STOPPED, SessionStatus.SEALED);
                }
                // The frames themselves, on a sample spread over the run (all of them would take long).
                for (int i = 0; i < written.size(); i += Math.max(1, written.size() / 40)) {
                    Written w = written.get(i);
                    Map<Long, String> shas = new TreeMap<>();
                    for (Frame f : fresh.frames().listAll(w.id())) {
                        assertThat(shas.put(f.seq(), f.sha256())).isNull();
                        // the image itself, from the shared frames folder, whichever replica stored or serves it
                        byte[] image =
                                fresh.frames().get(w.id(), f.seq()).execute().bytes();
                        assertThat(sha256(image))
                                .as("image %s/%d", w.id(), f.seq())
                                .isEqualTo(f.sha256());
                    }
                    assertThat(shas).isEqualTo(w.frameSha());
                }

                // A key retried through another replica, straight to its port, replays: first a write of the run
                // (its create, replayed on each replica), then a new one, byte for byte.
                Written first = written.get(0);
                for (int i = 0; i < REPLICAS; i++) {
                    try (SessionsClient direct = client("http://127.0.0.1:" + ports[i], adminKey)) {
                        Session again = direct.sessions()
                                .create(createRequest())
                                .withOptions(RequestOptions.idempotencyKey(first.createKey()))
                                .execute();
                        assertThat(again.id()).as("replayed on r%d", i).isEqualTo(first.id());
                    }
                }
                String body = "{\"workflow\":\"haproxy_replay\"}";
                Map<String, String> idem = Map.of("Idempotency-Key", "replay-through-another-replica");
                ApiCalls onA = new ApiCalls("http://127.0.0.1:" + ports[0], adminKey);
                ApiCalls onB = new ApiCalls("http://127.0.0.1:" + ports[1], adminKey);
                ApiCalls.Response original =
                        onA.post("/v1/sessions", body, idem).expect(201);
                ApiCalls.Response replayed =
                        onB.post("/v1/sessions", body, idem).expect(201);
                assertThat(replayed.text()).isEqualTo(original.text());
                assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
                assertThat(onB.listAll("workflow=haproxy_replay")).hasSize(1);
            }
        } finally {
            killer.shutdownNow();
            clients.shutdownNow();
            for (Process p : replicas) {
                if (p != null) {
                    p.destroyForcibly();
                    p.waitFor(30, TimeUnit.SECONDS);
                }
            }
            if (haproxy != null) {
                haproxy.destroy();
                haproxy.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    /** One session, start to stop; each write acknowledged (the client retries what it may, with the same key). */
    private static Written writeOne(SessionsClient client, int worker, int n) {
        String key = "w" + worker + "-" + n;
        String createKey = key + "-create";
        Session s = client.sessions()
                .create(createRequest())
                .withOptions(RequestOptions.idempotencyKey(createKey))
                .execute();
        client.sessions()
                .tag(s.id(), TagRequest.of("step", Map.of("worker", worker, "n", n)))
                .withOptions(RequestOptions.idempotencyKey(key + "-tag"))
                .execute();
        Map<Long, String> shas = new TreeMap<>();
        for (long seq = 1; seq <= FRAMES; seq++) {
            byte[] png = TestImages.encode(TestImages.noise(24, 24, worker * 100_000L + n * 10L + seq), "png");
            shas.put(seq, sha256(png));
            client.frames()
                    .upload(s.id(), FrameUpload.png(seq, Instant.now(), png))
                    .withOptions(RequestOptions.idempotencyKey(key + "-frame-" + seq))
                    .execute();
        }
        client.sessions()
                .stop(s.id())
                .withOptions(RequestOptions.idempotencyKey(key + "-stop"))
                .execute();
        return new Written(s.id(), createKey, worker, n, shas);
    }

    private static CreateSessionRequest createRequest() {
        return CreateSessionRequest.builder(WORKFLOW).start(true).build();
    }

    /** Retries enough to outlast a replica's restart (HAProxy takes it out within a second or so). */
    static SessionsClient client(String baseUrl, String key) {
        return SessionsClient.builder()
                .baseUrl(baseUrl)
                .apiKey(key)
                .retryPolicy(RetryPolicy.defaults()
                        .withMaxAttempts(30)
                        .withBackoff(Duration.ofMillis(100), Duration.ofSeconds(1))
                        .withMaxRetryAfter(Duration.ofSeconds(1))
                        .withTotalBudget(Duration.ofSeconds(45)))
                .build();
    }

    /** The data folder of replica {@code i} under {@code dir}: its own, as each replica of the unit has. */
    static Path dataOf(Path dir, int i) {
        return dir.resolve("data-r" + i);
    }

    /**
     * A replica on its own data folder and the shared frames folder, with the heap and collector of the unit
     * (installer/server/session-recorder-serve@.service), as the unit starts it.
     */
    static Process startReplica(Path data, Path frames, PostgresTarget db, int port, Path log) throws IOException {
        return KillNineTest.startServerProcess(
                UNIT_JVM_OPTIONS,
                data,
                db,
                log,
                List.of("--port", Integer.toString(port), "--frames", frames.toString(), "--drain-grace", "1s"));
    }

    /**
     * The recipe's configuration (installer/server/haproxy.cfg) without TLS, on loopback: the ready probe every
     * 500 ms, and a request that found a replica gone or draining sent to another.
     */
    static String haproxyConfig(int front, int[] ports) {
        StringBuilder servers = new StringBuilder();
        for (int i = 0; i < ports.length - 1; i++) {
            servers.append("    server r")
                    .append(i)
                    .append(" 127.0.0.1:")
                    .append(ports[i])
                    .append(" check\n");
        }
        return """
                global
                    maxconn 4096

                defaults
                    mode http
                    timeout connect 2s
                    timeout client 60s
                    timeout server 60s
                    timeout http-request 10s
                    retries 3
                    option redispatch 1
                    retry-on conn-failure empty-response 503

                frontend api
                    bind 127.0.0.1:%d
                    default_backend replicas

                backend replicas
                    balance roundrobin
                    option httpchk
                    http-check send meth GET uri /v1/health/ready ver HTTP/1.1 hdr Host localhost
                    http-check expect status 200
                    default-server inter 500ms fall 2 rise 1
                %s""".formatted(front, servers);
    }

    static void requireHaproxy() {
        try {
            Process p = new ProcessBuilder("haproxy", "-v")
                    .redirectErrorStream(true)
                    .start();
            p.getInputStream().readAllBytes();
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                fail("'haproxy -v' failed; this test needs HAProxy 2.6+ on the PATH (Debian: apt-get install haproxy)");
            }
        } catch (IOException e) {
            fail("no haproxy on the PATH; this test needs HAProxy 2.6+ (Debian: apt-get install haproxy): " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted");
        }
    }

    static int[] freePorts(int n) throws IOException {
        List<ServerSocket> held = new ArrayList<>();
        try {
            int[] ports = new int[n];
            for (int i = 0; i < n; i++) {
                ServerSocket s = new ServerSocket(0);
                held.add(s);
                ports[i] = s.getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket s : held) {
                s.close();
            }
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
