package com.nusomi.recorder.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.nusomi.recorder.client.SessionsClient;
import com.nusomi.recorder.client.model.Session;
import com.nusomi.recorder.client.model.SessionStatus;
import com.nusomi.recorder.client.request.CreateSessionRequest;
import com.nusomi.recorder.client.request.FrameUpload;
import com.nusomi.recorder.export.AtomicFile;
import com.nusomi.recorder.export.ClientRunSource;
import com.nusomi.recorder.export.ExportFormat;
import com.nusomi.recorder.export.ExportProgress;
import com.nusomi.recorder.export.Exporter;
import com.nusomi.recorder.export.Exporters;
import com.nusomi.recorder.server.store.PgCluster;
import com.nusomi.recorder.server.store.PostgresTarget;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code serve} replicas on one PostgreSQL schema, as the team server's unit runs them: a data folder each
 * ({@code admin.key}, {@code uploads/}) and one shared frames folder ({@code --frames}). A rolling restart of one
 * replica (SIGTERM, then a new process on the same folders) leaves alone a run bundle still arriving on the other:
 * its spooled body, in the other's {@code uploads/}, is not cleared away, and the import is answered 201 with every
 * frame readable through the restarted replica. Each replica's own admin key works on both.
 */
class ReplicaRestartTest {
    /** Bytes sent each tick: 40 KB/s, above the server's minimum body rate (16 KB/s). */
    private static final int CHUNK = 4096;

    @TempDir
    Path temp;

    @Test
    void restartingOneReplicaLeavesAnUploadArrivingOnAnotherAlone() throws Exception {
        PostgresTarget db = PgCluster.shared().newSchema("replica_restart");
        Path frames = temp.resolve("frames");
        Path dataA = temp.resolve("a");
        Path dataB = temp.resolve("b");
        Process a = start(dataA, frames, db, temp.resolve("a.log"));
        Process b = start(dataB, frames, db, temp.resolve("b.log"));
        try {
            String urlA = KillNineTest.awaitBaseUrl(a);
            String urlB = KillNineTest.awaitBaseUrl(b);
            String keyA = Files.readString(dataA.resolve("admin.key")).strip();
            String keyB = Files.readString(dataB.resolve("admin.key")).strip();
            assertThat(keyB).as("each replica writes an admin key of its own").isNotEqualTo(keyA);
            new ApiCalls(urlA, keyB).get("/v1/sessions?limit=1").expect(200);
            new ApiCalls(urlB, keyA).get("/v1/sessions?limit=1").expect(200);

            // A run with a large frame, recorded and exported through B: a bundle that takes a while to arrive.
            byte[] large = TestImages.encode(TestImages.noise(640, 640, 19), "png");
            byte[] bundle = recordAndExport(urlB, keyB, large);
            assertThat(bundle.length).isGreaterThan(large.length);

            try (TrickledUpload upload =
                    TrickledUpload.post(urlB, keyB, "/v1/sessions:import", "application/zip", bundle, CHUNK)) {
                Path uploadsB = dataB.resolve(ApiServer.UPLOADS_DIR);
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> spooled(uploadsB).size() == 1);
                List<Path> spool = spooled(uploadsB);

                // A rolling restart of A: SIGTERM, its exit, a new process on the same folders, ready again.
                a.destroy();
                assertThat(a.waitFor(60, TimeUnit.SECONDS)).as("A exits").isTrue();
                assertThat(a.exitValue()).as("A drained and exited 0").isEqualTo(0);
                a = start(dataA, frames, db, temp.resolve("a2.log"));
                urlA = KillNineTest.awaitBaseUrl(a);
                ApiCalls onA = new ApiCalls(urlA, keyA);
                onA.as(null).get("/v1/health/ready").expect(200);

                assertThat(upload.sent())
                        .as("the bundle is still arriving after A's restart")
                        .isLessThan(bundle.length);
                assertThat(spooled(uploadsB)).as("B's spooled body").isEqualTo(spool);
                RawHttp.Response r = upload.finish();
                String body = new String(r.body(), StandardCharsets.UTF_8);
                assertThat(r.status()).as(body).isEqualTo(201);

                String imported = r.json().get("id").asText();
                JsonNode frameList = onA.get("/v1/sessions/" + imported + "/frames")
                        .expect(200)
                        .json()
                        .get("data");
                assertThat(frameList).hasSize(2);
                for (JsonNode f : frameList) {
                    byte[] image = onA.get("/v1/sessions/" + imported + "/frames/"
                                    + f.get("seq").asLong())
                            .expect(200)
                            .body();
                    assertThat(FrameSha.of(image))
                            .as("frame %s read through the restarted A", f.get("seq"))
                            .isEqualTo(f.get("sha256").asText());
                }
            }
            assertThat(spooled(dataB.resolve(ApiServer.UPLOADS_DIR)))
                    .as("B's uploads once the import is done")
                    .isEmpty();
        } finally {
            for (Process p : List.of(a, b)) {
                p.destroyForcibly();
                p.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    private static Process start(Path data, Path frames, PostgresTarget db, Path log) throws IOException {
        return KillNineTest.startServerProcess(
                data, db, log, List.of("--frames", frames.toString(), "--drain-grace", "1s"));
    }

    /** A stopped run of two frames (a large one first), sealed by the maintenance, exported as a bundle. */
    private static byte[] recordAndExport(String baseUrl, String key, byte[] large) throws Exception {
        try (SessionsClient client =
                SessionsClient.builder().baseUrl(baseUrl).apiKey(key).build()) {
            Session s = client.sessions()
                    .create(CreateSessionRequest.builder("replica_restart")
                            .start(true)
                            .build())
                    .execute();
            client.frames()
                    .upload(s.id(), FrameUpload.png(1, Instant.now(), large))
                    .execute();
            byte[] small = TestImages.encode(TestImages.noise(32, 32, 20), "png");
            client.frames()
                    .upload(s.id(), FrameUpload.png(2, Instant.now(), small))
                    .execute();
            client.sessions().stop(s.id()).execute();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> client.sessions().get(s.id()).execute().status() == SessionStatus.SEALED);
            Exporter exporter = Exporters.forFormat(ExportFormat.BUNDLE).orElseThrow();
            Path file = Files.createTempFile("replica-restart-", ".zip");
            try {
                AtomicFile.write(
                        file, out -> exporter.write(ClientRunSource.open(client, s.id()), out, ExportProgress.NONE));
                return Files.readAllBytes(file);
            } finally {
                Files.deleteIfExists(file);
            }
        }
    }

    /** The bodies spooled in an uploads folder. */
    private static List<Path> spooled(Path uploads) throws IOException {
        if (!Files.isDirectory(uploads)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(uploads)) {
            return files.sorted().toList();
        }
    }
}
