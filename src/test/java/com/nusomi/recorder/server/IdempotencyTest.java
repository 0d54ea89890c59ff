package com.nusomi.recorder.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.nusomi.recorder.server.store.IdempotencyRecord;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Idempotency-Key on POSTs: replay, reuse, in flight, per API key, errors replayed, 24 hours. */
class IdempotencyTest {
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-05-07T14:00:00Z"));

    @RegisterExtension
    static final LocalServer SERVER = new LocalServer().clock(CLOCK);

    private static ApiCalls api() {
        return SERVER.admin();
    }

    private static String newKey() {
        return "idem-" + UUID.randomUUID();
    }

    private static String uniqueWorkflow() {
        return "idem_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    }

    private static ApiCalls.Response create(ApiCalls calls, String body, String key) {
        return calls.post("/v1/sessions", body, Map.of("Idempotency-Key", key));
    }

    @Test
    void sameKeyAndBodyReplaysTheFirstResponseByteForByte() {
        String key = newKey();
        String workflow = uniqueWorkflow();
        String body = "{\"workflow\":\"" + workflow + "\"}";

        ApiCalls.Response first = create(api(), body, key);
        CLOCK.advance(Duration.ofSeconds(3));
        ApiCalls.Response second = create(api(), body, key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(api().listAll("workflow=" + workflow)).hasSize(1);
    }

    @Test
    void replayCarriesARequestIdOfItsOwn() {
        String key = newKey();
        String body = "{\"workflow\":\"wf\"}";
        ApiCalls.Response first = create(api(), body, key);

        ApiCalls.Response second = create(api(), body, key);

        assertThat(second.header("Request-Id")).matches(ApiCalls.REQUEST_ID).isNotEqualTo(first.header("Request-Id"));
    }

    @Test
    void keyInTheBodyWorksLikeTheHeader() {
        String workflow = uniqueWorkflow();
        String body = "{\"workflow\":\"" + workflow + "\",\"idempotency_key\":\"" + newKey() + "\"}";

        ApiCalls.Response first = api().post("/v1/sessions", body).expect(201);
        ApiCalls.Response second = api().post("/v1/sessions", body).expect(201);

        assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(api().listAll("workflow=" + workflow)).hasSize(1);
    }

    @Test
    void sameKeyInHeaderAndBodyIsAccepted() {
        String key = newKey();

        api().post(
                        "/v1/sessions",
                        "{\"workflow\":\"wf\",\"idempotency_key\":\"" + key + "\"}",
                        Map.of("Idempotency-Key", key))
                .expect(201);
    }

    @Test
    void sameKeyWithAnotherBodyIsIdempotencyKeyReused() {
        String key = newKey();
        create(api(), "{\"workflow\":\"first_body\"}", key).expect(201);

        create(api(), "{\"workflow\":\"other_body\"}", key).expectError(409, "idempotency_key_reused");
    }

    @Test
    void sameKeyOnAnotherRouteIsIdempotencyKeyReused() {
        String key = newKey();
        String id = create(api(), "{\"workflow\":\"wf\"}", key)
                .expect(201)
                .json()
                .get("id")
                .asText();

        api().post("/v1/sessions/" + id + "/start", null, Map.of("Idempotency-Key", key))
                .expectError(409, "idempotency_key_reused");
    }

    @Test
    void keysBelongToTheirApiKey() {
        String key = newKey();
        String workflow = uniqueWorkflow();
        String body = "{\"workflow\":\"" + workflow + "\"}";
        ApiCalls other = SERVER.withScopes("read", "write");

        ApiCalls.Response mine = create(api(), body, key).expect(201);
        ApiCalls.Response theirs = create(other, body, key).expect(201);

        assertThat(theirs.header("Idempotent-Replayed")).isNull();
        assertThat(theirs.json().get("id")).isNotEqualTo(mine.json().get("id"));
        assertThat(api().listAll("workflow=" + workflow)).hasSize(2);
    }

    @Test
    void errorResponseIsReplayedToo() {
        String key = newKey();
        String body = "{\"workflow\":\"Not A Slug\"}";

        ApiCalls.Response first = create(api(), body, key);
        ApiCalls.Response second = create(api(), body, key);

        first.expectError(400, "workflow_invalid");
        assertThat(second.status()).isEqualTo(400);
        assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(second.body()).isEqualTo(first.body());
    }

    @Test
    void conflictOfAStartIsReplayedToo() {
        String id = api().createRecording("wf").get("id").asText();
        api().stop(id);
        String key = newKey();

        ApiCalls.Response first = api().post("/v1/sessions/" + id + "/start", null, Map.of("Idempotency-Key", key));
        ApiCalls.Response second = api().post("/v1/sessions/" + id + "/start", null, Map.of("Idempotency-Key", key));

        first.expectError(409, "session_not_startable");
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
    }

    @Test
    void retriedTagWithTheSameKeyAddsOneTag() {
        String id = api().createRecording("wf").get("id").asText();
        String key = newKey();

        for (int i = 0; i < 3; i++) {
            api().post("/v1/sessions/" + id + "/tags", "{\"name\":\"once\"}", Map.of("Idempotency-Key", key))
                    .expect(201);
        }

        assertThat(api().get("/v1/sessions/" + id + "?include=tags")
                        .expect(200)
                        .json()
                        .get("tags"))
                .hasSize(1);
    }

    @Test
    void keyIsForgottenAfterTwentyFourHours() {
        String key = newKey();
        create(api(), "{\"workflow\":\"day_one\"}", key).expect(201);
        CLOCK.advance(Duration.ofHours(24).plusSeconds(1));

        ApiCalls.Response later =
                create(api(), "{\"workflow\":\"day_two\"}", key).expect(201);

        assertThat(later.header("Idempotent-Replayed")).isNull();
        assertThat(later.json().get("workflow").asText()).isEqualTo("day_two");
    }

    @Test
    void keyOf255PrintableCharactersIsAccepted() {
        String key = "k".repeat(250) + " ~!@#";

        create(api(), "{\"workflow\":\"wf\"}", key).expect(201);
    }

    @Test
    void keyOf256CharactersIsIdempotencyKeyInvalid() {
        create(api(), "{\"workflow\":\"wf\"}", "k".repeat(256)).expectError(400, "idempotency_key_invalid");
    }

    @ParameterizedTest
    @ValueSource(strings = {"del\u007fkey", "nul\u0000key"})
    void keyWithAControlCharacterInTheHeaderIsNotValidHttpAndGetsTheErrorShape(String key) {
        // DEL and NUL may not appear in an HTTP field value at all (RFC 9110, 5.5): the HTTP layer refuses the
        // request before the key is looked at, in the error shape. The key rule itself is checked through the
        // body field below, where such characters can legally arrive.
        String workflow = uniqueWorkflow();
        String body = "{\"workflow\":\"" + workflow + "\"}";
        try (RawHttp raw = new RawHttp(SERVER.server().baseUrl())) {
            raw.head(
                            "POST",
                            "/v1/sessions",
                            Map.of(
                                    "Authorization",
                                    "Bearer " + SERVER.server().adminKey(),
                                    "Content-Type",
                                    "application/json",
                                    "Idempotency-Key",
                                    key,
                                    "Content-Length",
                                    String.valueOf(body.length())))
                    .write(body);

            RawHttp.Response r = raw.read();

            assertThat(r.status()).isEqualTo(400);
            assertThat(r.errorCode()).isEqualTo("request_malformed");
            assertThat(r.json().path("error").path("request_id").asText())
                    .matches(ApiCalls.REQUEST_ID)
                    .isEqualTo(r.headers().get("request-id"));
        }
        assertThat(api().get("/v1/sessions?workflow=" + workflow).json().path("data"))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"del\u007fkey", "caf\u00e9", "nul\u0000key", "tab\tkey"})
    void keyOutsidePrintableAsciiInTheBodyIsIdempotencyKeyInvalid(String key) {
        String body = ApiCalls.JSON
                .createObjectNode()
                .put("workflow", "wf")
                .put("idempotency_key", key)
                .toString();

        api().post("/v1/sessions", body).expectError(400, "idempotency_key_invalid");
    }

    @ParameterizedTest
    @ValueSource(strings = {"caf\u00e9"})
    void keyOutsidePrintableAsciiIsIdempotencyKeyInvalid(String key) {
        String body = "{\"workflow\":\"wf\"}";
        try (RawHttp raw = new RawHttp(SERVER.server().baseUrl())) {
            raw.head(
                            "POST",
                            "/v1/sessions",
                            Map.of(
                                    "Authorization",
                                    "Bearer " + SERVER.server().adminKey(),
                                    "Content-Type",
                                    "application/json",
                                    "Idempotency-Key",
                                    key,
                                    "Content-Length",
                                    String.valueOf(body.length())))
                    .write(body);

            RawHttp.Response r = raw.read();

            assertThat(r.status()).isEqualTo(400);
            assertThat(r.errorCode()).isEqualTo("idempotency_key_invalid");
        }
    }

    @Test
    void bodyKeyOf256CharactersIsIdempotencyKeyInvalid() {
        api().post("/v1/sessions", "{\"workflow\":\"wf\",\"idempotency_key\":\"" + "k".repeat(256) + "\"}")
                .expectError(400, "idempotency_key_invalid", "idempotency_key");
    }

    @Test
    void sameKeyWhileTheFirstRequestIsInFlightIsIdempotencyKeyInUse() {
        String key = newKey();
        String workflow = uniqueWorkflow();
        String body = "{\"workflow\":\"" + workflow + "\"}";
        int half = body.length() / 2;
        try (RawHttp slow = new RawHttp(SERVER.server().baseUrl())) {
            slow.head(
                    "POST",
                    "/v1/sessions",
                    Map.of(
                            "Authorization",
                            "Bearer " + SERVER.server().adminKey(),
                            "Content-Type",
                            "application/json",
                            "Idempotency-Key",
                            key,
                            "Content-Length",
                            String.valueOf(body.length())));
            slow.write(body.substring(0, half));
            await().atMost(Duration.ofSeconds(10)).until(() -> SERVER.server().bodiesArriving() > 0);

            create(api(), body, key).expectError(409, "idempotency_key_in_use");

            slow.write(body.substring(half));
            RawHttp.Response first = slow.read();
            assertThat(first.status()).isEqualTo(201);
            ApiCalls.Response retry = create(api(), body, key).expect(201);
            assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(retry.body()).isEqualTo(first.body());
        }
        assertThat(api().listAll("workflow=" + workflow)).hasSize(1);
    }

    @Test
    void inFlightConflictIsNotStored() {
        String key = newKey();
        String body = "{\"workflow\":\"wf\"}";
        JsonNode created = create(api(), body, key).expect(201).json();

        assertThat(create(api(), body, key).json()).isEqualTo(created);
    }

    @Test
    void aResponseStoredWithTheWholeBodyFingerprintOfEarlierVersionsIsStillReplayed() throws Exception {
        // Up to this version a fingerprint hashed the whole body; records stored then live for 24 hours.
        String key = newKey();
        String body = "{\"workflow\":\"" + uniqueWorkflow() + "\"}";
        MessageDigest d = MessageDigest.getInstance("SHA-256");
        for (String part : new String[] {"POST", "/v1/sessions", ""}) {
            d.update(part.getBytes(StandardCharsets.UTF_8));
            d.update((byte) 0);
        }
        d.update(body.getBytes(StandardCharsets.UTF_8));
        String legacy = HexFormat.of().formatHex(d.digest());
        // What the server answered then: a session of its own (a create now would make another, with another id).
        byte[] stored = api().post("/v1/sessions", body).expect(201).body();
        ApiServer server = SERVER.server();
        String apiKeyId = server.keys().lookup(server.adminKey()).id();
        server.store().write(tx -> {
            tx.saveIdempotency(new IdempotencyRecord(
                    apiKeyId, key, legacy, 201, "application/json; charset=utf-8", stored, CLOCK.millis()));
            return null;
        });

        ApiCalls.Response replay = create(api(), body, key).expect(201);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.body()).isEqualTo(stored);
        create(api(), "{\"workflow\":\"other\"}", key).expectError(409, "idempotency_key_reused");
    }
}
