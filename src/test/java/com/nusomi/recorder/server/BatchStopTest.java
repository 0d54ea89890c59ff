package com.nusomi.recorder.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** POST /v1/sessions:batch_stop: each id stopped on its own, failures reported per id. */
class BatchStopTest {
    private static final String UNKNOWN = "ses_01HZX3AAAAAAAAAAAAAAAAAAAA";

    @RegisterExtension
    static final LocalServer SERVER = new LocalServer();

    private static ApiCalls api() {
        return SERVER.admin();
    }

    private static JsonNode batchStop(String... ids) {
        String list = Arrays.stream(ids).map(id -> "\"" + id + "\"").collect(Collectors.joining(","));
        return api().post("/v1/sessions:batch_stop", "{\"ids\":[" + list + "]}")
                .expect(200)
                .json();
    }

    private static Map<String, JsonNode> byId(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false)
                .collect(Collectors.toMap(n -> n.get("id").asText(), n -> n));
    }

    @Test
    void recordingSessionIsStoppedWithStopReasonBatchStop() {
        String id = api().createRecording("wf").get("id").asText();

        JsonNode s = batchStop(id).get("data").get(0);

        assertThat(s.get("id").asText()).isEqualTo(id);
        assertThat(s.get("status").asText()).isEqualTo("stopped");
        assertThat(s.get("stop_reason").asText()).isEqualTo("batch_stop");
        assertThat(s.get("stopped_at").isTextual()).isTrue();
        assertThat(api().session(id).get("stop_reason").asText()).isEqualTo("batch_stop");
    }

    @Test
    void createdSessionIsStoppedWithStopReasonBatchStop() {
        String id = api().createSession("wf").get("id").asText();

        JsonNode s = batchStop(id).get("data").get(0);

        assertThat(s.get("stop_reason").asText()).isEqualTo("batch_stop");
        assertThat(s.get("duration_ms").asLong()).isZero();
        assertThat(s.get("outcome").asText()).isEqualTo("abandoned");
    }

    @Test
    void alreadyStoppedSessionIsReturnedUnchanged() {
        String id = api().createRecording("wf").get("id").asText();
        JsonNode stopped = api().stop(id);

        JsonNode s = batchStop(id).get("data").get(0);

        assertThat(s).isEqualTo(stopped);
        assertThat(s.get("stop_reason").asText()).isEqualTo("stop");
    }

    @Test
    void eachIdSucceedsOrFailsOnItsOwn() {
        String recording = api().createRecording("wf").get("id").asText();
        String created = api().createSession("wf").get("id").asText();
        String deleted = api().createSession("wf").get("id").asText();
        api().softDelete(deleted);

        JsonNode r = batchStop(recording, UNKNOWN, created, deleted, "not_an_id");

        assertThat(byId(r.get("data")).keySet()).containsExactlyInAnyOrder(recording, created);
        Map<String, JsonNode> errors = byId(r.get("errors"));
        assertThat(errors.keySet()).containsExactlyInAnyOrder(UNKNOWN, deleted, "not_an_id");
        assertThat(errors.get(UNKNOWN).get("error").get("code").asText()).isEqualTo("session_not_found");
        assertThat(errors.get("not_an_id").get("error").get("code").asText()).isEqualTo("session_not_found");
        assertThat(errors.get(deleted).get("error").get("code").asText()).isEqualTo("session_deleted");
        assertThat(errors.values())
                .allSatisfy(
                        e -> assertThat(e.get("error").get("message").asText()).isNotBlank());
        assertThat(api().session(recording).get("status").asText()).isEqualTo("stopped");
    }

    @Test
    void duplicateIdsCountOnce() {
        String id = api().createRecording("wf").get("id").asText();

        JsonNode r = batchStop(id, id, id, UNKNOWN, UNKNOWN);

        assertThat(r.get("data")).hasSize(1);
        assertThat(r.get("errors")).hasSize(1);
    }

    @Test
    void allGoodIdsGiveAnEmptyErrorList() {
        String id = api().createRecording("wf").get("id").asText();

        assertThat(batchStop(id).get("errors")).isEmpty();
    }

    @Test
    void oneThousandIdsAreAccepted() {
        String[] ids = IntStream.range(0, 1000)
                .mapToObj(i -> String.format("ses_01HZX3AAAAAAAAAAAAAAA%05d", i))
                .toArray(String[]::new);

        JsonNode r = batchStop(ids);

        assertThat(r.get("errors")).hasSize(1000);
    }

    @Test
    void noIdsIsParameterInvalid() {
        api().post("/v1/sessions:batch_stop", "{\"ids\":[]}").expectError(400, "parameter_invalid", "ids");
    }

    @Test
    void moreThanOneThousandIdsIsParameterInvalid() {
        String list =
                IntStream.range(0, 1001).mapToObj(i -> "\"" + UNKNOWN + "\"").collect(Collectors.joining(","));

        api().post("/v1/sessions:batch_stop", "{\"ids\":[" + list + "]}").expectError(400, "parameter_invalid", "ids");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{}",
                "{\"ids\":null}",
                "{\"ids\":\"ses_x\"}",
                "{\"ids\":[1]}",
                "{\"ids\":[null]}",
                "{\"ids\":{}}"
            })
    void idsMustBeAnArrayOfStrings(String body) {
        api().post("/v1/sessions:batch_stop", body).expectError(400, "parameter_invalid", "ids");
    }

    @Test
    void unknownFieldIsUnknownParameter() {
        api().post("/v1/sessions:batch_stop", "{\"ids\":[\"" + UNKNOWN + "\"],\"force\":true}")
                .expectError(400, "unknown_parameter", "force");
    }
}
