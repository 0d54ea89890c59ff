package com.nusomi.recorder.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.f4b6a3.ulid.UlidCreator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code paused_ms} [ext]: the time between the recorder's {@code pause} and {@code resume} marker events, kept on
 * the session as its events are stored, while {@code duration_ms} stays the contract's wall time.
 */
class PausesTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-07T14:00:00Z"));

    @RegisterExtension
    final LocalServer server = new LocalServer().clock(clock);

    private ApiCalls api() {
        return server.admin();
    }

    @Test
    void aPauseOfNSecondsLeavesTheDurationNSecondsShorterThanTheWallTime() {
        Instant start = clock.instant();
        String id = api().createRecording("paused_run").get("id").asText();
        clock.advance(Duration.ofSeconds(10));
        markers(id, marker("pause"));
        clock.advance(Duration.ofSeconds(12)); // N = 12 s paused
        markers(id, marker("resume"));
        clock.advance(Duration.ofSeconds(8));

        JsonNode stopped = api().stop(id);

        long wall = Duration.between(start, clock.instant()).toMillis();
        assertThat(stopped.get("duration_ms").asLong())
                .as("duration_ms stays wall time")
                .isEqualTo(wall)
                .isEqualTo(30_000);
        assertThat(stopped.get("paused_ms").asLong()).isEqualTo(12_000);
        assertThat(stopped.get("duration_ms").asLong()
                        - stopped.get("paused_ms").asLong())
                .isEqualTo(wall - 12_000);
        assertThat(api().session(id).get("paused_ms").asLong()).isEqualTo(12_000);
        assertThat(listed(id).get("paused_ms").asLong())
                .as("in a list, from the session row")
                .isEqualTo(12_000);
    }

    @Test
    void aPauseNotResumedRunsToNowWhileRecordingAndToTheStopAfter() {
        String id = api().createRecording("paused_run").get("id").asText();
        clock.advance(Duration.ofSeconds(5));
        markers(id, marker("pause"), marker("resume", clock.instant().plusSeconds(1)));
        clock.advance(Duration.ofSeconds(4));
        markers(id, marker("pause"));
        clock.advance(Duration.ofSeconds(4));

        assertThat(api().session(id).get("paused_ms").asLong()).isEqualTo(5_000);
        clock.advance(Duration.ofSeconds(6));
        assertThat(listed(id).get("paused_ms").asLong()).isEqualTo(11_000);

        api().stop(id);
        clock.advance(Duration.ofMinutes(5));
        JsonNode s = api().session(id);
        assertThat(s.get("paused_ms").asLong())
                .as("the open pause ends at the stop")
                .isEqualTo(11_000);
        assertThat(s.get("duration_ms").asLong()).isEqualTo(19_000);
    }

    @Test
    void markersCountByTheirTimeAndRepeatsChangeNothing() {
        String id = api().createRecording("paused_run").get("id").asText();
        Instant t0 = clock.instant();
        clock.advance(Duration.ofSeconds(60));
        String resume = marker("resume", t0.plusSeconds(30));
        // the resume arrives first; a pause while paused and a resume while running count for nothing
        markers(id, resume, marker("resume", t0.plusSeconds(5)));
        markers(id, marker("pause", t0.plusSeconds(20)), marker("pause", t0.plusSeconds(25)));
        markers(id, resume); // a retried batch
        markers(id, marker("x_other", t0.plusSeconds(40)));

        assertThat(api().session(id).get("paused_ms").asLong()).isEqualTo(10_000);
        assertThat(api().get("/v1/sessions/" + id + "/events?type=marker")
                        .expect(200)
                        .json()
                        .get("data"))
                .hasSize(4);
    }

    @Test
    void aSessionNeverPausedHasNoPausedTimeAndOneNeverStartedNone() {
        String recording = api().createRecording("plain_run").get("id").asText();
        String created = api().createSession("plain_run").get("id").asText();
        clock.advance(Duration.ofSeconds(9));

        assertThat(api().session(recording).get("paused_ms").asLong()).isZero();
        assertThat(api().session(created).get("paused_ms").asLong()).isZero();
    }

    @Test
    void pausedTimeSurvivesARestart() {
        String id = api().createRecording("paused_run").get("id").asText();
        clock.advance(Duration.ofSeconds(2));
        markers(id, marker("pause"));
        clock.advance(Duration.ofSeconds(7));
        markers(id, marker("resume"));
        markers(id, marker("pause"));
        clock.advance(Duration.ofSeconds(1));
        api().stop(id);

        server.restart();

        JsonNode s = api().session(id);
        assertThat(s.get("paused_ms").asLong()).isEqualTo(8_000);
        assertThat(s.get("duration_ms").asLong()).isEqualTo(10_000);
    }

    // ---- helpers ----

    private void markers(String id, String... events) {
        api().post("/v1/sessions/" + id + "/events", "{\"events\":[" + String.join(",", events) + "]}")
                .expect(200);
    }

    private String marker(String kind) {
        return marker(kind, clock.instant());
    }

    private static String marker(String kind, Instant at) {
        String type = kind.startsWith("x_") ? kind : "marker";
        return "{\"id\":\"evt_" + UlidCreator.getUlid() + "\",\"type\":\"" + type + "\",\"at\":\"" + at
                + "\",\"data\":{\"kind\":\"" + kind + "\"}}";
    }

    private JsonNode listed(String id) {
        List<JsonNode> found = new ArrayList<>();
        api().get("/v1/sessions?limit=500").expect(200).json().get("data").forEach(s -> {
            if (s.get("id").asText().equals(id)) {
                found.add(s);
            }
        });
        assertThat(found).hasSize(1);
        return found.get(0);
    }
}
