package com.nusomi.recorder.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The contract's caps on repeated list values (at most 100 per parameter, 200 in all, repeats counted as given):
 * past them a 400 naming the parameter, never a 500, whatever the number of values.
 */
class RepeatedValuesTest {
    @RegisterExtension
    static final LocalServer SERVER = new LocalServer();

    private static ApiCalls api() {
        return SERVER.admin();
    }

    private static String repeat(String param, int n, String prefix) {
        return IntStream.range(0, n).mapToObj(i -> param + "=" + prefix + i).collect(Collectors.joining("&"));
    }

    @Test
    void aHundredTagsAreAcceptedAndAllRequired() {
        String id = api().createSession("many_tags").get("id").asText();
        String other = api().createSession("many_tags").get("id").asText();
        for (int i = 0; i < 100; i++) {
            api().tag(id, "t" + i);
            if (i < 99) {
                api().tag(other, "t" + i);
            }
        }

        assertThat(api().listAll(repeat("tag", 100, "t"))).containsExactly(id);
        assertThat(api().listAll(repeat("tag", 99, "t"))).containsExactlyInAnyOrder(id, other);
    }

    @Test
    void aHundredNotTagsAreAcceptedAndNoneMayBeCarried() {
        String clean = api().createSession("many_not_tags").get("id").asText();
        String last = api().createSession("many_not_tags").get("id").asText();
        String first = api().createSession("many_not_tags").get("id").asText();
        api().tag(last, "n99");
        api().tag(first, "n0");
        api().tag(clean, "other");

        assertThat(api().listAll("workflow=many_not_tags&" + repeat("not_tag", 100, "n")))
                .containsExactly(clean);
        assertThat(api().listAll("workflow=many_not_tags&" + repeat("not_tag", 99, "n")))
                .containsExactlyInAnyOrder(clean, last);
    }

    @ParameterizedTest
    @ValueSource(ints = {101, 1200})
    void tooManyNotTagValuesAreParameterInvalid(int n) {
        api().get("/v1/sessions?" + repeat("not_tag", n, "n")).expectError(400, "parameter_invalid", "not_tag");
    }

    @Test
    void notTagValuesCountTowardTheTwoHundredInAll() {
        String q = repeat("tag", 100, "t") + "&" + repeat("not_tag", 100, "n");
        api().get("/v1/sessions?" + q).expect(200);

        api().get("/v1/sessions?" + q + "&workflow=wf").expectError(400, "parameter_invalid", "workflow");
        api().get("/v1/sessions?" + repeat("workflow", 100, "wf") + "&" + repeat("not_tag", 100, "n") + "&tag=t")
                .expectError(400, "parameter_invalid", "tag");
    }

    @ParameterizedTest
    @ValueSource(ints = {101, 933, 934, 1200})
    void tooManyTagValuesAreParameterInvalid(int n) {
        api().get("/v1/sessions?" + repeat("tag", n, "t")).expectError(400, "parameter_invalid", "tag");
    }

    @ParameterizedTest
    @ValueSource(strings = {"workflow", "status", "outcome", "actor.kind", "not_tag"})
    void everyRepeatableParameterTakesAtMostAHundredValues(String param) {
        String value = switch (param) {
            case "status" -> "created";
            case "outcome" -> "success";
            case "actor.kind" -> "human";
            default -> "wf";
        };
        String hundred = String.join("&", Collections.nCopies(100, param + "=" + value));
        api().get("/v1/sessions?" + hundred).expect(200);
        api().get("/v1/sessions?" + hundred + "&" + param + "=" + value).expectError(400, "parameter_invalid", param);
    }

    @Test
    void atMostTwoHundredValuesInAll() {
        String q = repeat("workflow", 100, "wf") + "&" + repeat("tag", 100, "t");
        api().get("/v1/sessions?" + q).expect(200);

        api().get("/v1/sessions?" + q + "&status=created").expectError(400, "parameter_invalid", "status");
    }

    @Test
    void eventTypesTakeAtMostAHundredValues() {
        String id = api().createRecording("typed").get("id").asText();
        api().get("/v1/sessions/" + id + "/events?" + repeat("type", 100, "x_t"))
                .expect(200);
        api().get("/v1/sessions/" + id + "/events?" + repeat("type", 101, "x_t"))
                .expectError(400, "parameter_invalid", "type");
    }

    @Test
    void aFailingRequestLogsItsIdAndCauseButNoSql() {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        ApiCalls.Response r;
        try (LocalServer broken = new LocalServer().start()) {
            ApiCalls calls = broken.admin();
            calls.get("/v1/sessions").expect(200);
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            try {
                breakTheSchema(broken); // every list query now fails inside the database
                r = calls.get("/v1/sessions?" + repeat("workflow", 50, "wf"));
            } finally {
                System.setErr(original);
            }
        }

        assertThat(r.status()).isGreaterThanOrEqualTo(500);
        String requestId = r.json().path("error").path("request_id").asText();
        List<String> lines = captured.toString(StandardCharsets.UTF_8)
                .lines()
                .filter(l -> l.contains(requestId))
                .toList();
        assertThat(lines).as("log lines naming %s", requestId).isNotEmpty();
        String log = captured.toString(StandardCharsets.UTF_8);
        assertThat(log).doesNotContainIgnoringCase("select ").doesNotContain("wf49");
        assertThat(log.length()).isLessThan(8_000);
    }

    private static void breakTheSchema(LocalServer server) {
        try (Connection c = server.connectDatabase();
                Statement st = c.createStatement()) {
            st.execute("ALTER TABLE sessions RENAME TO sessions_gone");
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }
}
