package com.nusomi.recorder.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Text and numbers a JSON body may hold but the server cannot keep faithfully: lone surrogates anywhere are 400
 * body_invalid; numbers that do not fit a double are refused by the field that holds them. Never a 5xx.
 */
class BodyTextTest {
    @RegisterExtension
    static final LocalServer SERVER = new LocalServer();

    private static ApiCalls api() {
        return SERVER.admin();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"workflow\":\"wf\",\"metadata\":{\"k\":\"\\ud800\"}}",
                "{\"workflow\":\"wf\",\"metadata\":{\"k\":\"x\\udc00y\"}}",
                "{\"workflow\":\"wf\",\"metadata\":{\"\\udc00\":1}}",
                "{\"workflow\":\"wf\",\"metadata\":{\"deep\":[{\"a\":[\"\\ud83d\"]}]}}",
                "{\"workflow\":\"wf\",\"actor\":{\"id\":\"\\ud800\",\"kind\":\"human\"}}",
                "{\"workflow\":\"wf\",\"metadata\":{\"k\":\"\\ude00\\ud83d\"}}",
                "{\"workflow\":\"\\ud800\"}",
            })
    void aLoneSurrogateInACreateIsBodyInvalid(String body) {
        api().post("/v1/sessions", body).expectError(400, "body_invalid");
    }

    @Test
    void aLoneSurrogateAsRawBytesIsBodyInvalid() {
        // ED A0 80: U+D800 encoded as if it were a character (CESU-8), not valid UTF-8.
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes("{\"workflow\":\"wf\",\"metadata\":{\"k\":\"".getBytes(StandardCharsets.UTF_8));
        b.writeBytes(new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80});
        b.writeBytes("\"}}".getBytes(StandardCharsets.UTF_8));

        api().send("POST", "/v1/sessions", b.toByteArray(), "application/json", Map.of())
                .expectError(400, "body_invalid");
    }

    @Test
    void aLoneSurrogateInATagOrEventIsBodyInvalid() {
        String id = api().createRecording("wf").get("id").asText();
        api().post("/v1/sessions/" + id + "/tags", "{\"name\":\"ok\",\"data\":{\"k\":\"\\udbff\"}}")
                .expectError(400, "body_invalid");
        api().post(
                        "/v1/sessions/" + id + "/events",
                        "{\"events\":[{\"id\":\"evt_01HZX3AAAAAAAAAAAAAAAAAAAA\","
                                + "\"type\":\"note\",\"at\":\"2026-05-07T14:00:00Z\",\"data\":{\"t\":\"\\ud800\"}}]}")
                .expectError(400, "body_invalid");
        api().post("/v1/sessions:batch_stop", "{\"ids\":[\"ses_\\ud800\"]}").expectError(400, "body_invalid");
    }

    @Test
    void aWholeSurrogatePairIsKept() {
        String id = api().create("{\"workflow\":\"wf\",\"metadata\":{\"k\":\"\\ud83d\\ude00\"}}")
                .get("id")
                .asText();

        assertThat(api().session(id).get("metadata").get("k").asText()).isEqualTo("\uD83D\uDE00");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "1e999999999",
                "-1e999999999",
                "1e309",
                "1e-999999999",
                "2.5e-400",
                "INTEGER_OF_401_DIGITS",
                "-DECIMAL_OF_401_DIGITS"
            })
    void aNumberThatDoesNotFitADoubleIsMetadataInvalid(String given) {
        String number = given.replace("INTEGER_OF_401_DIGITS", "1" + "0".repeat(400))
                .replace("DECIMAL_OF_401_DIGITS", "1" + "0".repeat(400) + ".5");
        api().post("/v1/sessions", "{\"workflow\":\"wf\",\"metadata\":{\"n\":" + number + "}}")
                .expectError(400, "metadata_invalid", "metadata");
        api().post("/v1/sessions", "{\"workflow\":\"wf\",\"metadata\":{\"a\":[{\"n\":" + number + "}]}}")
                .expectError(400, "metadata_invalid", "metadata");
    }

    @Test
    void aNumberThatDoesNotFitADoubleInTagOrEventDataIsParameterInvalid() {
        String id = api().createRecording("wf").get("id").asText();
        api().post("/v1/sessions/" + id + "/tags", "{\"name\":\"ok\",\"data\":{\"n\":1e999}}")
                .expectError(400, "parameter_invalid", "data");
        api().post(
                        "/v1/sessions/" + id + "/events",
                        "{\"events\":[{\"id\":\"evt_01HZX3AAAAAAAAAAAAAAAAAAAA\","
                                + "\"type\":\"note\",\"at\":\"2026-05-07T14:00:00Z\",\"data\":{\"n\":-1e999}}]}")
                .expectError(400, "parameter_invalid", "events[0].data");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "1.7976931348623157e308",
                "-1.7976931348623157e308",
                "4.9e-324",
                "0e999999999",
                "123456789012345678901234567890",
                "0.1",
                "-0.0",
                "42"
            })
    void numbersThatFitADoubleAreKept(String number) {
        String id = api().create("{\"workflow\":\"wf\",\"metadata\":{\"n\":" + number + "}}")
                .get("id")
                .asText();

        assertThat(api().session(id).get("metadata").get("n").isNumber()).isTrue();
    }
}
