package com.nusomi.recorder.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** POST /v1/sessions: the session it makes and every rule of its body. */
class CreateSessionTest {
    @RegisterExtension
    static final LocalServer SERVER = new LocalServer();

    private static ApiCalls api() {
        return SERVER.admin();
    }

    private static String repeat(String s, int n) {
        return s.repeat(n);
    }

    @Test
    void newSessionHasTheContractDefaults() {
        Instant before = Instant.now().minusSeconds(1);
        JsonNode s = api().create("{\"workflow\":\"process_invoice\"}");

        assertThat(s.get("id").asText()).matches("^ses_[0-9A-HJKMNP-TV-Z]{26}$");
        assertThat(s.get("workflow").asText()).isEqualTo("process_invoice");
        assertThat(s.get("status").asText()).isEqualTo("created");
        assertThat(s.get("outcome").isNull()).isTrue();
        assertThat(s.get("stop_reason").isNull()).isTrue();
        assertThat(s.get("metadata")).isEqualTo(ApiCalls.JSON.createObjectNode());
        assertThat(s.get("actor").isNull()).isTrue();
        assertThat(s.get("started_at").isNull()).isTrue();
        assertThat(s.get("stopped_at").isNull()).isTrue();
        assertThat(s.get("duration_ms").asLong()).isZero();
        assertThat(s.get("frame_count").asLong()).isZero();
        assertThat(s.get("event_count").asLong()).isZero();
        assertThat(Instant.parse(s.get("created_at").asText()))
                .isBetween(before, Instant.now().plusSeconds(1));
        assertThat(s.get("created_at").asText()).endsWith("Z");
    }

    @Test
    void createdSessionCanBeReadBack() {
        JsonNode s = api().create("{\"workflow\":\"read_back\",\"metadata\":{\"vendor\":\"Acme\",\"amount\":4500},"
                + "\"actor\":{\"id\":\"alex@nusomi.com\",\"kind\":\"human\"}}");

        assertThat(api().session(s.get("id").asText())).isEqualTo(s);
    }

    @Test
    void metadataAndActorAreKeptAsSent() {
        ApiCalls.Response r = api().post(
                        "/v1/sessions",
                        "{\"workflow\":\"wf\",\"metadata\":{\"vendor\":\"Acme\","
                                + "\"amount\":4500,\"nested\":{\"a\":[1,2.50,null,true]}},"
                                + "\"actor\":{\"id\":\"alex@nusomi.com\",\"kind\":\"model\"}}")
                .expect(201);

        assertThat(r.text())
                .contains("\"metadata\":{\"vendor\":\"Acme\",\"amount\":4500,\"nested\":{\"a\":[1,2.50,null,true]}}");
        assertThat(r.json().get("actor").get("id").asText()).isEqualTo("alex@nusomi.com");
        assertThat(r.json().get("actor").get("kind").asText()).isEqualTo("model");
    }

    @Test
    void startTrueCreatesARecordingSession() {
        JsonNode s = api().create("{\"workflow\":\"wf\",\"start\":true}");

        assertThat(s.get("status").asText()).isEqualTo("recording");
        assertThat(s.get("started_at").asText()).isEqualTo(s.get("created_at").asText());
    }

    @Test
    void startFalseCreatesACreatedSession() {
        assertThat(api().create("{\"workflow\":\"wf\",\"start\":false}")
                        .get("status")
                        .asText())
                .isEqualTo("created");
    }

    @Test
    void nullActorMeansNoActor() {
        assertThat(api().create("{\"workflow\":\"wf\",\"actor\":null}")
                        .get("actor")
                        .isNull())
                .isTrue();
    }

    // ---- workflow ---------------------------------------------------------------------------------------------

    @Test
    void missingWorkflowIsWorkflowInvalid() {
        api().post("/v1/sessions", "{}").expectError(400, "workflow_invalid", "workflow");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\"a\"",
                "\"Process\"",
                "\"has-dash\"",
                "\"has space\"",
                "\"\"",
                "12",
                "null",
                "true",
                "[\"ab\"]",
                "\"é_accent\"",
                "\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\""
            })
    void badWorkflowIsWorkflowInvalid(String workflow) {
        api().post("/v1/sessions", "{\"workflow\":" + workflow + "}").expectError(400, "workflow_invalid", "workflow");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab", "0_", "a2345678901234567890123456789012345678901234567890123456789012_4"})
    void workflowOfTwoToSixtyFourSlugCharactersIsAccepted(String workflow) {
        assertThat(api().createSession(workflow).get("workflow").asText()).isEqualTo(workflow);
    }

    // ---- metadata ---------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"[]", "[1,2]", "\"text\"", "42", "true", "null"})
    void metadataThatIsNotAnObjectIsMetadataInvalid(String metadata) {
        api().post("/v1/sessions", "{\"workflow\":\"wf\",\"metadata\":" + metadata + "}")
                .expectError(400, "metadata_invalid", "metadata");
    }

    @Test
    void metadataOfExactly16384CompactBytesIsAccepted() {
        String metadata = "{\"k\":\"" + repeat("x", 16_384 - 8) + "\"}";
        assertThat(metadata).hasSize(16_384);

        JsonNode s = api().create("{\"workflow\":\"wf\",\"metadata\":" + metadata + "}");

        assertThat(s.get("metadata").get("k").asText()).hasSize(16_384 - 8);
    }

    @Test
    void metadataOf16385CompactBytesIsMetadataTooLarge() {
        String metadata = "{\"k\":\"" + repeat("x", 16_384 - 7) + "\"}";

        api().post("/v1/sessions", "{\"workflow\":\"wf\",\"metadata\":" + metadata + "}")
                .expectError(400, "metadata_too_large", "metadata");
    }

    @Test
    void metadataSizeCountsUtf8BytesNotCharacters() {
        // 8,189 two-byte characters: 8,197 characters but 16,386 bytes once compact.
        String metadata = "{\"k\":\"" + repeat("é", 8_189) + "\"}";

        api().post("/v1/sessions", "{\"workflow\":\"wf\",\"metadata\":" + metadata + "}")
                .expectError(400, "metadata_too_large", "metadata");
    }

    @Test
    void metadataSizeIsMeasuredOnTheCompactForm() {
        // 16,384 bytes once compact; the whitespace around the value does not count.
        String metadata = "{ \"k\" :   \"" + repeat("x", 16_384 - 8) + "\"   }";

        api().post("/v1/sessions", "{\"workflow\":\"wf\",\"metadata\":" + metadata + "}")
                .expect(201);
    }

    // ---- actor ------------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"kind\":\"human\"}",
                "{\"id\":\"a\"}",
                "{}",
                "{\"id\":\"a\",\"kind\":\"robot\"}",
                "{\"id\":\"a\",\"kind\":\"Human\"}",
                "{\"id\":\"a\",\"kind\":null}",
                "{\"id\":\"\",\"kind\":\"human\"}",
                "{\"id\":7,\"kind\":\"human\"}",
                "{\"id\":\"a\",\"kind\":\"human\",\"email\":\"a@b.c\"}",
                "[\"a\",\"human\"]",
                "\"alex\""
            })
    void badActorIsActorInvalid(String actor) {
        JsonNode error = api().post("/v1/sessions", "{\"workflow\":\"wf\",\"actor\":" + actor + "}")
                .expectError(400, "actor_invalid");
        assertThat(error.get("param").asText()).startsWith("actor");
    }

    @Test
    void actorIdOf257CharactersIsActorInvalid() {
        api().post(
                        "/v1/sessions",
                        "{\"workflow\":\"wf\",\"actor\":{\"id\":\"" + repeat("a", 257) + "\",\"kind\":\"script\"}}")
                .expectError(400, "actor_invalid", "actor.id");
    }

    @Test
    void actorIdOf256CharactersIsAccepted() {
        JsonNode s = api().create(
                        "{\"workflow\":\"wf\",\"actor\":{\"id\":\"" + repeat("a", 256) + "\",\"kind\":\"script\"}}");

        assertThat(s.get("actor").get("id").asText()).hasSize(256);
    }

    @ParameterizedTest
    @ValueSource(strings = {"human", "model", "script"})
    void everyActorKindIsAccepted(String kind) {
        JsonNode s = api().create("{\"workflow\":\"wf\",\"actor\":{\"id\":\"x\",\"kind\":\"" + kind + "\"}}");

        assertThat(s.get("actor").get("kind").asText()).isEqualTo(kind);
    }

    // ---- start, unknown fields, idempotency key -----------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"\"true\"", "1", "0", "null", "{}"})
    void nonBooleanStartIsRefused(String start) {
        api().post("/v1/sessions", "{\"workflow\":\"wf\",\"start\":" + start + "}")
                .expectError(400, "parameter_invalid", "start");
    }

    @Test
    void unknownBodyFieldIsUnknownParameter() {
        api().post("/v1/sessions", "{\"workflow\":\"wf\",\"colour\":\"red\"}")
                .expectError(400, "unknown_parameter", "colour");
    }

    @Test
    void idempotencyKeyInHeaderAndBodyThatDifferIsIdempotencyKeyInvalid() {
        api().post(
                        "/v1/sessions",
                        "{\"workflow\":\"wf\",\"idempotency_key\":\"one\"}",
                        Map.of("Idempotency-Key", "two"))
                .expectError(400, "idempotency_key_invalid", "idempotency_key");
    }

    @Test
    void nonStringIdempotencyKeyInBodyIsIdempotencyKeyInvalid() {
        api().post("/v1/sessions", "{\"workflow\":\"wf\",\"idempotency_key\":5}")
                .expectError(400, "idempotency_key_invalid", "idempotency_key");
    }

    // ---- the body as a whole ----------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(
            strings = {
                "not json",
                "{\"workflow\":",
                "[]",
                "\"wf\"",
                "null",
                "{\"workflow\":\"wf\"} {}",
                "{\"workflow\":\"wf\",\"workflow\":\"wf\"}",
                "{'workflow':'wf'}"
            })
    void bodyThatIsNotOneJsonObjectIsBodyInvalid(String body) {
        api().post("/v1/sessions", body).expectError(400, "body_invalid");
    }

    @Test
    void emptyBodyIsBodyInvalid() {
        api().send("POST", "/v1/sessions", "", "application/json", Map.of()).expectError(400, "body_invalid");
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", "application/jsonx", "image/png"})
    void wrongContentTypeIsUnsupportedMediaType(String contentType) {
        api().send("POST", "/v1/sessions", "{\"workflow\":\"wf\"}", contentType, Map.of())
                .expectError(415, "unsupported_media_type");
    }

    @Test
    void missingContentTypeIsUnsupportedMediaType() {
        api().send("POST", "/v1/sessions", "{\"workflow\":\"wf\"}", null, Map.of())
                .expectError(415, "unsupported_media_type");
    }

    @Test
    void jsonContentTypeWithCharsetIsAccepted() {
        api().send("POST", "/v1/sessions", "{\"workflow\":\"wf\"}", "Application/JSON; charset=utf-8", Map.of())
                .expect(201);
    }

    @Test
    void bodyOfExactlyOneMebibyteIsAccepted() {
        String json = "{\"workflow\":\"one_mib\"}";
        String body = json + " ".repeat(1024 * 1024 - json.length());

        api().post("/v1/sessions", body).expect(201);
    }

    @Test
    void bodyOfOneMebibytePlusOneIsPayloadTooLarge() {
        String json = "{\"workflow\":\"one_mib\"}";
        String body = json + " ".repeat(1024 * 1024 + 1 - json.length());

        try (RawHttp raw = new RawHttp(SERVER.server().baseUrl())) {
            raw.head(
                    "POST",
                    "/v1/sessions",
                    Map.of(
                            "Authorization",
                            "Bearer " + SERVER.server().adminKey(),
                            "Content-Type",
                            "application/json",
                            "Content-Length",
                            String.valueOf(body.length())));
            RawHttp.Response r = raw.read();
            assertThat(r.status()).isEqualTo(413);
            assertThat(r.errorCode()).isEqualTo("payload_too_large");
        }
    }

    @Test
    void chunkedBodyOverOneMebibyteIsPayloadTooLarge() {
        byte[] chunk = " ".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
        try (RawHttp raw = new RawHttp(SERVER.server().baseUrl())) {
            raw.head(
                    "POST",
                    "/v1/sessions",
                    Map.of(
                            "Authorization",
                            "Bearer " + SERVER.server().adminKey(),
                            "Content-Type",
                            "application/json",
                            "Transfer-Encoding",
                            "chunked"));
            raw.write("11\r\n{\"workflow\":\"wf\"}\r\n");
            for (int i = 0; i < 16; i++) {
                raw.write(Integer.toHexString(chunk.length) + "\r\n")
                        .write(chunk)
                        .write("\r\n");
            }
            raw.write("0\r\n\r\n");
            RawHttp.Response r = raw.read();
            assertThat(r.status()).isEqualTo(413);
            assertThat(r.errorCode()).isEqualTo("payload_too_large");
        }
    }
}
