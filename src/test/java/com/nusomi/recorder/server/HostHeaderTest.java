package com.nusomi.recorder.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A server bound to loopback answers only requests that name a loopback host: a web page whose DNS name was
 * rebound to 127.0.0.1 reaches the port, but its requests say Host: its-own-name, and get 403 host_not_allowed.
 */
class HostHeaderTest {
    @RegisterExtension
    static final LocalServer SERVER = new LocalServer();

    private static RawHttp.Response get(String host, String path, Map<String, String> headers) {
        StringBuilder wire = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n");
        headers.forEach((k, v) -> wire.append(k).append(": ").append(v).append("\r\n"));
        try (RawHttp raw = new RawHttp(SERVER.server().baseUrl())) {
            return raw.write(wire.append("\r\n").toString()).read();
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "attacker.example",
                "attacker.example:8765",
                "127.0.0.1.attacker.example",
                "localhost.attacker.example",
                "192.168.1.5"
            })
    void aForeignHostIsRefused(String host) {
        RawHttp.Response r = get(
                host,
                "/v1/sessions",
                Map.of("Authorization", "Bearer " + SERVER.server().adminKey()));

        assertThat(r.status()).isEqualTo(403);
        assertThat(r.errorCode()).isEqualTo("host_not_allowed");
        assertThat(r.json().path("error").path("type").asText()).isEqualTo("permission_error");
        assertThat(r.headers().get("request-id")).matches(ApiCalls.REQUEST_ID);
    }

    @Test
    void aForeignHostIsRefusedEvenForHealth() {
        assertThat(get("attacker.example", "/v1/health", Map.of()).status()).isEqualTo(403);
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "127.0.0.1", "[::1]", "recorder.localhost"})
    void loopbackHostsAreServed(String host) {
        int port = SERVER.server().port();
        assertThat(get(
                                host + ":" + port,
                                "/v1/sessions?limit=1",
                                Map.of(
                                        "Authorization",
                                        "Bearer " + SERVER.server().adminKey()))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aForeignHostWithABodyIsAnsweredAndClosed() {
        try (RawHttp raw = new RawHttp(SERVER.server().baseUrl())) {
            RawHttp.Response r = raw.write("POST /v1/sessions HTTP/1.1\r\nHost: attacker.example\r\n"
                            + "Content-Type: application/json\r\nContent-Length: 500\r\n\r\n{")
                    .read();

            assertThat(r.status()).isEqualTo(403);
            assertThat(r.headers().get("connection")).isEqualTo("close");
        }
    }

    @Test
    void aNonLoopbackBindChecksNoHost() {
        assertThat(ApiServer.isLoopback("127.0.0.1")).isTrue();
        assertThat(ApiServer.isLoopback("localhost")).isTrue();
        assertThat(ApiServer.isLoopback("0.0.0.0")).isFalse();
    }
}
