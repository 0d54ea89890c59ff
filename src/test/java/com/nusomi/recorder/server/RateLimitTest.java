package com.nusomi.recorder.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code serve --rate-limit}: a token bucket per API key. Beyond it, 429 {@code rate_limited} in the contract's
 * error shape with {@code Retry-After} in whole seconds, rounded up; health and ready are never limited; each key
 * has a bucket of its own; the bucket fills again as the server's clock moves.
 */
class RateLimitTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-07T14:00:00Z"));

    @RegisterExtension
    final LocalServer server = new LocalServer().clock(clock).tune(b -> b.rateLimit("3/m"));

    @Test
    void aKeyBeyondItsRateIsAnswered429WithRetryAfterUntilItsBucketFills() {
        ApiCalls api = server.withScopes("read", "write");
        String id = api.createSession("limited").get("id").asText();
        api.get("/v1/sessions/" + id).expect(200);
        api.get("/v1/sessions?limit=1").expect(200);

        ApiCalls.Response refused = api.get("/v1/sessions/" + id);
        JsonNode error = refused.expectError(429, "rate_limited");
        assertThat(refused.header("Retry-After"))
                .as("60 s / 3 requests, none back yet")
                .isEqualTo("20");
        assertThat(error.get("message").asText()).contains("3/m");
        api.post("/v1/sessions", "{\"workflow\":\"limited\"}").expectError(429, "rate_limited");

        clock.advance(Duration.ofSeconds(19).plusMillis(1));
        api.get("/v1/sessions/" + id).expectError(429, "rate_limited");
        assertThat(api.get("/v1/sessions/" + id).header("Retry-After"))
                .as("rounded up")
                .isEqualTo("1");

        clock.advance(Duration.ofSeconds(1));
        api.get("/v1/sessions/" + id).expect(200);
        api.get("/v1/sessions/" + id).expectError(429, "rate_limited");

        clock.advance(Duration.ofMinutes(10));
        for (int i = 0; i < 3; i++) {
            api.get("/v1/sessions/" + id).expect(200);
        }
        api.get("/v1/sessions/" + id).expectError(429, "rate_limited");
    }

    @Test
    void eachKeyHasItsOwnBucket() {
        ApiCalls first = server.withScopes("read");
        ApiCalls second = server.withScopes("read");
        for (int i = 0; i < 3; i++) {
            first.get("/v1/sessions?limit=1").expect(200);
        }
        first.get("/v1/sessions?limit=1").expectError(429, "rate_limited");

        second.get("/v1/sessions?limit=1").expect(200);
    }

    @Test
    void healthAndReadyAreNeverLimited() {
        ApiCalls anonymous = server.admin().as(null);
        for (int i = 0; i < 20; i++) {
            anonymous.get("/v1/health").expect(200);
            anonymous.get("/v1/health/ready").expect(200);
        }
        assertThat(anonymous
                        .get("/v1/health")
                        .json()
                        .get("policies")
                        .get("rate_limit")
                        .asText())
                .isEqualTo("3/m");
    }

    @Test
    void aRefusedKeyIsNotCountedAgainstAnyBucket() {
        ApiCalls nobody = server.admin().as("nsk_test_not_a_key");
        for (int i = 0; i < 5; i++) {
            nobody.get("/v1/sessions").expectError(401, "api_key_invalid");
        }
        ApiCalls reader =
                new ApiCalls(server.server().baseUrl(), server.server().createKey(Set.of("read")));
        reader.get("/v1/sessions?limit=1").expect(200);
    }
}
