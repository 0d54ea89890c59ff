package com.nusomi.recorder.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** DELETE /v1/sessions/{id} (soft and hard) and POST /v1/sessions/{id}/restore. */
class DeleteRestoreTest {
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-05-07T14:00:00Z"));

    @RegisterExtension
    static final LocalServer SERVER = new LocalServer().clock(CLOCK);

    private static ApiCalls api() {
        return SERVER.admin();
    }

    private static String newSession(String workflow) {
        return api().createSession(workflow).get("id").asText();
    }

    @Test
    void softDeleteAnswersTheSessionWithDeletedAtAndPurgeAtThirtyDaysLater() {
        String id = newSession("wf");

        JsonNode s = api().softDelete(id);

        assertThat(s.get("id").asText()).isEqualTo(id);
        assertThat(Instant.parse(s.get("deleted_at").asText())).isEqualTo(CLOCK.instant());
        assertThat(Instant.parse(s.get("purge_at").asText()))
                .isEqualTo(Instant.parse(s.get("deleted_at").asText()).plus(Duration.ofDays(30)));
    }

    @Test
    void liveSessionsCarryNullDeletionTimes() {
        JsonNode s = api().session(newSession("wf"));

        assertThat(s.get("deleted_at").isNull()).isTrue();
        assertThat(s.get("purge_at").isNull()).isTrue();
    }

    @Test
    void softDeletedSessionIsGone() {
        String id = newSession("wf");
        JsonNode deleted = api().softDelete(id);

        JsonNode error = api().get("/v1/sessions/" + id).expectError(410, "session_deleted");

        assertThat(error.get("deleted_at").asText())
                .isEqualTo(deleted.get("deleted_at").asText());
        assertThat(error.get("purge_at").asText())
                .isEqualTo(deleted.get("purge_at").asText());
    }

    @Test
    void softDeletedSessionIsLeftOutOfLists() {
        String kept = newSession("soft_deleted_list");
        String deleted = newSession("soft_deleted_list");

        api().softDelete(deleted);

        assertThat(api().listAll("workflow=soft_deleted_list")).containsExactly(kept);
        assertThat(api().listAll("deleted=only&workflow=soft_deleted_list")).containsExactly(deleted);
    }

    @Test
    void softDeletedSessionIsLeftOutOfTagFilteredLists() {
        String id = newSession("wf");
        api().tag(id, "soft_deleted_tag");

        api().softDelete(id);

        assertThat(api().listAll("tag=soft_deleted_tag")).isEmpty();
        assertThat(api().listAll("deleted=only&tag=soft_deleted_tag")).containsExactly(id);
    }

    @Test
    void deletingAgainReturnsItUnchanged() {
        String id = newSession("wf");
        JsonNode first = api().softDelete(id);
        CLOCK.advance(Duration.ofMinutes(5));

        assertThat(api().softDelete(id)).isEqualTo(first);
    }

    @Test
    void deletingARecordingSessionStopsItFirst() {
        String id = api().createRecording("wf").get("id").asText();
        CLOCK.advance(Duration.ofSeconds(12));

        JsonNode s = api().softDelete(id);

        assertThat(s.get("status").asText()).isEqualTo("stopped");
        assertThat(s.get("stop_reason").asText()).isEqualTo("delete");
        assertThat(s.get("outcome").asText()).isEqualTo("abandoned");
        assertThat(s.get("duration_ms").asLong()).isEqualTo(12_000);
    }

    @Test
    void deletingACreatedSessionLeavesItCreated() {
        JsonNode s = api().softDelete(newSession("wf"));

        assertThat(s.get("status").asText()).isEqualTo("created");
        assertThat(s.get("stop_reason").isNull()).isTrue();
    }

    @Test
    void deletingAnUnknownSessionIsSessionNotFound() {
        api().delete("/v1/sessions/ses_01HZX3AAAAAAAAAAAAAAAAAAAA").expectError(404, "session_not_found");
    }

    @Test
    void restoreBringsItBackUnchangedButForTheDeletionTimes() {
        String id = api().createRecording("restored_wf").get("id").asText();
        api().tag(id, "kept");
        JsonNode before = api().stop(id);
        api().softDelete(id);

        JsonNode restored =
                api().post("/v1/sessions/" + id + "/restore", null).expect(200).json();

        assertThat(restored).isEqualTo(before);
        assertThat(api().session(id)).isEqualTo(before);
        assertThat(api().listAll("workflow=restored_wf")).containsExactly(id);
        assertThat(api().listAll("tag=kept")).containsExactly(id);
    }

    @Test
    void restoringASessionThatIsNotDeletedReturnsItUnchanged() {
        String id = newSession("wf");
        JsonNode before = api().session(id);

        assertThat(api().post("/v1/sessions/" + id + "/restore", null)
                        .expect(200)
                        .json())
                .isEqualTo(before);
    }

    @Test
    void restoringAnUnknownSessionIsSessionNotFound() {
        api().post("/v1/sessions/ses_01HZX3AAAAAAAAAAAAAAAAAAAA/restore", null).expectError(404, "session_not_found");
    }

    @Test
    void restoreNeedsOnlyTheWriteScope() {
        String id = newSession("wf");
        api().softDelete(id);

        SERVER.withScopes("write").post("/v1/sessions/" + id + "/restore", null).expect(200);
    }

    @Test
    void hardDeleteAnswersIdDeletedHard() {
        String id = newSession("wf");

        JsonNode r =
                api().delete("/v1/sessions/" + id + "?hard=true").expect(200).json();

        ObjectNode expected = ApiCalls.JSON
                .createObjectNode()
                .put("id", id)
                .put("deleted", true)
                .put("hard", true);
        assertThat(r).isEqualTo(expected);
    }

    @Test
    void hardDeletedSessionIsNotFound() {
        String id = newSession("wf");
        api().tag(id, "hard_deleted_tag");

        api().delete("/v1/sessions/" + id + "?hard=true").expect(200);

        api().get("/v1/sessions/" + id).expectError(404, "session_not_found");
        api().post("/v1/sessions/" + id + "/restore", null).expectError(404, "session_not_found");
        assertThat(api().listAll("tag=hard_deleted_tag")).isEmpty();
        assertThat(api().listAll("deleted=only&tag=hard_deleted_tag")).isEmpty();
    }

    @Test
    void hardDeleteOfASoftDeletedSessionPurgesIt() {
        String id = newSession("wf");
        api().softDelete(id);

        api().delete("/v1/sessions/" + id + "?hard=true").expect(200);

        api().get("/v1/sessions/" + id).expectError(404, "session_not_found");
    }

    @Test
    void hardDeleteWithAWriteKeyIsInsufficientScope() {
        String id = newSession("wf");

        SERVER.withScopes("read", "write")
                .delete("/v1/sessions/" + id + "?hard=true")
                .expectError(403, "insufficient_scope");

        api().session(id);
    }

    @Test
    void hardFalseIsASoftDelete() {
        String id = newSession("wf");

        api().delete("/v1/sessions/" + id + "?hard=false").expect(200);

        api().get("/v1/sessions/" + id).expectError(410, "session_deleted");
    }

    @Test
    void hardOtherThanTrueOrFalseIsParameterInvalid() {
        api().delete("/v1/sessions/" + newSession("wf") + "?hard=yes").expectError(400, "parameter_invalid", "hard");
    }
}
