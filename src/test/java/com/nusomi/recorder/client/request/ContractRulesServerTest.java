package com.nusomi.recorder.client.request;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nusomi.recorder.server.ApiServer;
import com.nusomi.recorder.server.ServerConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The client-side rules agree with the server's: every value is sent to the real local server over plain HTTP
 * (not through our client, so that nothing of ours stands between) and the server's answer is compared with what
 * {@link ContractRules} says of the same value.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContractRulesServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DECIMAL = ",\"n\":1.10}";

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private ApiServer server;
    private String recordingId;

    @BeforeAll
    void start(@TempDir Path data) throws Exception {
        server = ApiServer.start(ServerConfig.builder().dataDir(data).port(0).build());
        JsonNode created = post("/v1/sessions", "{\"workflow\":\"rules_test\",\"start\":true}");
        recordingId = created.get("id").asText();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    /** The server's status, with the answer's JSON as the test's failure message. */
    private record Answer(int status, String body) {
        boolean accepted() {
            return status / 100 == 2;
        }
    }

    private Answer send(String path, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .header("Authorization", "Bearer " + server.adminKey())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.body());
    }

    private JsonNode post(String path, String body) throws Exception {
        Answer a = send(path, body);
        assertThat(a.accepted()).as(a.body()).isTrue();
        return JSON.readTree(a.body());
    }

    private static String workflowBody(String workflow) {
        ObjectNode body = JSON.createObjectNode();
        body.put("workflow", workflow);
        return body.toString();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ab",
                "process_invoice",
                "a_1",
                "__",
                "42",
                "a",
                "",
                "Process",
                "with space",
                "a-b",
                "é_x",
                "ＡＢ",
                "ab\n",
                " ab",
                "ab.c",
                "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
                "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
            })
    void aWorkflowIsAcceptedByTheServerExactlyWhenTheRulesAcceptIt(String workflow) throws Exception {
        Answer a = send("/v1/sessions", workflowBody(workflow));
        assertThat(a.accepted()).as(a.body()).isEqualTo(ContractRules.isSlug(workflow));
        assertThat(a.accepted()).as(a.body()).isEqualTo(ContractRules.slugProblem(workflow, "workflow") == null);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "outcome",
                "submitted_for_approval",
                "x",
                "Outcome",
                "out-come",
                "out come",
                "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
            })
    void aTagNameIsAcceptedByTheServerExactlyWhenTheRulesAcceptIt(String name) throws Exception {
        ObjectNode body = JSON.createObjectNode();
        body.put("name", name);
        Answer a = send("/v1/sessions/" + recordingId + "/tags", body.toString());
        assertThat(a.accepted()).as(a.body()).isEqualTo(ContractRules.isSlug(name));
    }

    /** Metadata whose compact form is {@code bytes} long, ending in a decimal with a trailing zero. */
    private static String metadataOf(int bytes) {
        String head = "{\"a\":\"";
        String pad = "x".repeat(bytes - head.length() - 1 - DECIMAL.length());
        return head + pad + "\"" + DECIMAL;
    }

    @ParameterizedTest
    @ValueSource(
            ints = {
                ContractRules.MAX_OBJECT_BYTES - 1,
                ContractRules.MAX_OBJECT_BYTES,
                ContractRules.MAX_OBJECT_BYTES + 1
            })
    void metadataIsAcceptedByTheServerExactlyWhenTheRulesAcceptIt(int bytes) throws Exception {
        String metadata = metadataOf(bytes);
        ContractRules.JsonCheck check = ContractRules.jsonObject(metadata, "metadata");
        assertThat(check.bytes()).isEqualTo(bytes);

        Answer a = send("/v1/sessions", "{\"workflow\":\"rules_test\",\"metadata\":" + metadata + "}");

        assertThat(a.accepted()).as(a.body()).isEqualTo(check.ok());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":1,\"a\":2}", "[1]", "\"text\"", "{\"a\":{\"b\":[1,2.50,null,true]}}"})
    void metadataTheRulesRefuseTheServerRefusesToo(String metadata) throws Exception {
        Answer a = send("/v1/sessions", "{\"workflow\":\"rules_test\",\"metadata\":" + metadata + "}");
        assertThat(a.accepted())
                .as(a.body())
                .isEqualTo(ContractRules.jsonObject(metadata, "metadata").ok());
    }

    @ParameterizedTest
    @ValueSource(ints = {ContractRules.MAX_EVENT_DATA_BYTES, ContractRules.MAX_EVENT_DATA_BYTES + 1})
    void eventDataIsAcceptedByTheServerExactlyWhenTheRulesAcceptIt(int bytes) throws Exception {
        Map<String, Object> data = Map.of("text", "x".repeat(bytes - "{\"text\":\"\"}".length()));
        ContractRules.JsonCheck check = ContractRules.eventData(data);
        assertThat(check.bytes()).isEqualTo(bytes);
        EventInput e = EventInput.builder("note").data(data).build();
        String batch = "{\"events\":[{\"id\":\"" + e.id() + "\",\"type\":\"note\",\"at\":\"" + e.at() + "\",\"data\":"
                + check.compact() + "}]}";

        Answer a = send("/v1/sessions/" + recordingId + "/events", batch);

        assertThat(a.accepted()).as(a.body()).isEqualTo(check.ok());
    }
}
