package com.nusomi.recorder.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** GET /v1/audit_logs: what is recorded, its filters and paging, and that it outlives the session. */
class AuditLogTest {
    @RegisterExtension
    static final LocalServer SERVER = new LocalServer();

    private static ApiCalls api() {
        return SERVER.admin();
    }

    private static JsonNode audit(String query) {
        return api().get("/v1/audit_logs?" + query).expect(200).json();
    }

    private static List<String> actions(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.get("data").forEach(e -> out.add(e.get("action").asText()));
        return out;
    }

    /** A session that went through every action but purge and hard delete. */
    private static String sessionWithHistory() {
        String id = api().createRecording("audited").get("id").asText();
        api().tag(id, "checkpoint");
        api().stop(id);
        api().softDelete(id);
        api().post("/v1/sessions/" + id + "/restore", null).expect(200);
        return id;
    }

    @Test
    void everyChangeOfASessionIsRecordedNewestFirst() {
        String id = sessionWithHistory();

        assertThat(actions(audit("session_id=" + id)))
                .containsExactly(
                        "session.restored",
                        "session.deleted",
                        "session.stopped",
                        "session.tagged",
                        "session.started",
                        "session.created");
    }

    @Test
    void entryCarriesItsSessionKeyTimeAndDetails() {
        String key = SERVER.server().createKey(Set.of("write"));
        String keyId = SERVER.server().keys().lookup(key).id();
        Instant before = Instant.now().minusSeconds(1);
        String id = SERVER.admin().as(key).createSession("audited").get("id").asText();

        JsonNode entry = audit("session_id=" + id).get("data").get(0);

        assertThat(entry.get("id").asText()).matches("^aud_[0-9A-HJKMNP-TV-Z]{26}$");
        assertThat(entry.get("action").asText()).isEqualTo("session.created");
        assertThat(entry.get("session_id").asText()).isEqualTo(id);
        assertThat(entry.get("api_key_id").asText()).isEqualTo(keyId);
        assertThat(Instant.parse(entry.get("at").asText()))
                .isBetween(before, Instant.now().plusSeconds(1));
        assertThat(entry.get("details").get("workflow").asText()).isEqualTo("audited");
    }

    @Test
    void filterByAction() {
        String id = sessionWithHistory();

        JsonNode page = audit("action=session.tagged&session_id=" + id);

        assertThat(actions(page)).containsExactly("session.tagged");
        assertThat(audit("action=session.restored").get("data"))
                .allSatisfy(e -> assertThat(e.get("action").asText()).isEqualTo("session.restored"));
    }

    @Test
    void pagesWalkEveryEntryOnce() {
        String id = sessionWithHistory();
        List<String> seen = new ArrayList<>();
        List<Boolean> hasMore = new ArrayList<>();
        JsonNode page = audit("session_id=" + id + "&limit=4");
        while (true) {
            page.get("data").forEach(e -> seen.add(e.get("action").asText()));
            hasMore.add(page.get("has_more").asBoolean());
            if (page.get("next_cursor").isNull()) {
                break;
            }
            page = audit("session_id=" + id + "&limit=4&cursor="
                    + page.get("next_cursor").asText());
        }

        assertThat(seen)
                .containsExactly(
                        "session.restored",
                        "session.deleted",
                        "session.stopped",
                        "session.tagged",
                        "session.started",
                        "session.created");
        assertThat(hasMore).containsExactly(true, false);
    }

    @Test
    void cursorWithOtherFiltersIsCursorMismatch() {
        String id = sessionWithHistory();
        String cursor =
                audit("session_id=" + id + "&limit=1").get("next_cursor").asText();

        api().get("/v1/audit_logs?action=session.created&cursor=" + cursor)
                .expectError(400, "cursor_mismatch", "cursor");
    }

    @Test
    void entriesOutliveAHardDeletedSession() {
        String id = sessionWithHistory();

        api().delete("/v1/sessions/" + id + "?hard=true").expect(200);

        assertThat(actions(audit("session_id=" + id)))
                .containsExactly(
                        "session.hard_deleted",
                        "session.restored",
                        "session.deleted",
                        "session.stopped",
                        "session.tagged",
                        "session.started",
                        "session.created");
    }

    @Test
    void auditLogNeedsTheAdminScope() {
        SERVER.withScopes("read", "write").get("/v1/audit_logs").expectError(403, "insufficient_scope");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"action=session.exploded", "action=", "limit=0", "limit=501", "cursor=garbage", "session_id="})
    void badParameterIsA400(String query) {
        JsonNode error = api().get("/v1/audit_logs?" + query).expect(400).json().get("error");

        assertThat(error.get("param").asText()).isEqualTo(query.substring(0, query.indexOf('=')));
    }

    @Test
    void unknownParameterIsUnknownParameter() {
        api().get("/v1/audit_logs?session=x").expectError(400, "unknown_parameter", "session");
    }
}
