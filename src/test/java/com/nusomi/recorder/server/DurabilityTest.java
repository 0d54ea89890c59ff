package com.nusomi.recorder.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the server acknowledged is there after it closes and starts again on the same data folder. */
class DurabilityTest {
    @RegisterExtension
    final LocalServer server = new LocalServer();

    @Test
    void sessionsTagsAndStatesSurviveARestart() {
        ApiCalls api = server.admin();
        String stopped = api.createRecording("durable").get("id").asText();
        api.tag(stopped, "kept", "{\"n\":1}");
        api.stop(stopped);
        server.server().sealNow();
        String recording = api.createRecording("durable").get("id").asText();
        String deleted = api.createSession("durable").get("id").asText();
        api.softDelete(deleted);
        JsonNode stoppedBefore =
                api.get("/v1/sessions/" + stopped + "?include=tags").expect(200).json();
        JsonNode deletedBefore =
                api.get("/v1/sessions?deleted=only").expect(200).json();
        List<String> listBefore = api.listAll("");

        server.restart();

        ApiCalls after = server.admin();
        assertThat(after.get("/v1/sessions/" + stopped + "?include=tags")
                        .expect(200)
                        .json())
                .isEqualTo(stoppedBefore);
        assertThat(after.session(recording).get("status").asText()).isEqualTo("recording");
        assertThat(after.get("/v1/sessions?deleted=only").expect(200).json()).isEqualTo(deletedBefore);
        assertThat(after.listAll("")).isEqualTo(listBefore);
    }

    @Test
    void adminKeyAndOtherKeysSurviveARestart() {
        String admin = server.server().adminKey();
        String reader = server.server().createKey(Set.of("read"));

        server.restart();

        assertThat(server.server().adminKey()).isEqualTo(admin);
        server.admin().as(reader).get("/v1/sessions").expect(200);
    }

    @Test
    void auditLogSurvivesARestart() {
        ApiCalls api = server.admin();
        String id = api.createRecording("durable").get("id").asText();
        api.stop(id);
        JsonNode before = api.get("/v1/audit_logs?session_id=" + id).expect(200).json();

        server.restart();

        assertThat(server.admin()
                        .get("/v1/audit_logs?session_id=" + id)
                        .expect(200)
                        .json())
                .isEqualTo(before);
    }

    @Test
    void idempotentReplaySurvivesARestart() {
        String body = "{\"workflow\":\"durable\"}";
        ApiCalls.Response first = server.admin()
                .post("/v1/sessions", body, Map.of("Idempotency-Key", "restart-1"))
                .expect(201);

        server.restart();

        ApiCalls.Response again = server.admin()
                .post("/v1/sessions", body, Map.of("Idempotency-Key", "restart-1"))
                .expect(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(server.admin().listAll("workflow=durable")).hasSize(1);
    }
}
