package com.nusomi.recorder.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.f4b6a3.ulid.UlidCreator;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Frames and events [ext]: upload, idempotent replays, listing, images with ETags, files removed with sessions. */
class FramesEventsApiTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-07T14:00:00Z"));

    @RegisterExtension
    final LocalServer server = new LocalServer().clock(clock);

    private ApiCalls api() {
        return server.admin();
    }

    private static byte[] image(String format, Color color, int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, w, h);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private ApiCalls.Response upload(String id, long seq, byte[] bytes, String type) {
        return api().send(
                        "POST",
                        "/v1/sessions/" + id + "/frames?seq=" + seq + "&captured_at="
                                + clock.instant().plusMillis(seq * 1000),
                        bytes,
                        type,
                        Map.of());
    }

    private static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    private List<Path> frameFiles() throws IOException {
        Path dir = server.dataDir().resolve("frames");
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void uploadStoresTheFrameWithItsSizeAndOffset() throws Exception {
        String id = api().createRecording("frames").get("id").asText();
        byte[] png = image("png", Color.RED, 64, 48);
        JsonNode f = upload(id, 0, png, "image/png").expect(201).json();
        assertThat(f.get("seq").asLong()).isZero();
        assertThat(f.get("width").asInt()).isEqualTo(64);
        assertThat(f.get("height").asInt()).isEqualTo(48);
        assertThat(f.get("content_type").asText()).isEqualTo("image/png");
        assertThat(f.get("bytes").asLong()).isEqualTo(png.length);
        assertThat(f.get("sha256").asText()).isEqualTo(sha256(png));
        assertThat(f.get("offset_ms").asLong()).isZero();
        JsonNode jpeg = upload(id, 1, image("jpg", Color.BLUE, 32, 16), "image/jpeg")
                .expect(201)
                .json();
        assertThat(jpeg.get("width").asInt()).isEqualTo(32);
        assertThat(jpeg.get("offset_ms").asLong()).isEqualTo(1000);
        assertThat(api().session(id).get("frame_count").asLong()).isEqualTo(2);
    }

    @Test
    void sameSeqSameBytesIsReplayedAndOtherBytesConflict() {
        String id = api().createRecording("frames").get("id").asText();
        byte[] png = image("png", Color.RED, 8, 8);
        String first = upload(id, 0, png, "image/png").expect(201).text();
        assertThat(upload(id, 0, png, "image/png").expect(200).text()).isEqualTo(first);
        upload(id, 0, image("png", Color.GREEN, 8, 8), "image/png").expectError(409, "frame_conflict");
        assertThat(api().session(id).get("frame_count").asLong()).isEqualTo(1);
    }

    @Test
    void framesOnlyWhileRecordingButAReplayAfterTheStopIsAbsorbed() {
        String created = api().createSession("frames").get("id").asText();
        byte[] png = image("png", Color.RED, 8, 8);
        upload(created, 0, png, "image/png").expectError(409, "session_not_recording");
        String id = api().createRecording("frames").get("id").asText();
        upload(id, 0, png, "image/png").expect(201);
        api().stop(id);
        upload(id, 0, png, "image/png").expect(200);
        upload(id, 1, png, "image/png").expectError(409, "session_not_recording");
    }

    @Test
    void badFramesAreRefusedWithTheirOwnCodes() {
        String id = api().createRecording("frames").get("id").asText();
        byte[] png = image("png", Color.RED, 8, 8);
        upload(id, 0, png, "image/gif").expectError(415, "unsupported_media_type");
        upload(id, 0, png, "image/jpeg").expectError(400, "frame_invalid");
        upload(id, 0, new byte[0], "image/png").expectError(400, "frame_invalid");
        api().send(
                        "POST",
                        "/v1/sessions/" + id + "/frames?seq=-1&captured_at=2026-05-07T14:00:00Z",
                        png,
                        "image/png",
                        Map.of())
                .expectError(400, "parameter_invalid", "seq");
        api().send("POST", "/v1/sessions/" + id + "/frames?seq=0&captured_at=yesterday", png, "image/png", Map.of())
                .expectError(400, "parameter_invalid", "captured_at");
        api().send("POST", "/v1/sessions/" + id + "/frames?seq=0", png, "image/png", Map.of())
                .expectError(400, "parameter_invalid", "captured_at");
        api().send(
                        "POST",
                        "/v1/sessions/" + id + "/frames?seq=0&captured_at=2026-05-07T14:00:00Z&x=1",
                        png,
                        "image/png",
                        Map.of())
                .expectError(400, "unknown_parameter", "x");
        upload("ses_01HZX3ABCDEFGHJKMNPQRSTVWX", 0, png, "image/png").expectError(404, "session_not_found");
    }

    @Test
    void aFrameOverTenMebibytesIsRefusedWithoutBeingRead() {
        String id = api().createRecording("frames").get("id").asText();
        // A raw socket: the server answers 413 from the declared length and closes, so a client still sending the
        // body could see the connection reset before it reads the answer.
        RawHttp.Response r = Assertions.assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            try (RawHttp raw = new RawHttp(server.server().baseUrl())) {
                raw.head(
                        "POST",
                        "/v1/sessions/" + id + "/frames?seq=0&captured_at=2026-05-07T14:00:00Z",
                        Map.of(
                                "Authorization",
                                "Bearer " + server.server().adminKey(),
                                "Content-Type",
                                "image/png",
                                "Content-Length",
                                Long.toString(10L * 1024 * 1024 + 1)));
                raw.write(new byte[4096]);
                return raw.read();
            }
        });
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.json().get("error").get("code").asText()).isEqualTo("payload_too_large");
        assertThat(api().session(id).get("frame_count").asLong()).isZero();
    }

    @Test
    void framesListInSeqOrderAcrossPagesAndImagesComeWithTheirEtag() throws Exception {
        String id = api().createRecording("frames").get("id").asText();
        List<byte[]> images = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            images.add(image("png", new Color(i * 40, 0, 0), 4, 4));
            upload(id, i, images.get(i), "image/png").expect(201);
        }
        List<Long> seqs = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api().get(
                            "/v1/sessions/" + id + "/frames?limit=2" + (cursor == null ? "" : "&cursor=" + cursor))
                    .expect(200)
                    .json();
            page.get("data").forEach(f -> seqs.add(f.get("seq").asLong()));
            cursor = page.get("next_cursor").isNull()
                    ? null
                    : page.get("next_cursor").asText();
            assertThat(page.get("has_more").asBoolean()).isEqualTo(cursor != null);
        } while (cursor != null);
        assertThat(seqs).containsExactly(0L, 1L, 2L, 3L, 4L);

        ApiCalls.Response img = api().get("/v1/sessions/" + id + "/frames/3").expect(200);
        assertThat(img.body()).isEqualTo(images.get(3));
        assertThat(img.header("Content-Type")).isEqualTo("image/png");
        String etag = img.header("ETag");
        assertThat(etag).isEqualTo("\"" + sha256(images.get(3)) + "\"");
        assertThat(api().send(
                                "GET",
                                "/v1/sessions/" + id + "/frames/3",
                                (byte[]) null,
                                null,
                                Map.of("If-None-Match", etag))
                        .status())
                .isEqualTo(304);
        api().get("/v1/sessions/" + id + "/frames/9").expectError(404, "frame_not_found");
        api().get("/v1/sessions/" + id + "/frames/abc").expectError(404, "frame_not_found");
    }

    @Test
    void framesSummaryHasEvenlySpacedThumbnails() {
        String id = api().createRecording("frames").get("id").asText();
        for (int i = 0; i < 30; i++) {
            upload(id, i, image("png", new Color(i * 8, 0, 0), 4, 4), "image/png")
                    .expect(201);
        }
        JsonNode summary = api().get("/v1/sessions/" + id + "?include=frames_summary")
                .expect(200)
                .json()
                .get("frames_summary");
        assertThat(summary.get("count").asLong()).isEqualTo(30);
        assertThat(summary.get("width").asInt()).isEqualTo(4);
        List<Long> thumbs = new ArrayList<>();
        summary.get("thumbnails").forEach(t -> thumbs.add(t.asLong()));
        assertThat(thumbs).hasSize(12).startsWith(0L).endsWith(29L).isSorted().doesNotHaveDuplicates();
        assertThat(summary.get("first_at").asText()).isEqualTo("2026-05-07T14:00:00.000Z");
        assertThat(summary.get("last_at").asText()).isEqualTo("2026-05-07T14:00:29.000Z");
    }

    private ApiCalls.Response uploadWithKey(String id, long seq, byte[] bytes, String key) {
        return api().send(
                        "POST",
                        "/v1/sessions/" + id + "/frames?seq=" + seq + "&captured_at="
                                + clock.instant().plusMillis(seq * 1000),
                        bytes,
                        "image/png",
                        Map.of("Idempotency-Key", key));
    }

    @Test
    void anUploadWithAnIdempotencyKeyStoresTheImageUnderItsHashAndAReplayReturnsTheSameFrame() throws Exception {
        String id = api().createRecording("frames").get("id").asText();
        byte[] png = image("png", Color.ORANGE, 16, 16);
        ApiCalls.Response first = uploadWithKey(id, 0, png, "frame-key-0").expect(201);
        ApiCalls.Response replay = uploadWithKey(id, 0, png, "frame-key-0").expect(201);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.body()).isEqualTo(first.body());
        assertThat(frameFiles()).singleElement().satisfies(f -> {
            assertThat(f.getFileName().toString()).isEqualTo(sha256(png) + ".img");
            assertThat(Files.readAllBytes(f)).isEqualTo(png);
        });
        assertThat(api().get("/v1/sessions/" + id + "/frames/0").expect(200).body())
                .isEqualTo(png);
    }

    @Test
    void anUploadRefusedWithOrWithoutAnIdempotencyKeyLeavesNoFileBehind() throws Exception {
        String created = api().createSession("frames").get("id").asText();
        uploadWithKey(created, 0, image("png", Color.RED, 8, 8), "refused-1").expectError(409, "session_not_recording");
        upload(created, 0, image("png", Color.RED, 8, 8), "image/png").expectError(409, "session_not_recording");
        assertThat(frameFiles()).isEmpty();

        String id = api().createRecording("frames").get("id").asText();
        byte[] kept = image("png", Color.BLUE, 8, 8);
        uploadWithKey(id, 0, kept, "kept-0").expect(201);
        uploadWithKey(id, 0, image("png", Color.GREEN, 8, 8), "conflict-0").expectError(409, "frame_conflict");
        upload(id, 0, image("png", Color.YELLOW, 8, 8), "image/png").expectError(409, "frame_conflict");
        assertThat(frameFiles())
                .singleElement()
                .satisfies(f -> assertThat(f.getFileName().toString()).isEqualTo(sha256(kept) + ".img"));
    }

    @Test
    void identicalImagesAreStoredOnceAndFilesGoWithHardDeleteAndPurge() throws Exception {
        byte[] shared = image("png", Color.MAGENTA, 4, 4);
        String a = api().createRecording("frames").get("id").asText();
        String b = api().createRecording("frames").get("id").asText();
        upload(a, 0, shared, "image/png").expect(201);
        upload(a, 1, shared, "image/png").expect(201);
        upload(b, 0, shared, "image/png").expect(201);
        upload(b, 1, image("png", Color.CYAN, 4, 4), "image/png").expect(201);
        assertThat(frameFiles()).hasSize(2);

        api().delete("/v1/sessions/" + b + "?hard=true").expect(200);
        assertThat(frameFiles()).hasSize(1);
        assertThat(api().get("/v1/sessions/" + a + "/frames/0").expect(200).body())
                .isEqualTo(shared);

        api().softDelete(a);
        clock.advance(Duration.ofDays(31));
        assertThat(server.server().purgeNow()).isEqualTo(1);
        assertThat(frameFiles()).isEmpty();
    }

    private static String event(String id, String type, String at, String data) {
        return "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"at\":\"" + at + "\""
                + (data == null ? "" : ",\"data\":" + data) + "}";
    }

    private static String batch(String... events) {
        return "{\"events\":[" + String.join(",", events) + "]}";
    }

    @Test
    void eventsAreAppendedOnceByIdAndListedByTimeWithATypeFilter() {
        String id = api().createRecording("events").get("id").asText();
        String e1 = event("evt_01HZX3ABCDEFGHJKMNPQRSTV01", "click", "2026-05-07T14:00:02Z", "{\"x\":1}");
        String e2 = event("evt_01HZX3ABCDEFGHJKMNPQRSTV02", "note", "2026-05-07T14:00:01Z", "{\"text\":\"hi\"}");
        String e3 = event("evt_01HZX3ABCDEFGHJKMNPQRSTV03", "x_custom_thing", "2026-05-07T14:00:03Z", null);
        JsonNode r = api().post("/v1/sessions/" + id + "/events", batch(e1, e2))
                .expect(200)
                .json();
        assertThat(r.get("accepted").asInt()).isEqualTo(2);
        assertThat(r.get("duplicates").asInt()).isZero();
        r = api().post("/v1/sessions/" + id + "/events", batch(e1, e2, e3))
                .expect(200)
                .json();
        assertThat(r.get("accepted").asInt()).isEqualTo(1);
        assertThat(r.get("duplicates").asInt()).isEqualTo(2);
        assertThat(api().session(id).get("event_count").asLong()).isEqualTo(3);

        List<String> types = new ArrayList<>();
        api().get("/v1/sessions/" + id + "/events")
                .expect(200)
                .json()
                .get("data")
                .forEach(e -> types.add(e.get("type").asText()));
        assertThat(types).containsExactly("note", "click", "x_custom_thing");
        JsonNode clicks = api().get("/v1/sessions/" + id + "/events?type=click&type=note")
                .expect(200)
                .json();
        assertThat(clicks.get("data")).hasSize(2);
        assertThat(clicks.get("data").get(0).get("offset_ms").asLong()).isEqualTo(1000);
        JsonNode embedded =
                api().get("/v1/sessions/" + id + "?include=events").expect(200).json();
        assertThat(embedded.get("events")).hasSize(3);
        assertThat(embedded.get("events_truncated").asBoolean()).isFalse();
    }

    @Test
    void anErrorEventMakesTheOutcomeError() {
        String id = api().createRecording("events").get("id").asText();
        api().post(
                        "/v1/sessions/" + id + "/events",
                        batch(event("evt_01HZX3ABCDEFGHJKMNPQRSTV04", "error", "2026-05-07T14:00:02Z", null)))
                .expect(200);
        assertThat(api().stop(id).get("outcome").asText()).isEqualTo("error");
    }

    @Test
    void eventsOnlyWhileRecordingButAStoredBatchReplayedAfterTheStopIsAbsorbed() {
        String id = api().createRecording("events").get("id").asText();
        String e1 = event("evt_01HZX3ABCDEFGHJKMNPQRSTV05", "click", "2026-05-07T14:00:02Z", null);
        api().post("/v1/sessions/" + id + "/events", batch(e1)).expect(200);
        api().stop(id);
        JsonNode replay = api().post("/v1/sessions/" + id + "/events", batch(e1))
                .expect(200)
                .json();
        assertThat(replay.get("duplicates").asInt()).isEqualTo(1);
        api().post(
                        "/v1/sessions/" + id + "/events",
                        batch(e1, event("evt_01HZX3ABCDEFGHJKMNPQRSTV06", "click", "2026-05-07T14:00:03Z", null)))
                .expectError(409, "session_not_recording");
    }

    @Test
    void badEventsNameTheFieldAtFault() {
        String id = api().createRecording("events").get("id").asText();
        String path = "/v1/sessions/" + id + "/events";
        api().post(path, "{\"events\":[]}").expectError(400, "parameter_invalid", "events");
        api().post(path, batch(event("evt_bad", "click", "2026-05-07T14:00:02Z", null)))
                .expectError(400, "parameter_invalid", "events[0].id");
        api().post(path, batch(event("evt_01HZX3ABCDEFGHJKMNPQRSTV07", "typing", "2026-05-07T14:00:02Z", null)))
                .expectError(400, "parameter_invalid", "events[0].type");
        api().post(path, batch(event("evt_01HZX3ABCDEFGHJKMNPQRSTV07", "click", "soon", null)))
                .expectError(400, "parameter_invalid", "events[0].at");
        api().post(path, batch(event("evt_01HZX3ABCDEFGHJKMNPQRSTV07", "click", "2026-05-07T14:00:02Z", "[1]")))
                .expectError(400, "parameter_invalid", "events[0].data");
        api().post(
                        path,
                        batch(event(
                                "evt_01HZX3ABCDEFGHJKMNPQRSTV07",
                                "click",
                                "2026-05-07T14:00:02Z",
                                "{\"s\":\"" + "x".repeat(4100) + "\"}")))
                .expectError(400, "parameter_invalid", "events[0].data");
        api().post(
                        path,
                        "{\"events\":[{\"id\":\"evt_01HZX3ABCDEFGHJKMNPQRSTV07\",\"type\":\"click\","
                                + "\"at\":\"2026-05-07T14:00:02Z\",\"extra\":1}]}")
                .expectError(400, "unknown_parameter", "events[0].extra");
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            many.add(event("evt_" + UlidCreator.getMonotonicUlid(), "click", "2026-05-07T14:00:02Z", null));
        }
        api().post(path, batch(many.toArray(String[]::new))).expectError(400, "parameter_invalid", "events");
        api().get(path + "?type=Bad").expectError(400, "parameter_invalid", "type");
        assertThat(api().session(id).get("event_count").asLong()).isZero();
    }
}
