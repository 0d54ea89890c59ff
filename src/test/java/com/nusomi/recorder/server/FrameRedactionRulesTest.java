package com.nusomi.recorder.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What {@code POST /v1/sessions/{id}/frames:redact} refuses, in the contract's error shape: bad bodies (400), keys
 * without the write scope (403), unknown or deleted sessions (404, 410), frames it cannot paint (415). A refused
 * request changes no frame.
 */
class FrameRedactionRulesTest {
    private static final String RECT = "{\"x\":0,\"y\":0,\"width\":4,\"height\":4}";

    @RegisterExtension
    static final LocalServer SERVER = new LocalServer();

    private static ApiCalls api() {
        return SERVER.admin();
    }

    private static ApiCalls.Response redact(ApiCalls api, String id, String json) {
        return api.post("/v1/sessions/" + id + "/frames:redact", json);
    }

    /** A session with one PNG frame (seq 0); returns its id. */
    private static String sessionWithAFrame() {
        String id = api().createRecording("redact_rules").get("id").asText();
        FrameRedactionTest.upload(api(), id, 0, TestImages.encode(TestImages.noise(16, 16, 1), "png"), "image/png")
                .expect(201);
        return id;
    }

    private static String sha(String id, long seq) {
        return api().get("/v1/sessions/" + id + "/frames")
                .expect(200)
                .json()
                .get("data")
                .get((int) seq)
                .get("sha256")
                .asText();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"to_seq\":0,\"rects\":[RECT]}|from_seq",
                "{\"from_seq\":0,\"rects\":[RECT]}|to_seq",
                "{\"from_seq\":-1,\"to_seq\":0,\"rects\":[RECT]}|from_seq",
                "{\"from_seq\":1.5,\"to_seq\":2,\"rects\":[RECT]}|from_seq",
                "{\"from_seq\":\"0\",\"to_seq\":0,\"rects\":[RECT]}|from_seq",
                "{\"from_seq\":5,\"to_seq\":4,\"rects\":[RECT]}|to_seq",
                "{\"from_seq\":0,\"to_seq\":10000,\"rects\":[RECT]}|to_seq",
                "{\"from_seq\":0,\"to_seq\":0}|rects",
                "{\"from_seq\":0,\"to_seq\":0,\"rects\":[]}|rects",
                "{\"from_seq\":0,\"to_seq\":0,\"rects\":RECT}|rects",
                "{\"from_seq\":0,\"to_seq\":0,\"rects\":[1]}|rects[0]",
                "{\"from_seq\":0,\"to_seq\":0,\"rects\":[RECT,{\"x\":-1,\"y\":0,\"width\":4,\"height\":4}]}|rects[1].x",
                "{\"from_seq\":0,\"to_seq\":0,\"rects\":[{\"x\":0,\"y\":-3,\"width\":4,\"height\":4}]}|rects[0].y",
                "{\"from_seq\":0,\"to_seq\":0,\"rects\":[{\"x\":0,\"y\":0,\"width\":0,\"height\":4}]}|rects[0].width",
                "{\"from_seq\":0,\"to_seq\":0,\"rects\":[{\"x\":0,\"y\":0,\"width\":4,\"height\":0}]}|rects[0].height",
                "{\"from_seq\":0,\"to_seq\":0,\"rects\":[{\"x\":0,\"y\":0,\"width\":4}]}|rects[0].height",
                "{\"from_seq\":0,\"to_seq\":0,\"rects\":[{\"x\":0.5,\"y\":0,\"width\":4,\"height\":4}]}|rects[0].x",
                "{\"from_seq\":0,\"to_seq\":0,\"rects\":[{\"x\":0,\"y\":0,\"width\":4,\"height\":4,\"z\":1}]}|rects[0].z",
                "{\"from_seq\":0,\"to_seq\":0,\"rects\":[RECT],\"reason\":7}|reason",
            })
    void aBadBodyIsParameterInvalidNamingTheField(String body, String param) {
        String id = sessionWithAFrame();
        String before = sha(id, 0);

        redact(api(), id, body.replace("RECT", RECT)).expectError(400, "parameter_invalid", param);

        assertThat(sha(id, 0)).isEqualTo(before);
    }

    @Test
    void moreThanFiftyRectanglesOrALongerReasonIsParameterInvalid() {
        String id = sessionWithAFrame();
        String rects = IntStream.range(0, 51).mapToObj(i -> RECT).collect(Collectors.joining(","));

        redact(api(), id, "{\"from_seq\":0,\"to_seq\":0,\"rects\":[" + rects + "]}")
                .expectError(400, "parameter_invalid", "rects");
        redact(
                        api(),
                        id,
                        "{\"from_seq\":0,\"to_seq\":0,\"rects\":[" + RECT + "],\"reason\":\"" + "r".repeat(501) + "\"}")
                .expectError(400, "parameter_invalid", "reason");
        redact(
                        api(),
                        id,
                        "{\"from_seq\":0,\"to_seq\":0,\"rects\":[" + rects.substring(RECT.length() + 1)
                                + "],\"reason\":\"" + "r".repeat(500) + "\"}")
                .expect(200);
    }

    @Test
    void anUnknownFieldIsUnknownParameterAndABodyThatIsNoObjectIsBodyInvalid() {
        String id = sessionWithAFrame();

        redact(api(), id, "{\"from_seq\":0,\"to_seq\":0,\"rects\":[" + RECT + "],\"color\":\"red\"}")
                .expectError(400, "unknown_parameter", "color");
        redact(api(), id, "[1]").expectError(400, "body_invalid");
    }

    @Test
    void aRangeOfTenThousandFramesIsAllowed() {
        String id = sessionWithAFrame();

        JsonNode answer = redact(api(), id, "{\"from_seq\":0,\"to_seq\":9999,\"rects\":[" + RECT + "]}")
                .expect(200)
                .json();

        assertThat(answer.get("redacted").asInt()).isEqualTo(1);
    }

    @Test
    void aKeyWithoutTheWriteScopeIsForbidden() {
        String id = sessionWithAFrame();
        String before = sha(id, 0);

        redact(SERVER.withScopes("read"), id, "{\"from_seq\":0,\"to_seq\":0,\"rects\":[" + RECT + "]}")
                .expectError(403, "insufficient_scope");

        assertThat(sha(id, 0)).isEqualTo(before);
        redact(SERVER.withScopes("write"), id, "{\"from_seq\":0,\"to_seq\":0,\"rects\":[" + RECT + "]}")
                .expect(200);
    }

    @Test
    void anUnknownSessionIsNotFoundAndADeletedOneIsGone() {
        String body = "{\"from_seq\":0,\"to_seq\":0,\"rects\":[" + RECT + "]}";
        redact(api(), "ses_01HZZZZZZZZZZZZZZZZZZZZZZZ", body).expectError(404, "session_not_found");
        String id = sessionWithAFrame();
        api().softDelete(id);

        JsonNode error = redact(api(), id, body).expectError(410, "session_deleted");

        assertThat(error.get("purge_at").asText()).isNotBlank();
        api().post("/v1/sessions/" + id + "/restore", null).expect(200);
        redact(api(), id, body).expect(200);
    }

    @Test
    void aRangeHoldingAWebpFrameIsRefusedWholeAndChangesNothing() {
        String id = sessionWithAFrame();
        FrameRedactionTest.upload(api(), id, 1, webp(16, 16), "image/webp").expect(201);
        String before = sha(id, 0);

        redact(api(), id, "{\"from_seq\":0,\"to_seq\":1,\"rects\":[" + RECT + "]}")
                .expectError(415, "unsupported_media_type");

        assertThat(sha(id, 0)).isEqualTo(before);
        assertThat(api().get("/v1/audit_logs?session_id=" + id + "&action=session.redacted")
                        .expect(200)
                        .json()
                        .get("data"))
                .isEmpty();
        redact(api(), id, "{\"from_seq\":0,\"to_seq\":0,\"rects\":[" + RECT + "]}")
                .expect(200);
    }

    /** The smallest WebP the upload accepts: a lossless (VP8L) header of this size, its pixels not checked. */
    private static byte[] webp(int width, int height) {
        byte[] b = new byte[40];
        System.arraycopy("RIFF".getBytes(StandardCharsets.US_ASCII), 0, b, 0, 4);
        b[4] = (byte) (b.length - 8);
        System.arraycopy("WEBPVP8L".getBytes(StandardCharsets.US_ASCII), 0, b, 8, 8);
        b[16] = (byte) (b.length - 20);
        b[20] = 0x2f;
        int bits = (width - 1) | (height - 1) << 14;
        for (int i = 0; i < 4; i++) {
            b[21 + i] = (byte) (bits >> (8 * i));
        }
        return b;
    }
}
