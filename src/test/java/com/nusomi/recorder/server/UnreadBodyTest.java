package com.nusomi.recorder.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A body the server does not read (a GET's, or a refused request's) still lets the whole answer through: the
 * answer goes first and what is left of the body is dropped before the connection closes. Closing over the unread
 * bytes made the kernel reset the connection, and the client lost the end of a streamed list.
 */
class UnreadBodyTest {
    private static LocalServer local;
    private static ApiCalls admin;

    @BeforeAll
    static void start() {
        local = new LocalServer().start();
        admin = local.admin();
        for (int i = 0; i < 60; i++) {
            admin.createSession("unread_body_" + i);
        }
    }

    @AfterAll
    static void stop() {
        local.close();
    }

    @Test
    void aListAskedWithALargeIgnoredBodyArrivesWhole() {
        byte[] body = "[".repeat(200_000).getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < 20; i++) {
            ApiCalls.Response r = admin.send("GET", "/v1/sessions?limit=100", body, "application/json", Map.of());
            assertThat(r.status()).as("try %d: %s", i, r.text()).isEqualTo(200);
            assertThat(r.json().path("data").size()).as("try %d", i).isEqualTo(60);
        }
    }

    @Test
    void aRefusedRequestsBodyDoesNotCostItsAnswer() {
        byte[] body = "{\"workflow\":\"x\"}".repeat(20_000).getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < 20; i++) {
            ApiCalls.Response r = admin.as(null).send("POST", "/v1/sessions", body, "application/json", Map.of());
            assertThat(r.status()).as("try %d", i).isEqualTo(401);
            assertThat(r.json().path("error").path("code").asText()).isNotEmpty();
        }
    }
}
