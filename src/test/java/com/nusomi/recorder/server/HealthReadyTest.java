package com.nusomi.recorder.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** GET /v1/health/ready: 200 when the database and frame storage can be read and written, else 503 unavailable. */
class HealthReadyTest {
    @RegisterExtension
    final LocalServer server = new LocalServer();

    @Test
    void aWorkingServerIsReadyWithoutAKey() {
        ApiCalls.Response r = server.admin().as(null).get("/v1/health/ready").expect(200);

        assertThat(r.json().get("status").asText()).isEqualTo("ready");
    }

    @Test
    void aServerThatCannotStoreFramesIsNotReady() throws Exception {
        Path frames = server.dataDir().resolve("frames");
        try (var files = Files.walk(frames)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        Files.writeString(frames, "not a folder");

        ApiCalls.Response r = server.admin().as(null).get("/v1/health/ready");

        r.expectError(503, "unavailable");
        assertThat(r.header("Retry-After")).isNotBlank();
        Files.delete(frames);
        Files.createDirectory(frames);
        server.admin().as(null).get("/v1/health/ready").expect(200);
    }

    @Test
    void aServerWhoseDatabaseIsClosedAnswersUnavailableNotInternalError() {
        ApiCalls calls = server.admin();
        server.server().store().close();

        calls.as(null).get("/v1/health/ready").expectError(503, "unavailable");
        calls.get("/v1/sessions").expectError(503, "unavailable");
    }
}
