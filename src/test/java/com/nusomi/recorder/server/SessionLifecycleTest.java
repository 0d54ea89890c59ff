package com.nusomi.recorder.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Start and stop: the state machine created → recording → stopped → sealed, with a test clock for durations. */
class SessionLifecycleTest {
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-05-07T14:00:00Z"));

    @RegisterExtension
    static final LocalServer SERVER = new LocalServer().clock(CLOCK);

    private static ApiCalls api() {
        return SERVER.admin();
    }

    private static String id(JsonNode s) {
        return s.get("id").asText();
    }

    @Test
    void startMovesACreatedSessionToRecording() {
        String id = id(api().createSession("wf"));

        JsonNode s = api().start(id);

        assertThat(s.get("status").asText()).isEqualTo("recording");
        assertThat(Instant.parse(s.get("started_at").asText())).isEqualTo(CLOCK.instant());
        assertThat(s.get("outcome").isNull()).isTrue();
    }

    @Test
    void startingARecordingSessionReturnsItUnchanged() {
        JsonNode first = api().createRecording("wf");
        CLOCK.advance(Duration.ofSeconds(3));

        JsonNode again = api().start(id(first));

        assertThat(again.get("status").asText()).isEqualTo("recording");
        assertThat(again.get("started_at")).isEqualTo(first.get("started_at"));
    }

    @Test
    void startingAStoppedSessionIsSessionNotStartable() {
        String id = id(api().createRecording("wf"));
        api().stop(id);

        api().post("/v1/sessions/" + id + "/start", null).expectError(409, "session_not_startable");
    }

    @Test
    void startingASealedSessionIsSessionNotStartable() {
        String id = id(api().createRecording("wf"));
        api().stop(id);
        SERVER.server().sealNow();
        assertThat(api().session(id).get("status").asText()).isEqualTo("sealed");

        api().post("/v1/sessions/" + id + "/start", null).expectError(409, "session_not_startable");
    }

    @Test
    void durationWhileRecordingIsTheTimeSinceStart() {
        String id = id(api().createRecording("wf"));
        CLOCK.advance(Duration.ofMillis(4_250));

        assertThat(api().session(id).get("duration_ms").asLong()).isEqualTo(4_250);
    }

    @Test
    void stopSetsStoppedAtAndTheFinalDuration() {
        String id = id(api().createRecording("wf"));
        CLOCK.advance(Duration.ofSeconds(7));

        JsonNode s = api().stop(id);

        assertThat(s.get("status").asText()).isEqualTo("stopped");
        assertThat(Instant.parse(s.get("stopped_at").asText())).isEqualTo(CLOCK.instant());
        assertThat(s.get("duration_ms").asLong()).isEqualTo(7_000);
        assertThat(s.get("stop_reason").asText()).isEqualTo("stop");
        assertThat(s.get("outcome").asText()).isEqualTo("success");
    }

    @Test
    void durationStaysFixedOnceStopped() {
        String id = id(api().createRecording("wf"));
        CLOCK.advance(Duration.ofMillis(1_500));
        api().stop(id);
        CLOCK.advance(Duration.ofMinutes(10));

        assertThat(api().session(id).get("duration_ms").asLong()).isEqualTo(1_500);
    }

    @Test
    void stopIsIdempotent() {
        String id = id(api().createRecording("wf"));
        CLOCK.advance(Duration.ofSeconds(2));
        JsonNode first = api().stop(id);
        CLOCK.advance(Duration.ofSeconds(5));

        JsonNode second = api().stop(id);

        assertThat(second).isEqualTo(first);
    }

    @Test
    void stoppingASealedSessionReturnsItUnchanged() {
        String id = id(api().createRecording("wf"));
        api().stop(id);
        SERVER.server().sealNow();
        JsonNode sealed = api().session(id);
        CLOCK.advance(Duration.ofSeconds(5));

        assertThat(api().stop(id)).isEqualTo(sealed);
    }

    @Test
    void stoppingACreatedSessionKeepsDurationZeroAndIsAbandoned() {
        String id = id(api().createSession("wf"));
        CLOCK.advance(Duration.ofSeconds(9));

        JsonNode s = api().stop(id);

        assertThat(s.get("status").asText()).isEqualTo("stopped");
        assertThat(s.get("started_at").isNull()).isTrue();
        assertThat(s.get("duration_ms").asLong()).isZero();
        assertThat(s.get("outcome").asText()).isEqualTo("abandoned");
    }

    @Test
    void startAndStopOfAnUnknownSessionAreSessionNotFound() {
        String unknown = "ses_01HZX3AAAAAAAAAAAAAAAAAAAA";

        api().post("/v1/sessions/" + unknown + "/start", null).expectError(404, "session_not_found");
        api().post("/v1/sessions/" + unknown + "/stop", null).expectError(404, "session_not_found");
    }

    @Test
    void startOfAMalformedIdIsSessionNotFound() {
        api().post("/v1/sessions/not_an_id/start", null).expectError(404, "session_not_found");
    }

    @Test
    void startAndStopOfADeletedSessionAreSessionDeleted() {
        String id = id(api().createSession("wf"));
        api().softDelete(id);

        api().post("/v1/sessions/" + id + "/start", null).expectError(410, "session_deleted");
        api().post("/v1/sessions/" + id + "/stop", null).expectError(410, "session_deleted");
    }

    @Test
    void startAcceptsAnEmptyJsonObjectAsBody() {
        String id = id(api().createSession("wf"));

        api().post("/v1/sessions/" + id + "/start", "{}").expect(200);
    }

    @Test
    void startRefusesBodyFields() {
        String id = id(api().createSession("wf"));

        api().post("/v1/sessions/" + id + "/start", "{\"at\":1}").expectError(400, "unknown_parameter", "at");
    }

    @Test
    void stopRefusesANonJsonBodyType() {
        String id = id(api().createRecording("wf"));

        api().send("POST", "/v1/sessions/" + id + "/stop", "{}", "text/plain", Map.of())
                .expectError(415, "unsupported_media_type");
    }
}
