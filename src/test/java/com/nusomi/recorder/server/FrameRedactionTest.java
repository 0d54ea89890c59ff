package com.nusomi.recorder.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code POST /v1/sessions/{id}/frames:redact} [ext] against a real server: the pixels it paints, the frames it
 * touches, the image files it erases or keeps, its audit entry, and what a second call does.
 */
class FrameRedactionTest {
    /** The most a JPEG channel may be off: inside a painted rectangle from black, outside from the original. */
    static final int JPEG_TOLERANCE = 16;

    @RegisterExtension
    final LocalServer server = new LocalServer();

    private ApiCalls api() {
        return server.admin();
    }

    private JsonNode upload(String id, long seq, byte[] bytes, String type) {
        return upload(api(), id, seq, bytes, type).json();
    }

    static ApiCalls.Response upload(ApiCalls api, String id, long seq, byte[] bytes, String type) {
        return api.send(
                "POST",
                "/v1/sessions/" + id + "/frames?seq=" + seq + "&captured_at=2026-05-07T14:00:0" + (seq % 10) + "Z",
                bytes,
                type,
                Map.of());
    }

    private ApiCalls.Response redact(String id, String json) {
        return api().post("/v1/sessions/" + id + "/frames:redact", json);
    }

    private static String body(long from, long to, String rects) {
        return "{\"from_seq\":" + from + ",\"to_seq\":" + to + ",\"rects\":" + rects + ",\"reason\":\"card number\"}";
    }

    private static String rect(int x, int y, int w, int h) {
        return "{\"x\":" + x + ",\"y\":" + y + ",\"width\":" + w + ",\"height\":" + h + "}";
    }

    private byte[] image(String id, long seq) {
        return api().get("/v1/sessions/" + id + "/frames/" + seq).expect(200).body();
    }

    private Path file(String sha) {
        return server.dataDir().resolve("frames").resolve(sha.substring(0, 2)).resolve(sha + ".img");
    }

    private List<String> redactionEntries(String id) {
        List<String> details = new ArrayList<>();
        api().get("/v1/audit_logs?session_id=" + id + "&action=session.redacted")
                .expect(200)
                .json()
                .get("data")
                .forEach(e -> details.add(e.get("details").toString()));
        return details;
    }

    private static boolean inside(int x, int y, int rx, int ry, int rw, int rh) {
        return x >= rx && x < rx + rw && y >= ry && y < ry + rh;
    }

    @Test
    void aPngIsBlackInsideTheRectanglesAndUnchangedPixelForPixelOutside() {
        String id = api().createRecording("redact").get("id").asText();
        BufferedImage original = TestImages.noise(64, 48, 1);
        upload(id, 0, TestImages.encode(original, "png"), "image/png");

        redact(id, body(0, 0, "[" + rect(4, 6, 10, 8) + "," + rect(30, 20, 5, 25) + "]"))
                .expect(200);

        BufferedImage after = TestImages.decode(image(id, 0));
        assertThat(after.getWidth()).isEqualTo(64);
        assertThat(after.getHeight()).isEqualTo(48);
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 64; x++) {
                int expected =
                        inside(x, y, 4, 6, 10, 8) || inside(x, y, 30, 20, 5, 25) ? 0xff000000 : original.getRGB(x, y);
                assertThat(after.getRGB(x, y)).as("pixel %d,%d", x, y).isEqualTo(expected);
            }
        }
    }

    @Test
    void aJpegIsBlackInsideTheRectanglesAndCloseToTheOriginalOutside() {
        String id = api().createRecording("redact").get("id").asText();
        byte[] jpeg = TestImages.encode(TestImages.gradient(160, 120), "jpeg");
        BufferedImage original = TestImages.decode(jpeg);
        upload(id, 0, jpeg, "image/jpeg");

        JsonNode frame = redact(id, body(0, 0, "[" + rect(40, 32, 48, 40) + "]"))
                .expect(200)
                .json()
                .get("frames")
                .get(0);

        assertThat(frame.get("content_type").asText()).isEqualTo("image/jpeg");
        BufferedImage after = TestImages.decode(image(id, 0));
        int worstInside = 0;
        int worstOutside = 0;
        for (int y = 0; y < 120; y++) {
            for (int x = 0; x < 160; x++) {
                int d = inside(x, y, 40, 32, 48, 40)
                        ? TestImages.channelDistance(after.getRGB(x, y), 0xff000000)
                        : TestImages.channelDistance(after.getRGB(x, y), original.getRGB(x, y));
                if (inside(x, y, 40, 32, 48, 40)) {
                    worstInside = Math.max(worstInside, d);
                } else {
                    worstOutside = Math.max(worstOutside, d);
                }
            }
        }
        assertThat(worstInside).as("largest channel inside the rectangle").isLessThanOrEqualTo(JPEG_TOLERANCE);
        assertThat(worstOutside).as("largest change outside it").isLessThanOrEqualTo(JPEG_TOLERANCE);
    }

    @Test
    void aRedactedFrameHasANewHashSizeAndEtag() {
        String id = api().createRecording("redact").get("id").asText();
        JsonNode before = upload(id, 0, TestImages.encode(TestImages.noise(32, 32, 2), "png"), "image/png");

        JsonNode after = redact(id, body(0, 0, "[" + rect(0, 0, 16, 16) + "]"))
                .expect(200)
                .json()
                .get("frames")
                .get(0);

        ApiCalls.Response fetched =
                api().get("/v1/sessions/" + id + "/frames/0").expect(200);
        String sha = after.get("sha256").asText();
        assertThat(sha).isNotEqualTo(before.get("sha256").asText()).isEqualTo(FrameSha.of(fetched.body()));
        assertThat(after.get("bytes").asLong()).isEqualTo(fetched.body().length);
        assertThat(fetched.header("ETag")).isEqualTo("\"" + sha + "\"");
        assertThat(after.get("seq").asLong()).isZero();
        assertThat(after.get("captured_at").asText())
                .isEqualTo(before.get("captured_at").asText());
        assertThat(api().get("/v1/sessions/" + id + "/frames")
                        .expect(200)
                        .json()
                        .get("data")
                        .get(0)
                        .get("sha256")
                        .asText())
                .isEqualTo(sha);
    }

    @Test
    void oneFrameARangeOrARangeWithoutFramesIsRedacted() {
        String id = api().createRecording("redact").get("id").asText();
        List<String> shas = new ArrayList<>();
        for (int seq = 0; seq < 5; seq++) {
            shas.add(upload(id, seq, TestImages.encode(TestImages.noise(16, 16, seq), "png"), "image/png")
                    .get("sha256")
                    .asText());
        }
        String r = "[" + rect(0, 0, 4, 4) + "]";

        JsonNode one = redact(id, body(2, 2, r)).expect(200).json();
        JsonNode range = redact(id, body(1, 3, r)).expect(200).json();
        JsonNode none = redact(id, body(10, 20, r)).expect(200).json();

        assertThat(one.get("redacted").asInt()).isEqualTo(1);
        assertThat(one.get("frames").findValuesAsText("seq")).containsExactly("2");
        assertThat(range.get("redacted").asInt()).isEqualTo(3);
        assertThat(range.get("frames").findValuesAsText("seq")).containsExactly("1", "2", "3");
        assertThat(none.get("redacted").asInt()).isZero();
        assertThat(none.get("frames")).isEmpty();
        JsonNode listed =
                api().get("/v1/sessions/" + id + "/frames").expect(200).json().get("data");
        assertThat(listed.get(0).get("sha256").asText()).isEqualTo(shas.get(0));
        assertThat(listed.get(4).get("sha256").asText()).isEqualTo(shas.get(4));
        for (int seq = 1; seq <= 3; seq++) {
            assertThat(listed.get(seq).get("sha256").asText()).isNotEqualTo(shas.get(seq));
        }
    }

    @Test
    void theOldImageIsErasedWhenNoFrameUsesItAnyMore() {
        String id = api().createRecording("redact").get("id").asText();
        String old = upload(id, 0, TestImages.encode(TestImages.noise(16, 16, 5), "png"), "image/png")
                .get("sha256")
                .asText();
        assertThat(file(old)).exists();

        String sha = redact(id, body(0, 0, "[" + rect(0, 0, 8, 8) + "]"))
                .expect(200)
                .json()
                .get("frames")
                .get(0)
                .get("sha256")
                .asText();

        assertThat(file(old)).doesNotExist();
        assertThat(file(sha)).exists();
    }

    @Test
    void theOldImageIsKeptWhileAnotherFrameUsesIt() throws Exception {
        String id = api().createRecording("redact").get("id").asText();
        String other = api().createRecording("redact").get("id").asText();
        byte[] png = TestImages.encode(TestImages.noise(16, 16, 6), "png");
        String old = upload(id, 0, png, "image/png").get("sha256").asText();
        upload(id, 1, png, "image/png");
        upload(other, 0, png, "image/png");

        redact(id, body(0, 0, "[" + rect(0, 0, 8, 8) + "]")).expect(200);
        assertThat(file(old)).exists();
        assertThat(image(id, 1)).isEqualTo(png);

        redact(id, body(1, 1, "[" + rect(0, 0, 8, 8) + "]")).expect(200);
        assertThat(file(old)).exists();
        assertThat(Files.readAllBytes(file(old))).isEqualTo(png);
        assertThat(image(other, 0)).isEqualTo(png);

        redact(other, body(0, 0, "[" + rect(0, 0, 8, 8) + "]")).expect(200);
        assertThat(file(old)).doesNotExist();
    }

    @Test
    void theAuditLogRecordsTheRedactionWithoutPixels() throws Exception {
        String id = api().createRecording("redact").get("id").asText();
        for (int seq = 0; seq < 3; seq++) {
            upload(id, seq, TestImages.encode(TestImages.noise(16, 16, seq), "png"), "image/png");
        }

        redact(id, body(0, 5, "[" + rect(1, 2, 3, 4) + "]")).expect(200);

        JsonNode entry = api().get("/v1/audit_logs?session_id=" + id + "&action=session.redacted")
                .expect(200)
                .json()
                .get("data")
                .get(0);
        assertThat(entry.get("action").asText()).isEqualTo("session.redacted");
        assertThat(entry.get("session_id").asText()).isEqualTo(id);
        assertThat(entry.get("details"))
                .isEqualTo(ApiCalls.JSON.readTree("{\"from_seq\":0,\"to_seq\":5,"
                        + "\"rects\":[{\"x\":1,\"y\":2,\"width\":3,\"height\":4}],\"reason\":\"card number\","
                        + "\"redacted\":3}"));
    }

    @Test
    void aSecondIdenticalCallChangesNothing() {
        String id = api().createRecording("redact").get("id").asText();
        upload(id, 0, TestImages.encode(TestImages.noise(48, 32, 7), "png"), "image/png");
        upload(id, 1, TestImages.encode(TestImages.gradient(48, 32), "jpeg"), "image/jpeg");
        String request = body(0, 1, "[" + rect(5, 5, 20, 10) + "]");
        String first = redact(id, request).expect(200).text();
        byte[] png = image(id, 0);
        byte[] jpeg = image(id, 1);

        String second = redact(id, request).expect(200).text();

        assertThat(second).isEqualTo(first);
        assertThat(image(id, 0)).isEqualTo(png);
        assertThat(image(id, 1)).isEqualTo(jpeg);
        assertThat(redactionEntries(id)).hasSize(1);
    }

    @Test
    void aRectangleInsideOnesAlreadyPaintedChangesNothingAndALargerOneRepaints() {
        String id = api().createRecording("redact").get("id").asText();
        upload(id, 0, TestImages.encode(TestImages.noise(48, 32, 8), "png"), "image/png");
        String first = redact(id, body(0, 0, "[" + rect(5, 5, 20, 10) + "]"))
                .expect(200)
                .json()
                .get("frames")
                .get(0)
                .get("sha256")
                .asText();

        String inner = redact(id, body(0, 0, "[" + rect(6, 6, 5, 5) + "]"))
                .expect(200)
                .json()
                .get("frames")
                .get(0)
                .get("sha256")
                .asText();
        String larger = redact(id, body(0, 0, "[" + rect(0, 0, 30, 20) + "]"))
                .expect(200)
                .json()
                .get("frames")
                .get(0)
                .get("sha256")
                .asText();

        assertThat(inner).isEqualTo(first);
        assertThat(larger).isNotEqualTo(first);
        assertThat(redactionEntries(id)).hasSize(2);
    }

    @Test
    void theSameIdempotencyKeyReplaysTheFirstAnswer() {
        String id = api().createRecording("redact").get("id").asText();
        upload(id, 0, TestImages.encode(TestImages.noise(16, 16, 9), "png"), "image/png");
        String request = body(0, 0, "[" + rect(0, 0, 8, 8) + "]");
        Map<String, String> key = Map.of("Idempotency-Key", "redact-once");

        ApiCalls.Response first = api().post("/v1/sessions/" + id + "/frames:redact", request, key)
                .expect(200);
        ApiCalls.Response again = api().post("/v1/sessions/" + id + "/frames:redact", request, key)
                .expect(200);

        assertThat(again.text()).isEqualTo(first.text());
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(redactionEntries(id)).hasSize(1);
        api().post("/v1/sessions/" + id + "/frames:redact", body(0, 0, "[" + rect(0, 0, 9, 9) + "]"), key)
                .expectError(409, "idempotency_key_reused");
    }

    @Test
    void aRetriedUploadOfTheOriginalBytesReturnsTheRedactedFrame() {
        String id = api().createRecording("redact").get("id").asText();
        byte[] png = TestImages.encode(TestImages.noise(16, 16, 10), "png");
        upload(id, 0, png, "image/png");
        JsonNode redacted = redact(id, body(0, 0, "[" + rect(0, 0, 8, 8) + "]"))
                .expect(200)
                .json()
                .get("frames")
                .get(0);

        ApiCalls.Response retry = upload(api(), id, 0, png, "image/png").expect(200);

        assertThat(retry.json()).isEqualTo(redacted);
        upload(api(), id, 0, TestImages.encode(TestImages.noise(16, 16, 11), "png"), "image/png")
                .expectError(409, "frame_conflict");
        assertThat(api().session(id).get("frame_count").asLong()).isEqualTo(1);
    }

    @Test
    void aSealedSessionsFramesCanBeRedacted() {
        String id = api().createRecording("redact").get("id").asText();
        String old = upload(id, 0, TestImages.encode(TestImages.noise(16, 16, 12), "png"), "image/png")
                .get("sha256")
                .asText();
        api().stop(id);
        server.server().sealNow();
        assertThat(api().session(id).get("status").asText()).isEqualTo("sealed");

        JsonNode frame = redact(id, body(0, 0, "[" + rect(0, 0, 8, 8) + "]"))
                .expect(200)
                .json()
                .get("frames")
                .get(0);

        assertThat(frame.get("sha256").asText()).isNotEqualTo(old);
        assertThat(api().session(id).get("status").asText()).isEqualTo("sealed");
    }

    @Test
    void rectanglesAreClippedToTheImage() {
        String id = api().createRecording("redact").get("id").asText();
        BufferedImage original = TestImages.noise(20, 10, 13);
        String old = upload(id, 0, TestImages.encode(original, "png"), "image/png")
                .get("sha256")
                .asText();

        String outside = redact(id, body(0, 0, "[" + rect(20, 0, 5, 5) + "," + rect(0, 10, 5, 5) + "]"))
                .expect(200)
                .json()
                .get("frames")
                .get(0)
                .get("sha256")
                .asText();
        redact(id, body(0, 0, "[" + rect(15, 5, 1000, 2147483647) + "]")).expect(200);

        assertThat(outside).isEqualTo(old);
        BufferedImage after = TestImages.decode(image(id, 0));
        for (int y = 0; y < 10; y++) {
            for (int x = 0; x < 20; x++) {
                assertThat(after.getRGB(x, y))
                        .as("pixel %d,%d", x, y)
                        .isEqualTo(x >= 15 && y >= 5 ? 0xff000000 : original.getRGB(x, y));
            }
        }
    }
}
