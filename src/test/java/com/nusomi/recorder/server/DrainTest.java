package com.nusomi.recorder.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A drain ({@link ApiServer#drain}, what {@code serve} does on SIGTERM) loses no request: ready answers 503 from its
 * start while the server still serves, a frame whose body is still arriving when the server stops accepting is
 * stored and answered 2xx, and connections opened after that are refused.
 */
class DrainTest {
    /** Bytes of the frame sent each tick while the drain goes on: far from all of it. */
    private static final int TRICKLE = 8;

    @Test
    void aSlowUploadInFlightCompletesAcrossADrainWhileReadyAnswers503AndNewConnectionsAreRefused() throws Exception {
        // A body this slow would otherwise be cut by the minimum body rate.
        try (LocalServer local = new LocalServer()
                .tune(b -> b.minBodyRate(1, Duration.ofMinutes(2)))
                .start()) {
            ApiServer server = local.server();
            ApiCalls api = local.admin();
            String id = api.createRecording("drain").get("id").asText();
            byte[] frame = TestImages.encode(TestImages.noise(64, 64, 7), "png");
            assertThat(frame.length).isGreaterThan(1000);
            URI base = URI.create(server.baseUrl());

            try (TrickledUpload upload =
                    TrickledUpload.start(server.baseUrl(), server.adminKey(), id, frame, TRICKLE)) {
                await().atMost(Duration.ofSeconds(10)).until(() -> server.bodiesArriving() == 1);

                CompletableFuture<Boolean> drained = CompletableFuture.supplyAsync(
                        () -> server.drain(Duration.ofSeconds(2), Duration.ofSeconds(30)));
                await().atMost(Duration.ofSeconds(10)).until(server::isDraining);

                // The grace: still serving, but no longer ready, and each answer closes its connection.
                ApiCalls.Response ready = api.as(null).get("/v1/health/ready");
                ready.expectError(503, "unavailable");
                assertThat(ready.header("Retry-After")).isNotBlank();
                ApiCalls.Response listed =
                        api.get("/v1/sessions?workflow=drain").expect(200);
                assertThat(listed.header("Connection")).isEqualTo("close");

                // Then the listening socket closes while the frame is still arriving.
                await().atMost(Duration.ofSeconds(20)).until(() -> TrickledUpload.refused(base));
                assertThat(server.bodiesArriving())
                        .as("the frame still arriving")
                        .isEqualTo(1);
                assertThat(drained)
                        .as("the drain waits for the request in flight")
                        .isNotDone();

                RawHttp.Response r = upload.finish();

                assertThat(r.status())
                        .as(new String(r.body(), StandardCharsets.UTF_8))
                        .isEqualTo(201);
                assertThat(r.json().get("seq").asLong()).isEqualTo(1);
                assertThat(r.headers().get("connection")).isEqualTo("close");
                assertThat(drained.get(30, TimeUnit.SECONDS))
                        .as("drained with nothing cut")
                        .isTrue();
            }
            assertThat(TrickledUpload.refused(base))
                    .as("connections refused after the drain")
                    .isTrue();

            // What was acknowledged is there: a server on the same data folder has the frame.
            local.restart();
            ApiCalls.Response frames =
                    local.admin().get("/v1/sessions/" + id + "/frames").expect(200);
            assertThat(frames.json().get("data")).hasSize(1);
        }
    }

    @Test
    void aDrainOfAClosedServerOrASecondDrainDoesNothing() {
        try (LocalServer local = new LocalServer().start()) {
            ApiServer server = local.server();
            assertThat(server.drain(Duration.ZERO, Duration.ofSeconds(5))).isTrue();
            assertThat(server.drain(Duration.ZERO, Duration.ofSeconds(5))).isFalse();
        }
    }
}
