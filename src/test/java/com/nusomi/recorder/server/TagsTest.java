package com.nusomi.recorder.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** POST /v1/sessions/{id}/tags: the tag object, its rules, and the 1,000 tag limit. */
class TagsTest {
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-05-07T14:00:00Z"));

    @RegisterExtension
    static final LocalServer SERVER = new LocalServer().clock(CLOCK);

    private static ApiCalls api() {
        return SERVER.admin();
    }

    private static String newSession() {
        return api().createSession("wf").get("id").asText();
    }

    private static ApiCalls.Response postTag(String id, String body) {
        return api().post("/v1/sessions/" + id + "/tags", body);
    }

    @Test
    void tagCarriesTheContractFields() {
        String id = api().createRecording("wf").get("id").asText();

        JsonNode tag = api().tag(id, "submitted_for_approval", "{\"approver\":\"anna@acme.com\"}");

        assertThat(tag.get("id").asText()).matches("^tag_[0-9A-HJKMNP-TV-Z]{26}$");
        assertThat(tag.get("session_id").asText()).isEqualTo(id);
        assertThat(tag.get("name").asText()).isEqualTo("submitted_for_approval");
        assertThat(tag.get("data").get("approver").asText()).isEqualTo("anna@acme.com");
        assertThat(Instant.parse(tag.get("created_at").asText())).isEqualTo(CLOCK.instant());
    }

    @Test
    void offsetIsTheTimeSinceStart() {
        String id = api().createRecording("wf").get("id").asText();
        CLOCK.advance(Duration.ofSeconds(97));

        assertThat(api().tag(id, "checkpoint").get("offset_ms").asLong()).isEqualTo(97_000);
    }

    @Test
    void offsetIsNullWhenTheSessionWasNeverStarted() {
        JsonNode tag = api().tag(newSession(), "note");

        assertThat(tag.get("offset_ms").isNull()).isTrue();
    }

    @Test
    void dataDefaultsToAnEmptyObject() {
        assertThat(api().tag(newSession(), "note").get("data")).isEqualTo(ApiCalls.JSON.createObjectNode());
    }

    @Test
    void tagsAreEmbeddedOldestFirst() {
        String id = newSession();
        String first = api().tag(id, "first").get("id").asText();
        CLOCK.advance(Duration.ofSeconds(1));
        String second = api().tag(id, "second").get("id").asText();

        JsonNode tags = api().get("/v1/sessions/" + id + "?include=tags")
                .expect(200)
                .json()
                .get("tags");

        assertThat(tags).extracting(t -> t.get("id").asText()).containsExactly(first, second);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\"a\"",
                "\"Upper\"",
                "\"with-dash\"",
                "\"\"",
                "5",
                "null",
                "\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\""
            })
    void nameMustFollowTheSlugRule(String name) {
        postTag(newSession(), "{\"name\":" + name + "}").expectError(400, "parameter_invalid", "name");
    }

    @Test
    void nameIsRequired() {
        postTag(newSession(), "{\"data\":{}}").expectError(400, "parameter_invalid", "name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "\"x\"", "3", "null", "true"})
    void dataMustBeAnObject(String data) {
        postTag(newSession(), "{\"name\":\"note\",\"data\":" + data + "}")
                .expectError(400, "parameter_invalid", "data");
    }

    @Test
    void dataOfExactly16384BytesIsAccepted() {
        String data = "{\"k\":\"" + "x".repeat(16_384 - 8) + "\"}";

        postTag(newSession(), "{\"name\":\"note\",\"data\":" + data + "}").expect(201);
    }

    @Test
    void dataOver16384BytesIsRefused() {
        String data = "{\"k\":\"" + "x".repeat(16_384 - 7) + "\"}";

        postTag(newSession(), "{\"name\":\"note\",\"data\":" + data + "}")
                .expectError(400, "parameter_invalid", "data");
    }

    @Test
    void unknownFieldIsUnknownParameter() {
        postTag(newSession(), "{\"name\":\"note\",\"colour\":1}").expectError(400, "unknown_parameter", "colour");
    }

    @Test
    void tagsMayBeAddedInEveryStatus() {
        String id = newSession();
        api().tag(id, "while_created");
        api().start(id);
        api().tag(id, "while_recording");
        api().stop(id);
        api().tag(id, "while_stopped");
        SERVER.server().sealNow();
        assertThat(api().session(id).get("status").asText()).isEqualTo("sealed");

        api().tag(id, "while_sealed");

        assertThat(api().get("/v1/sessions/" + id + "?include=tags")
                        .expect(200)
                        .json()
                        .get("tags"))
                .hasSize(4);
    }

    @Test
    void taggingADeletedSessionIsSessionDeleted() {
        String id = newSession();
        api().softDelete(id);

        postTag(id, "{\"name\":\"note\"}").expectError(410, "session_deleted");
    }

    @Test
    void taggingAnUnknownSessionIsSessionNotFound() {
        postTag("ses_01HZX3AAAAAAAAAAAAAAAAAAAA", "{\"name\":\"note\"}").expectError(404, "session_not_found");
    }

    @Test
    void aSessionCarriesAtMostOneThousandTags() {
        String id = newSession();
        for (int i = 0; i < 1000; i++) {
            postTag(id, "{\"name\":\"step_" + i + "\"}").expect(201);
        }

        postTag(id, "{\"name\":\"one_too_many\"}").expectError(409, "too_many_tags");
        assertThat(api().get("/v1/sessions/" + id + "?include=tags")
                        .expect(200)
                        .json()
                        .get("tags"))
                .hasSize(1000);
    }
}
