package com.nusomi.recorder.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Soft-deleted sessions stay restorable for 30 days, then the purge removes them; the audit log keeps them. */
class PurgeTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-07T14:00:00Z"));

    @RegisterExtension
    final LocalServer server = new LocalServer().clock(clock);

    private ApiCalls api() {
        return server.admin();
    }

    private List<String> auditActions(String id) {
        List<String> out = new ArrayList<>();
        api().get("/v1/audit_logs?session_id=" + id)
                .expect(200)
                .json()
                .get("data")
                .forEach(e -> out.add(e.get("action").asText()));
        return out;
    }

    @Test
    void softDeletedSessionIsStillRestorableAfterTwentyNineDays() {
        String id = api().createRecording("wf").get("id").asText();
        api().tag(id, "kept");
        api().softDelete(id);
        clock.advance(Duration.ofDays(29));

        assertThat(server.server().purgeNow()).isZero();

        api().post("/v1/sessions/" + id + "/restore", null).expect(200);
        JsonNode s =
                api().get("/v1/sessions/" + id + "?include=tags").expect(200).json();
        assertThat(s.get("tags")).hasSize(1);
    }

    @Test
    void softDeletedSessionIsPurgedAfterThirtyDays() {
        String id = api().createRecording("wf").get("id").asText();
        api().tag(id, "gone_with_it");
        api().softDelete(id);
        clock.advance(Duration.ofDays(30).plusSeconds(1));

        assertThat(server.server().purgeNow()).isEqualTo(1);

        api().get("/v1/sessions/" + id).expectError(404, "session_not_found");
        api().post("/v1/sessions/" + id + "/restore", null).expectError(404, "session_not_found");
        assertThat(api().listAll("deleted=only")).doesNotContain(id);
        assertThat(api().listAll("deleted=only&tag=gone_with_it")).isEmpty();
        assertThat(auditActions(id)).first().isEqualTo("session.purged");
        assertThat(auditActions(id)).contains("session.created", "session.tagged", "session.deleted");
    }

    @Test
    void purgeIsDueExactlyAtPurgeAt() {
        String id = api().createSession("wf").get("id").asText();
        Instant purgeAt = Instant.parse(api().softDelete(id).get("purge_at").asText());

        clock.set(purgeAt.minusMillis(1));
        assertThat(server.server().purgeNow()).isZero();
        clock.set(purgeAt);
        assertThat(server.server().purgeNow()).isEqualTo(1);
    }

    @Test
    void sessionRestoredBeforeItsPurgeSurvivesThePurge() {
        String restored = api().createSession("wf").get("id").asText();
        String purged = api().createSession("wf").get("id").asText();
        api().softDelete(restored);
        api().softDelete(purged);
        clock.advance(Duration.ofDays(29));
        api().post("/v1/sessions/" + restored + "/restore", null).expect(200);
        clock.advance(Duration.ofDays(2));

        server.server().purgeNow();

        api().session(restored);
        api().get("/v1/sessions/" + purged).expectError(404, "session_not_found");
    }

    @Test
    void liveSessionsAreNeverPurged() {
        String id = api().createSession("wf").get("id").asText();
        clock.advance(Duration.ofDays(365));

        assertThat(server.server().purgeNow()).isZero();

        api().session(id);
    }

    @Test
    void backgroundPurgeRunsOnItsOwn() {
        try (LocalServer fast = new LocalServer()
                .clock(clock)
                .purgeInterval(Duration.ofMillis(50))
                .start()) {
            ApiCalls api = fast.admin();
            String id = api.createSession("wf").get("id").asText();
            api.softDelete(id);

            clock.advance(Duration.ofDays(31));

            await().atMost(Duration.ofSeconds(5))
                    .until(() -> api.get("/v1/sessions/" + id).status() == 404);
        }
    }
}
