package com.nusomi.recorder.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nusomi.recorder.server.store.PgCluster;
import com.nusomi.recorder.server.store.PostgresTarget;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} drains on a real SIGTERM: ready answers 503 during the grace, the listening socket closes, a frame
 * still arriving is stored and answered 201, and the process exits 0.
 */
class SigtermDrainTest {
    /** Bytes sent each tick: 40 KB/s, above the server's minimum body rate (16 KB/s). */
    private static final int CHUNK = 4096;

    @TempDir
    Path temp;

    @Test
    void sigtermDrainsAnUploadInFlightAndExitsZero() throws Exception {
        Path data = temp.resolve("data");
        PostgresTarget database = LocalServer.POSTGRES ? PgCluster.shared().newSchema("sigterm") : null;
        Path log = temp.resolve("serve.log");
        Process child = KillNineTest.startServerProcess(
                data, database, log, List.of("--drain-grace", "3s", "--drain-timeout", "30s"));
        String id;
        try {
            String baseUrl = KillNineTest.awaitBaseUrl(child);
            URI base = URI.create(baseUrl);
            String key = Files.readString(data.resolve("admin.key")).strip();
            ApiCalls api = new ApiCalls(baseUrl, key);
            id = api.createRecording("sigterm").get("id").asText();
            api.as(null).get("/v1/health/ready").expect(200);
            // Large enough to still be arriving after the grace at this pace (about 20 s of it).
            byte[] frame = TestImages.encode(TestImages.noise(640, 640, 11), "png");
            assertThat(frame.length).isGreaterThan(20 * 10 * CHUNK);

            try (TrickledUpload upload = TrickledUpload.start(baseUrl, key, id, frame, CHUNK)) {
                await().atMost(Duration.ofSeconds(10)).until(() -> upload.sent() > 0);

                child.destroy(); // SIGTERM
                await().atMost(Duration.ofSeconds(10))
                        .until(() -> api.as(null).get("/v1/health/ready").status() == 503);
                await().atMost(Duration.ofSeconds(20)).until(() -> TrickledUpload.refused(base));
                assertThat(child.isAlive())
                        .as("serve waits for the frame in flight")
                        .isTrue();
                assertThat(upload.sent()).as("the frame is still arriving").isLessThan(frame.length);

                RawHttp.Response r = upload.finish();
                assertThat(r.status())
                        .as(new String(r.body(), StandardCharsets.UTF_8))
                        .isEqualTo(201);
            }
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("serve exits").isTrue();
            assertThat(child.exitValue())
                    .as("exit status; log:%n%s", Files.readString(log))
                    .isEqualTo(0);
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }

        try (LocalServer restarted =
                new LocalServer().dataDir(data).database(database).start()) {
            ApiCalls.Response frames =
                    restarted.admin().get("/v1/sessions/" + id + "/frames").expect(200);
            assertThat(frames.json().get("data"))
                    .as("the frame acknowledged in the drain")
                    .hasSize(1);
        }
    }
}
