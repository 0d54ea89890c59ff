package com.nusomi.recorder.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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

    /**
     * A request Jetty refuses itself (here a path with an encoded NUL) before any handler can drop its body: the
     * answer goes out, and what the client still sends is read off and dropped until it ends its side. Jetty 12.1
     * closed such a connection as soon as more bytes came, over the unread ones, and the reset cost clients the
     * answer they had been sent (the fuzz test caught it about once in 300 such requests).
     */
    @Test
    void aBodyStillArrivingAfterJettyRefusedTheRequestIsDroppedNotReset() {
        byte[] part = new byte[50_000];
        Arrays.fill(part, (byte) '[');
        try (RawHttp raw = new RawHttp(local.server().baseUrl())) {
            raw.head(
                    "DELETE",
                    "/v1/sessions/ses_unread%00",
                    Map.of("Content-Type", "text/plain", "Content-Length", Integer.toString(4 * part.length)));
            raw.write(part);
            RawHttp.Response r = raw.read();
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.errorCode()).isEqualTo("request_malformed");
            assertThat(r.headers()).containsEntry("connection", "close");
            raw.write(part).write(part).write(part);
            assertThat(raw.finish()).as("bytes after the answer").isZero();
        }
    }

    /**
     * What the server drops after such an answer is bounded: a client that sends on and on (16 MiB announced) is cut
     * off after about a mebibyte, and the server goes on answering others.
     */
    @Test
    void aClientSendingOnAndOnAfterTheAnswerIsCutOff() {
        byte[] part = new byte[64 * 1024];
        Arrays.fill(part, (byte) '[');
        int parts = 256;
        int sent = 0;
        try (RawHttp raw = new RawHttp(local.server().baseUrl())) {
            raw.head(
                    "DELETE",
                    "/v1/sessions/ses_unread%00",
                    Map.of("Content-Type", "text/plain", "Content-Length", Integer.toString(parts * part.length)));
            raw.write(part);
            assertThat(raw.read().status()).isEqualTo(400);
            try {
                for (sent = 1; sent < parts; sent++) {
                    raw.write(part);
                }
            } catch (UncheckedIOException cutOff) {
                // the server closed the connection: what it was still sent resets it
            }
        }
        assertThat(sent).as("64 KiB parts written of %d", parts).isLessThan(parts);
        assertThat(admin.send("GET", "/v1/health", (String) null, null, Map.of())
                        .status())
                .isEqualTo(200);
    }
}
