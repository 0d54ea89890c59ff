package com.nusomi.recorder.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The admin policies of {@code serve}: {@code --auto-stop-abandoned} stops runs left recording, {@code --retention}
 * soft-deletes old sealed runs (purged 30 days later); both audited as the server's policy, with no key; both off by
 * default; all shown by {@code GET /v1/health}. Time is moved, never waited for.
 */
class PoliciesTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-07T14:00:00Z"));

    private LocalServer withPolicies() {
        return new LocalServer()
                .clock(clock)
                .tune(b -> b.retention(Duration.ofDays(90))
                        .autoStopAbandoned(Duration.ofHours(12))
                        .rateLimit("1000/s"))
                .start();
    }

    private static List<JsonNode> audit(ApiCalls api, String id, String action) {
        List<JsonNode> out = new ArrayList<>();
        api.get("/v1/audit_logs?session_id=" + id + "&action=" + action)
                .expect(200)
                .json()
                .get("data")
                .forEach(out::add);
        return out;
    }

    @Test
    void aRunLeftRecordingIsStoppedAsAbandonedOnceTheLimitHasPassed() {
        try (LocalServer server = withPolicies()) {
            ApiCalls api = server.admin();
            String left = api.createRecording("policies").get("id").asText();
            String created = api.createSession("policies").get("id").asText();
            clock.advance(Duration.ofHours(1));
            String younger = api.createRecording("policies").get("id").asText();

            clock.advance(Duration.ofHours(11).minusSeconds(1));
            assertThat(server.server().applyPoliciesNow()[0]).isZero();
            assertThat(api.session(left).get("status").asText()).isEqualTo("recording");

            clock.advance(Duration.ofSeconds(2));
            assertThat(server.server().applyPoliciesNow()[0]).isEqualTo(1);

            JsonNode stopped = api.session(left);
            assertThat(stopped.get("status").asText()).isEqualTo("stopped");
            assertThat(stopped.get("stop_reason").asText()).isEqualTo("abandoned");
            assertThat(stopped.get("outcome").asText()).isEqualTo("abandoned");
            assertThat(Instant.parse(stopped.get("stopped_at").asText())).isEqualTo(clock.instant());
            assertThat(api.session(younger).get("status").asText()).isEqualTo("recording");
            assertThat(api.session(created).get("status").asText())
                    .as("a session never started is not recording: left alone")
                    .isEqualTo("created");

            List<JsonNode> entries = audit(api, left, "session.stopped");
            assertThat(entries).hasSize(1);
            assertThat(entries.get(0).get("api_key_id").isNull()).isTrue();
            assertThat(entries.get(0).get("details").get("policy").asText()).isEqualTo("auto_stop_abandoned");
            assertThat(entries.get(0).get("details").get("stop_reason").asText())
                    .isEqualTo("abandoned");

            server.server().sealNow();
            assertThat(api.session(left).get("status").asText()).isEqualTo("sealed");
            assertThat(api.session(left).get("outcome").asText()).isEqualTo("abandoned");
            assertThat(server.server().applyPoliciesNow()[0])
                    .as("nothing left to stop")
                    .isZero();
        }
    }

    @Test
    void anAbandonedRunWithAVerdictKeepsTheVerdict() {
        try (LocalServer server = withPolicies()) {
            ApiCalls api = server.admin();
            String id = api.createRecording("policies").get("id").asText();
            api.tag(id, "outcome", "{\"value\":\"success\"}");
            clock.advance(Duration.ofHours(13));

            assertThat(server.server().applyPoliciesNow()[0]).isEqualTo(1);

            JsonNode s = api.session(id);
            assertThat(s.get("stop_reason").asText()).isEqualTo("abandoned");
            assertThat(s.get("outcome").asText())
                    .as("an explicit verdict comes first")
                    .isEqualTo("success");
        }
    }

    @Test
    void sealedRunsOlderThanTheRetentionAreSoftDeletedThenPurged() {
        try (LocalServer server = withPolicies()) {
            ApiCalls api = server.admin();
            String old = api.createRecording("policies").get("id").asText();
            api.stop(old);
            String stillRecording = api.createRecording("policies").get("id").asText();
            String notSealedYet = api.createRecording("policies").get("id").asText();
            server.server().sealNow();
            api.stop(notSealedYet);
            clock.advance(Duration.ofDays(1));
            String newer = api.createRecording("policies").get("id").asText();
            api.stop(newer);
            server.server().sealNow();

            clock.set(Instant.parse("2026-05-07T14:00:00Z")
                    .plus(Duration.ofDays(90))
                    .minusMillis(1));
            assertThat(server.server().applyPoliciesNow())
                    .as("the run still recording is stopped as abandoned; nothing sealed is old enough yet")
                    .containsExactly(1, 0);
            api.get("/v1/sessions/" + old).expect(200);
            assertThat(api.session(stillRecording).get("stop_reason").asText()).isEqualTo("abandoned");

            clock.advance(Duration.ofMillis(2));
            int[] changed = server.server().applyPoliciesNow();

            assertThat(changed)
                    .as("sealed and older than 90 days: the two sealed of the start; stopped is not sealed")
                    .containsExactly(0, 2);
            JsonNode gone = api.get("/v1/sessions/" + old).expectError(410, "session_deleted");
            assertThat(Instant.parse(gone.get("deleted_at").asText())).isEqualTo(clock.instant());
            assertThat(Instant.parse(gone.get("purge_at").asText()))
                    .isEqualTo(clock.instant().plus(Duration.ofDays(30)));
            api.get("/v1/sessions/" + newer).expect(200);
            api.get("/v1/sessions/" + stillRecording).expect(200);
            assertThat(api.listAll("deleted=only")).contains(old, notSealedYet).doesNotContain(newer);

            List<JsonNode> deleted = audit(api, old, "session.deleted");
            assertThat(deleted).hasSize(1);
            assertThat(deleted.get(0).get("api_key_id").isNull()).isTrue();
            assertThat(deleted.get(0).get("details").get("policy").asText()).isEqualTo("retention");

            clock.advance(Duration.ofDays(30));
            assertThat(server.server().purgeNow()).isEqualTo(2);
            api.get("/v1/sessions/" + old).expectError(404, "session_not_found");
            api.get("/v1/sessions/" + newer).expect(200);
        }
    }

    @Test
    void aRestoredRunStaysUntilTheNextRoundWhichDeletesItAgain() {
        try (LocalServer server = withPolicies()) {
            ApiCalls api = server.admin();
            String id = api.createRecording("policies").get("id").asText();
            api.stop(id);
            server.server().sealNow();
            clock.advance(Duration.ofDays(91));
            assertThat(server.server().applyPoliciesNow()[1]).isEqualTo(1);

            api.post("/v1/sessions/" + id + "/restore", null).expect(200);
            api.get("/v1/sessions/" + id).expect(200);
            assertThat(audit(api, id, "session.deleted")).hasSize(1);

            // the policy still holds: what is older than the retention goes (an admin who wants it kept raises it)
            assertThat(server.server().applyPoliciesNow()[1]).isEqualTo(1);
            api.get("/v1/sessions/" + id).expectError(410, "session_deleted");
            assertThat(audit(api, id, "session.deleted")).hasSize(2);
        }
    }

    @Test
    void thePoliciesRunByThemselvesInTheMaintenanceRounds() {
        try (LocalServer server = new LocalServer()
                .clock(clock)
                .purgeInterval(Duration.ofMillis(100))
                .tune(b -> b.autoStopAbandoned(Duration.ofHours(12)))
                .start()) {
            ApiCalls api = server.admin();
            String id = api.createRecording("policies").get("id").asText();
            clock.advance(Duration.ofHours(12).plusSeconds(1));

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> "abandoned"
                            .equals(api.session(id).path("stop_reason").asText()));
        }
    }

    @Test
    void policiesAreOffByDefault() {
        try (LocalServer server = new LocalServer().clock(clock).start()) {
            ApiCalls api = server.admin();
            String recording = api.createRecording("policies").get("id").asText();
            String sealed = api.createRecording("policies").get("id").asText();
            api.stop(sealed);
            server.server().sealNow();
            clock.advance(Duration.ofDays(1000));

            assertThat(server.server().applyPoliciesNow()).containsExactly(0, 0);
            assertThat(api.session(recording).get("status").asText()).isEqualTo("recording");
            api.get("/v1/sessions/" + sealed).expect(200);

            JsonNode policies =
                    api.as(null).get("/v1/health").expect(200).json().get("policies");
            assertThat(policies.get("retention").isNull()).isTrue();
            assertThat(policies.get("auto_stop_abandoned").isNull()).isTrue();
            assertThat(policies.get("rate_limit").isNull()).isTrue();
        }
    }

    @Test
    void healthShowsThePolicies() {
        try (LocalServer server = withPolicies()) {
            JsonNode health =
                    server.admin().as(null).get("/v1/health").expect(200).json();

            assertThat(health.get("status").asText()).isEqualTo("ok");
            JsonNode policies = health.get("policies");
            assertThat(policies.get("retention").asText()).isEqualTo("90d");
            assertThat(policies.get("auto_stop_abandoned").asText()).isEqualTo("12h");
            assertThat(policies.get("rate_limit").asText()).isEqualTo("1000/s");
        }
    }

    @Test
    void durationsAreReadAsTheListsSince() {
        assertThat(Policies.parseDuration("--retention", "0s")).isEqualTo(Duration.ZERO);
        assertThat(Policies.parseDuration("--retention", "90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Policies.parseDuration("--retention", "30m")).isEqualTo(Duration.ofMinutes(30));
        assertThat(Policies.parseDuration("--retention", "6h")).isEqualTo(Duration.ofHours(6));
        assertThat(Policies.parseDuration("--retention", "2d")).isEqualTo(Duration.ofDays(2));
        assertThat(Policies.parseDuration("--retention", "1w")).isEqualTo(Duration.ofDays(7));
        assertThat(Policies.format(Duration.ofDays(90))).isEqualTo("90d");
        assertThat(Policies.format(Duration.ofDays(14))).isEqualTo("2w");
        assertThat(Policies.format(Duration.ofSeconds(90))).isEqualTo("90s");
        for (String bad : new String[] {"", "90", "d", "-1d", "1y", "1.5h", "1234567d"}) {
            assertThatThrownBy(() -> Policies.parseDuration("--retention", bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("--retention");
        }
    }
}
