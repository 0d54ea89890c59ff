package com.nusomi.recorder.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nusomi.recorder.client.internal.Json;
import com.nusomi.recorder.client.model.AppendEventsResult;
import com.nusomi.recorder.client.request.EventInput;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A retried event batch, injected with MockWebServer (a 503 the real server does not produce on demand):
 * the retry resends the same client-chosen event ids under the same idempotency key, so nothing is doubled.
 * The behaviour of frames and events is tested against the real server in {@link FramesAndEventsServerTest}.
 */
class EventRetryTest {
    private static final String SES = "ses_01HZX3ABCDEFGHJKMNPQRSTVWX";
    private MockWebServer server;
    private SessionsClient client;

    @BeforeEach
    void setUp() throws Exception {
        server = new MockWebServer();
        server.start();
        client = SessionsClient.builder()
                .baseUrl(server.url("/").toString())
                .apiKey("nsk_test_abcdefghijklmnop")
                .retryPolicy(RetryPolicy.defaults().withBackoff(Duration.ofMillis(1), Duration.ofMillis(2)))
                .build();
    }

    @AfterEach
    void tearDown() {
        client.close();
        server.close();
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder()
                .code(code)
                .setHeader("Content-Type", "application/json")
                .body(body)
                .build();
    }

    @Test
    void retriedBatchResendsTheSameEventIdsAndKey() throws Exception {
        server.enqueue(json(503, "{\"error\":{\"type\":\"api_error\",\"code\":\"internal_error\",\"message\":\"x\"}}"));
        server.enqueue(json(200, "{\"accepted\":2,\"duplicates\":0}"));
        EventInput click = EventInput.builder("click")
                .at(Instant.parse("2026-05-07T14:02:01.250Z"))
                .data(Map.of("x", 640, "y", 380))
                .build();
        EventInput note = EventInput.of("note", Instant.parse("2026-05-07T14:02:02Z"), null);

        AppendEventsResult result =
                client.events().append(SES, List.of(click, note)).execute();

        assertThat(result).isEqualTo(new AppendEventsResult(2, 0));
        RecordedRequest first = server.takeRequest();
        RecordedRequest second = server.takeRequest();
        assertThat(first.getBody().utf8()).isEqualTo(second.getBody().utf8());
        assertThat(first.getHeaders().get("Idempotency-Key"))
                .isEqualTo(second.getHeaders().get("Idempotency-Key"));
        JsonNode events = Json.mapper().readTree(first.getBody().utf8()).get("events");
        assertThat(events).hasSize(2);
        assertThat(events.get(0).get("id").asText())
                .isEqualTo(click.id())
                .startsWith("evt_")
                .hasSize(30);
        assertThat(events.get(0).get("type").asText()).isEqualTo("click");
        assertThat(events.get(0).get("at").asText()).isEqualTo("2026-05-07T14:02:01.250Z");
        assertThat(events.get(0).get("data").get("x").asInt()).isEqualTo(640);
        assertThat(events.get(1).has("data")).isFalse();
    }
}
