package com.nusomi.recorder.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nusomi.recorder.client.internal.Json;
import com.nusomi.recorder.client.model.AppendEventsResult;
import com.nusomi.recorder.client.model.Event;
import com.nusomi.recorder.client.model.Frame;
import com.nusomi.recorder.client.model.FrameImage;
import com.nusomi.recorder.client.request.EventInput;
import com.nusomi.recorder.client.request.EventQuery;
import com.nusomi.recorder.client.request.FrameUpload;
import com.nusomi.recorder.client.request.PageRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Frames and events [ext] on the wire, against MockWebServer because the local server does not offer these
 * endpoints yet (see {@link SessionsClientServerTest} for the real-server tests, which run once it does).
 */
class FramesAndEventsWireTest {
    private static final String SES = "ses_01HZX3ABCDEFGHJKMNPQRSTVWX";
    private MockWebServer server;
    private SessionsClient client;

    @BeforeEach
    void setUp() throws Exception {
        server = new MockWebServer();
        server.start();
        client = SessionsClient.builder().baseUrl(server.url("/").toString()).apiKey("nsk_test_abcdefghijklmnop")
                .retryPolicy(RetryPolicy.defaults().withBackoff(Duration.ofMillis(1), Duration.ofMillis(2)))
                .build();
    }

    @AfterEach
    void tearDown() {
        client.close();
        server.close();
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
    }

    @Test
    void uploadFrameSendsTheBytesWithSeqCaptureTimeAndContentType() throws Exception {
        server.enqueue(json(201, """
                {"seq":3,"captured_at":"2026-05-07T14:02:01.250Z","offset_ms":1250,"width":2,"height":1,
                 "content_type":"image/png","bytes":4,"sha256":"ab"}"""));
        byte[] image = {1, 2, 3, 4};

        ApiResult<Frame> result = client.withResults()
                .uploadFrame(SES, FrameUpload.png(3, Instant.parse("2026-05-07T14:02:01.250Z"), image));

        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/sessions/" + SES + "/frames");
        assertThat(request.getUrl().queryParameter("seq")).isEqualTo("3");
        assertThat(request.getUrl().queryParameter("captured_at")).isEqualTo("2026-05-07T14:02:01.250Z");
        assertThat(request.getHeaders().get("Content-Type")).isEqualTo("image/png");
        assertThat(request.getHeaders().get("Idempotency-Key")).isEqualTo(result.idempotencyKey()).isNotBlank();
        assertThat(request.getBody().toByteArray()).isEqualTo(image);
        assertThat(result.value().seq()).isEqualTo(3);
        assertThat(result.value().offsetMs()).isEqualTo(1250L);
        assertThat(result.httpStatus()).isEqualTo(201);
    }

    @Test
    void getFrameReturnsBytesContentTypeAndEtag() throws Exception {
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0x00};
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "image/jpeg")
                .setHeader("ETag", "\"abc123\"").body(new Buffer().write(jpeg)).build());

        FrameImage image = client.getFrame(SES, 7);

        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/v1/sessions/" + SES + "/frames/7");
        assertThat(image.bytes()).isEqualTo(jpeg);
        assertThat(image.contentType()).isEqualTo("image/jpeg");
        assertThat(image.etag()).isEqualTo("abc123");
    }

    @Test
    void appendEventsSendsClientChosenIdsAndReusesThemOnRetry() throws Exception {
        server.enqueue(json(503, "{\"error\":{\"type\":\"api_error\",\"code\":\"internal_error\",\"message\":\"x\"}}"));
        server.enqueue(json(200, "{\"accepted\":2,\"duplicates\":0}"));
        EventInput click = EventInput.builder("click").at(Instant.parse("2026-05-07T14:02:01.250Z"))
                .data(Map.of("x", 640, "y", 380)).build();
        EventInput note = EventInput.of("note", Instant.parse("2026-05-07T14:02:02Z"), null);

        AppendEventsResult result = client.appendEvents(SES, List.of(click, note));

        assertThat(result).isEqualTo(new AppendEventsResult(2, 0));
        RecordedRequest first = server.takeRequest();
        RecordedRequest second = server.takeRequest();
        assertThat(first.getBody().utf8()).isEqualTo(second.getBody().utf8());
        assertThat(first.getHeaders().get("Idempotency-Key")).isEqualTo(second.getHeaders().get("Idempotency-Key"));
        JsonNode events = Json.mapper().readTree(first.getBody().utf8()).get("events");
        assertThat(events).hasSize(2);
        assertThat(events.get(0).get("id").asText()).isEqualTo(click.id()).startsWith("evt_").hasSize(30);
        assertThat(events.get(0).get("type").asText()).isEqualTo("click");
        assertThat(events.get(0).get("at").asText()).isEqualTo("2026-05-07T14:02:01.250Z");
        assertThat(events.get(0).get("data").get("x").asInt()).isEqualTo(640);
        assertThat(events.get(1).has("data")).isFalse();
    }

    @Test
    void listEventsFiltersByTypeAndPagesThroughCursors() throws Exception {
        server.enqueue(json(200, """
                {"data":[{"id":"evt_1","type":"click","at":"2026-05-07T14:02:01Z","offset_ms":1,"data":{}}],
                 "next_cursor":"c2","has_more":true}"""));
        server.enqueue(json(200, """
                {"data":[{"id":"evt_2","type":"error","at":"2026-05-07T14:02:02.5Z","offset_ms":2,"data":{}}],
                 "next_cursor":null,"has_more":false}"""));

        List<Event> events = client.listAllEvents(SES, EventQuery.ofTypes("click", "error").withLimit(1))
                .stream().collect(Collectors.toList());

        assertThat(events).extracting(Event::id).containsExactly("evt_1", "evt_2");
        RecordedRequest first = server.takeRequest();
        assertThat(first.getUrl().queryParameterValues("type")).containsExactly("click", "error");
        assertThat(first.getUrl().queryParameter("limit")).isEqualTo("1");
        assertThat(first.getUrl().queryParameter("cursor")).isNull();
        assertThat(server.takeRequest().getUrl().queryParameter("cursor")).isEqualTo("c2");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void listFramesPagesInSeqOrder() throws Exception {
        server.enqueue(json(200, """
                {"data":[{"seq":0,"captured_at":"2026-05-07T14:02:01Z","content_type":"image/jpeg","bytes":10,
                          "sha256":"a"},
                         {"seq":1,"captured_at":"2026-05-07T14:02:02Z","content_type":"image/jpeg","bytes":11,
                          "sha256":"b"}],
                 "next_cursor":null,"has_more":false}"""));

        Page<Frame> page = client.listFrames(SES, PageRequest.ofLimit(50));

        assertThat(page.data()).extracting(Frame::seq).containsExactly(0L, 1L);
        assertThat(page.hasMore()).isFalse();
        assertThat(server.takeRequest().getUrl().queryParameter("limit")).isEqualTo("50");
    }
}
