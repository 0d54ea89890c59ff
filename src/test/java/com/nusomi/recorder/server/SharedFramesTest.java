package com.nusomi.recorder.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.nusomi.recorder.server.store.PgCluster;
import com.nusomi.recorder.server.store.PostgresTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two servers on one PostgreSQL schema and ONE frames folder ({@code serve --frames}), as the replicas of a team
 * server on a network file system: what one stores the other serves; the same bytes written through both at once
 * leave one complete file; and erasing an image no frame uses any more (purge, redaction) on one server never takes
 * the file from under an upload of the same bytes on the other. After each test every frame row's file exists with
 * its hash, no temporary file is left, and no file is there that no frame uses.
 */
class SharedFramesTest {
    private static final int ROUNDS = 40;

    @TempDir
    Path temp;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-07T14:00:00Z"));
    private final ExecutorService pool = Executors.newFixedThreadPool(2);
    private PostgresTarget db;
    private Path frames;
    private ApiServer a;
    private ApiServer b;
    private ApiCalls onA;
    private ApiCalls onB;

    @BeforeEach
    void startTwoServersOnOneSchemaAndOneFolder() {
        db = PgCluster.shared().newSchema("shared_frames");
        frames = temp.resolve("shared").resolve("frames");
        a = start("a");
        b = start("b");
        onA = new ApiCalls(a.baseUrl(), a.adminKey());
        onB = new ApiCalls(b.baseUrl(), a.adminKey());
    }

    private ApiServer start(String name) {
        ApiServer server = ApiServer.start(ServerConfig.builder()
                .dataDir(temp.resolve(name))
                .framesDir(frames)
                .database(db)
                .port(0)
                .clock(clock)
                .purgeInterval(Duration.ofHours(1))
                .build());
        assertThat(server.awaitFirstMaintenanceRounds(Duration.ofSeconds(60))).isTrue();
        return server;
    }

    @AfterEach
    void stop() {
        pool.shutdownNow();
        try {
            if (b != null) {
                b.close();
            }
            if (a != null) {
                a.close();
            }
        } finally {
            PgCluster.shared().dropSchema(db);
        }
    }

    @Test
    void aFrameUploadedThroughOneServerIsServedByTheOtherByteForByte() throws Exception {
        String id = onA.createRecording("shared").get("id").asText();
        byte[] png = png(1);

        String sha = upload(onA, id, 0, png).expect(201).json().get("sha256").asText();

        assertThat(onB.get("/v1/sessions/" + id + "/frames/0").expect(200).body())
                .isEqualTo(png);
        assertThat(Files.readAllBytes(file(sha))).isEqualTo(png);
        // the frames live in the shared folder only; the ready probe writes there too
        assertThat(temp.resolve("a").resolve("frames")).doesNotExist();
        assertThat(temp.resolve("b").resolve("frames")).doesNotExist();
        onA.get("/v1/health/ready").expect(200);
        onB.get("/v1/health/ready").expect(200);
        assertConsistent();
    }

    @Test
    void theSameBytesUploadedAtOnceThroughBothServersLeaveOneCompleteFile() throws Exception {
        String toA = onA.createRecording("shared").get("id").asText();
        String toB = onB.createRecording("shared").get("id").asText();
        for (int round = 0; round < ROUNDS; round++) {
            byte[] png = png(1000 + round);
            long seq = round;
            List<ApiCalls.Response> done =
                    together(List.of(() -> upload(onA, toA, seq, png), () -> upload(onB, toB, seq, png)));

            assertThat(done.get(0).status())
                    .as("upload through a, round %d", round)
                    .isEqualTo(201);
            assertThat(done.get(1).status())
                    .as("upload through b, round %d", round)
                    .isEqualTo(201);
            assertThat(onB.get("/v1/sessions/" + toA + "/frames/" + seq)
                            .expect(200)
                            .body())
                    .isEqualTo(png);
            assertThat(onA.get("/v1/sessions/" + toB + "/frames/" + seq)
                            .expect(200)
                            .body())
                    .isEqualTo(png);
            assertThat(Files.readAllBytes(file(FrameSha.of(png)))).isEqualTo(png);
        }
        assertConsistent();
    }

    @Test
    void erasingAnImageOnOneServerNeverTakesItsFileFromAnUploadOfTheSameBytesOnTheOther() throws Exception {
        String target = onA.createRecording("kept").get("id").asText();
        for (int round = 0; round < ROUNDS; round++) {
            byte[] png = png(2000 + round);
            long seq = round;
            String doomed = onA.createRecording("doomed").get("id").asText();
            upload(onA, doomed, 0, png).expect(201);
            boolean purge = round % 2 == 0;
            Callable<ApiCalls.Response> erase;
            if (purge) {
                onA.softDelete(doomed);
                clock.advance(Duration.ofDays(31));
                erase = () -> {
                    assertThat(b.purgeNow()).isEqualTo(1);
                    return null;
                };
            } else {
                erase = () -> onB.post(
                        "/v1/sessions/" + doomed + "/frames:redact",
                        "{\"from_seq\":0,\"to_seq\":0,\"rects\":[{\"x\":0,\"y\":0,\"width\":8,\"height\":8}],"
                                + "\"reason\":\"race\"}");
            }

            List<ApiCalls.Response> done = together(List.of(erase, () -> upload(onA, target, seq, png)));

            if (!purge) {
                assertThat(done.get(0).status())
                        .as("redaction, round %d", round)
                        .isEqualTo(200);
            }
            assertThat(done.get(1).status()).as("upload, round %d", round).isEqualTo(201);
            assertThat(onB.get("/v1/sessions/" + target + "/frames/" + seq)
                            .expect(200)
                            .body())
                    .as("the uploaded frame, round %d", round)
                    .isEqualTo(png);
        }
        assertConsistent();
    }

    @Test
    void thePurgeRemovesTemporaryFilesThatAWriterWhichDiedLeftBehind() throws IOException {
        Path shard = Files.createDirectories(frames.resolve("ab"));
        Path left = Files.write(shard.resolve("abcdef01left.tmp"), new byte[] {1, 2, 3});
        Files.setLastModifiedTime(left, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
        Path writing = Files.write(shard.resolve("abcdef01writing.tmp"), new byte[] {4, 5, 6});

        b.purgeNow();

        assertThat(left).doesNotExist();
        assertThat(writing).exists();
    }

    /** Runs the calls at once (released together by a barrier); their answers in order. */
    private List<ApiCalls.Response> together(List<Callable<ApiCalls.Response>> calls) throws Exception {
        CyclicBarrier barrier = new CyclicBarrier(calls.size());
        List<Future<ApiCalls.Response>> running = new ArrayList<>();
        for (Callable<ApiCalls.Response> call : calls) {
            running.add(pool.submit(() -> {
                barrier.await(30, TimeUnit.SECONDS);
                return call.call();
            }));
        }
        List<ApiCalls.Response> out = new ArrayList<>();
        for (Future<ApiCalls.Response> f : running) {
            out.add(f.get(120, TimeUnit.SECONDS));
        }
        return out;
    }

    /**
     * Every frame row's image file exists and hashes to its name; no temporary file is left; every image file is
     * one a frame uses.
     */
    private void assertConsistent() throws Exception {
        Set<String> referenced = new HashSet<>();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), "");
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT session_id, seq, sha256 FROM frames")) {
            while (rs.next()) {
                String sha = rs.getString(3);
                String frame = rs.getString(1) + " frame " + rs.getLong(2);
                assertThat(file(sha)).as("the image file of %s", frame).exists();
                assertThat(FrameSha.of(Files.readAllBytes(file(sha))))
                        .as("the hash of %s's image", frame)
                        .isEqualTo(sha);
                referenced.add(sha);
            }
        }
        assertThat(referenced).isNotEmpty();
        List<Path> files;
        try (Stream<Path> all = Files.walk(frames)) {
            files = all.filter(Files::isRegularFile).toList();
        }
        assertThat(files.stream().map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".img")))
                .as("temporary files left behind")
                .isEmpty();
        assertThat(files.stream().map(p -> p.getFileName().toString().replace(".img", "")))
                .as("the image files: those the frames use, no other")
                .containsExactlyInAnyOrderElementsOf(referenced);
    }

    private Path file(String sha) {
        return frames.resolve(sha.substring(0, 2)).resolve(sha + ".img");
    }

    private static byte[] png(long seed) {
        return TestImages.encode(TestImages.noise(16, 16, seed), "png");
    }

    private static ApiCalls.Response upload(ApiCalls api, String id, long seq, byte[] png) {
        return FrameRedactionTest.upload(api, id, seq, png, "image/png");
    }
}
