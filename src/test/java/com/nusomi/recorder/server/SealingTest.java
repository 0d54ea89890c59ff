package com.nusomi.recorder.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The indexer: stopped sessions become sealed within 2 s, also when the server restarts before it ran. */
class SealingTest {

    @Test
    void stoppedSessionIsSealedWithinTwoSeconds() {
        try (LocalServer local =
                new LocalServer().sealInterval(Duration.ofMillis(100)).start()) {
            ApiCalls api = local.admin();
            String id = api.createRecording("wf").get("id").asText();

            api.stop(id);

            await().atMost(Duration.ofSeconds(2))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> api.session(id).get("status").asText().equals("sealed"));
            assertThat(api.session(id).get("outcome").asText()).isEqualTo("success");
        }
    }

    @Test
    void sessionsLeftStoppedAtShutdownAreSealedAfterARestart() {
        try (LocalServer local =
                new LocalServer().sealInterval(Duration.ofHours(1)).start()) {
            ApiCalls api = local.admin();
            List<String> ids = IntStream.range(0, 3)
                    .mapToObj(i -> api.createRecording("wf").get("id").asText())
                    .toList();
            ids.forEach(api::stop);
            assertThat(ids)
                    .allSatisfy(id ->
                            assertThat(api.session(id).get("status").asText()).isEqualTo("stopped"));

            local.restart();

            ApiCalls after = local.admin();
            await().atMost(Duration.ofSeconds(2))
                    .pollInterval(Duration.ofMillis(20))
                    .untilAsserted(() -> assertThat(ids)
                            .allSatisfy(id -> assertThat(
                                            after.session(id).get("status").asText())
                                    .isEqualTo("sealed")));
        }
    }

    @Test
    void sealingKeepsEverythingButTheStatus() {
        try (LocalServer local = new LocalServer().start()) {
            ApiCalls api = local.admin();
            String id = api.createRecording("wf").get("id").asText();
            api.tag(id, "upload_failed");
            var stopped = (ObjectNode) api.stop(id);

            local.server().sealNow();

            var sealed = (ObjectNode) api.session(id);
            assertThat(sealed.get("status").asText()).isEqualTo("sealed");
            assertThat(sealed.deepCopy().put("status", "stopped")).isEqualTo(stopped);
        }
    }
}
