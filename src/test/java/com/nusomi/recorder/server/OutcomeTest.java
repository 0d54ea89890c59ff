package com.nusomi.recorder.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How a stopped session's outcome is derived, one precedence rule per test, and its recomputation on tagging. */
class OutcomeTest {
    @RegisterExtension
    static final LocalServer SERVER = new LocalServer();

    private static ApiCalls api() {
        return SERVER.admin();
    }

    private static String recording() {
        return api().createRecording("wf").get("id").asText();
    }

    private static String outcomeAfterStop(String id) {
        return api().stop(id).get("outcome").asText();
    }

    @Test
    void outcomeIsNullWhileCreatedOrRecording() {
        String id = api().createSession("wf").get("id").asText();
        assertThat(api().session(id).get("outcome").isNull()).isTrue();

        api().start(id);

        assertThat(api().session(id).get("outcome").isNull()).isTrue();
    }

    @Test
    void aPlainStoppedRunIsSuccess() {
        assertThat(outcomeAfterStop(recording())).isEqualTo("success");
    }

    @ParameterizedTest
    @ValueSource(strings = {"success", "error", "abandoned"})
    void explicitOutcomeTagIsTheVerdict(String verdict) {
        String id = recording();
        api().tag(id, "outcome", "{\"value\":\"" + verdict + "\"}");

        assertThat(outcomeAfterStop(id)).isEqualTo(verdict);
    }

    @Test
    void explicitOutcomeTagWinsOverAnErrorTag() {
        String id = recording();
        api().tag(id, "upload_failed");
        api().tag(id, "outcome", "{\"value\":\"success\"}");

        assertThat(outcomeAfterStop(id)).isEqualTo("success");
    }

    @Test
    void explicitOutcomeTagWinsOverNeverStarted() {
        String id = api().createSession("wf").get("id").asText();
        api().tag(id, "outcome", "{\"value\":\"success\"}");

        assertThat(outcomeAfterStop(id)).isEqualTo("success");
    }

    @Test
    void newestOutcomeTagWins() {
        String id = recording();
        api().tag(id, "outcome", "{\"value\":\"error\"}");
        api().tag(id, "outcome", "{\"value\":\"success\"}");

        assertThat(outcomeAfterStop(id)).isEqualTo("success");
    }

    @Test
    void outcomeTagWithoutAVerdictValueIsNoVerdict() {
        String id = recording();
        api().tag(id, "outcome", "{\"value\":\"error\"}");
        api().tag(id, "outcome", "{\"value\":\"maybe\"}");
        api().tag(id, "outcome", "{\"verdict\":\"success\"}");

        assertThat(outcomeAfterStop(id)).isEqualTo("error");
    }

    @ParameterizedTest
    @ValueSource(strings = {"error", "upload_error", "approval_failed"})
    void errorTagMakesItAnError(String name) {
        String id = recording();
        api().tag(id, name);

        assertThat(outcomeAfterStop(id)).isEqualTo("error");
    }

    @ParameterizedTest
    @ValueSource(strings = {"errors", "error_count", "failed_over", "no_errors_seen"})
    void tagsThatOnlyMentionErrorsDoNotMakeItAnError(String name) {
        String id = recording();
        api().tag(id, name);

        assertThat(outcomeAfterStop(id)).isEqualTo("success");
    }

    @Test
    void errorTagWinsOverNeverStarted() {
        String id = api().createSession("wf").get("id").asText();
        api().tag(id, "setup_failed");

        assertThat(outcomeAfterStop(id)).isEqualTo("error");
    }

    @Test
    void neverStartedIsAbandoned() {
        String id = api().createSession("wf").get("id").asText();

        assertThat(outcomeAfterStop(id)).isEqualTo("abandoned");
    }

    @Test
    void batchStopOfARecordingSessionIsAbandoned() {
        String id = recording();

        var r = api().post("/v1/sessions:batch_stop", "{\"ids\":[\"" + id + "\"]}")
                .expect(200)
                .json();

        assertThat(r.get("data").get(0).get("outcome").asText()).isEqualTo("abandoned");
        assertThat(api().session(id).get("outcome").asText()).isEqualTo("abandoned");
    }

    @Test
    void deletingARecordingSessionMakesItAbandoned() {
        String id = recording();

        assertThat(api().softDelete(id).get("outcome").asText()).isEqualTo("abandoned");
    }

    @Test
    void verdictTagOnASealedSessionChangesItsOutcome() {
        String id = recording();
        api().stop(id);
        SERVER.server().sealNow();
        assertThat(api().session(id).get("outcome").asText()).isEqualTo("success");

        api().tag(id, "outcome", "{\"value\":\"error\"}");

        assertThat(api().session(id).get("outcome").asText()).isEqualTo("error");
        assertThat(api().session(id).get("status").asText()).isEqualTo("sealed");
    }

    @Test
    void errorTagOnAStoppedSessionChangesItsOutcome() {
        String id = recording();
        api().stop(id);

        api().tag(id, "review_failed");

        assertThat(api().session(id).get("outcome").asText()).isEqualTo("error");
    }

    @Test
    void recomputedOutcomeIsWhatTheOutcomeFilterSees() {
        String id = api().createRecording("recomputed_outcome").get("id").asText();
        api().stop(id);
        api().tag(id, "outcome", "{\"value\":\"abandoned\"}");

        assertThat(api().listAll("workflow=recomputed_outcome&outcome=abandoned"))
                .containsExactly(id);
        assertThat(api().listAll("workflow=recomputed_outcome&outcome=success")).isEmpty();
    }
}
