package com.nusomi.recorder.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** GET /v1/sessions/{id} and its include parameter. */
class GetSessionTest {
    @RegisterExtension
    static final LocalServer SERVER = new LocalServer();

    private static ApiCalls api() {
        return SERVER.admin();
    }

    private static String newSession() {
        return api().createRecording("wf").get("id").asText();
    }

    @Test
    void withoutIncludeNothingIsEmbedded() {
        JsonNode s = api().session(newSession());

        assertThat(s.has("tags")).isFalse();
        assertThat(s.has("events")).isFalse();
        assertThat(s.has("events_truncated")).isFalse();
        assertThat(s.has("frames_summary")).isFalse();
    }

    @Test
    void includeEventsEmbedsAnEmptyListNotTruncated() {
        JsonNode s = api().get("/v1/sessions/" + newSession() + "?include=events")
                .expect(200)
                .json();

        assertThat(s.get("events").isArray()).isTrue();
        assertThat(s.get("events")).isEmpty();
        assertThat(s.get("events_truncated").asBoolean(true)).isFalse();
        assertThat(s.get("events_truncated").isBoolean()).isTrue();
    }

    @Test
    void includeFramesSummaryOfNoFramesIsZerosAndNulls() {
        JsonNode f = api().get("/v1/sessions/" + newSession() + "?include=frames_summary")
                .expect(200)
                .json()
                .get("frames_summary");

        assertThat(f.get("count").asLong(-1)).isZero();
        assertThat(f.get("first_at").isNull()).isTrue();
        assertThat(f.get("last_at").isNull()).isTrue();
        assertThat(f.get("total_bytes").asLong(-1)).isZero();
        assertThat(f.get("width").isNull()).isTrue();
        assertThat(f.get("height").isNull()).isTrue();
        assertThat(f.get("thumbnails").isArray()).isTrue();
        assertThat(f.get("thumbnails")).isEmpty();
    }

    @Test
    void includeTagsEmbedsTheTags() {
        String id = newSession();
        JsonNode tag = api().tag(id, "checkpoint", "{\"n\":1}");

        JsonNode s =
                api().get("/v1/sessions/" + id + "?include=tags").expect(200).json();

        assertThat(s.get("tags")).containsExactly(tag);
    }

    @Test
    void includeTakesAnySubsetTogether() {
        JsonNode s = api().get("/v1/sessions/" + newSession() + "?include=events,tags,frames_summary")
                .expect(200)
                .json();

        assertThat(s.has("tags")).isTrue();
        assertThat(s.has("events")).isTrue();
        assertThat(s.has("frames_summary")).isTrue();
    }

    @Test
    void includeDoesNotChangeTheSessionFields() {
        String id = newSession();
        api().stop(id);
        JsonNode plain = api().session(id);

        ObjectNode full = (ObjectNode) api().get("/v1/sessions/" + id + "?include=frames_summary,tags,events")
                .expect(200)
                .json();
        full.remove(List.of("tags", "events", "events_truncated", "frames_summary"));

        assertThat(full).isEqualTo(plain);
    }

    @ParameterizedTest
    @ValueSource(strings = {"frames", "tags,frames", "TAGS", "", "tags,", "events;tags"})
    void unknownIncludeValueIsParameterInvalid(String include) {
        api().get("/v1/sessions/" + newSession() + "?include=" + include)
                .expectError(400, "parameter_invalid", "include");
    }

    @Test
    void unknownSessionIsSessionNotFound() {
        api().get("/v1/sessions/ses_01HZX3AAAAAAAAAAAAAAAAAAAA").expectError(404, "session_not_found");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "nope",
                "ses_",
                "ses_01hzx3aaaaaaaaaaaaaaaaaaaa",
                "tag_01HZX3AAAAAAAAAAAAAAAAAAAA",
                "ses_01HZX3AAAAAAAAAAAAAAAAAAAAA",
                "%20"
            })
    void malformedIdIsSessionNotFound(String id) {
        api().get("/v1/sessions/" + id).expectError(404, "session_not_found");
    }

    @Test
    void deletedSessionIsGoneWithItsDeletionTimes() {
        String id = newSession();
        JsonNode deleted = api().softDelete(id);

        JsonNode error = api().get("/v1/sessions/" + id).expectError(410, "session_deleted");

        assertThat(error.get("deleted_at")).isEqualTo(deleted.get("deleted_at"));
        assertThat(error.get("purge_at")).isEqualTo(deleted.get("purge_at"));
    }
}
