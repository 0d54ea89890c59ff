package com.nusomi.recorder.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Clients that lie about or dribble their requests get a quick answer and do not hold up anyone else. */
class AbuseTest {
    private static final String FIFTY_MIB = String.valueOf(50L * 1024 * 1024);

    @RegisterExtension
    static final LocalServer SERVER = new LocalServer();

    private static Map<String, String> headers(String... more) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Authorization", "Bearer " + SERVER.server().adminKey());
        h.put("Content-Type", "application/json");
        for (int i = 0; i < more.length; i += 2) {
            h.put(more[i], more[i + 1]);
        }
        return h;
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"/v1/sessions", "/v1/sessions:batch_stop", "/v1/sessions/{id}/tags", "/v1/sessions/{id}/start"})
    void declaredFiftyMebibyteBodyIsRefusedWithoutBeingRead(String route) {
        String path = route.replace(
                "{id}", SERVER.admin().createSession("wf").get("id").asText());

        RawHttp.Response r = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            try (RawHttp raw = new RawHttp(SERVER.server().baseUrl())) {
                raw.head("POST", path, headers("Content-Length", FIFTY_MIB));
                raw.write("{\"workflow\":\"" + "x".repeat(4096));
                return raw.read();
            }
        });

        assertThat(r.status()).isEqualTo(413);
        assertThat(r.errorCode()).isEqualTo("payload_too_large");
        assertThat(r.headers().get("request-id")).matches(ApiCalls.REQUEST_ID);
    }

    @Test
    void hugeBodyWithoutAKeyIsRefusedWithoutBeingRead() {
        RawHttp.Response r = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            try (RawHttp raw = new RawHttp(SERVER.server().baseUrl())) {
                raw.head(
                        "POST",
                        "/v1/sessions",
                        Map.of("Content-Type", "application/json", "Content-Length", FIFTY_MIB));
                raw.write("{");
                return raw.read();
            }
        });

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.errorCode()).isEqualTo("api_key_missing");
    }

    @Test
    void serverStillAnswersAfterRefusingAHugeBody() {
        try (RawHttp raw = new RawHttp(SERVER.server().baseUrl())) {
            raw.head("POST", "/v1/sessions", headers("Content-Length", FIFTY_MIB));
            assertThat(raw.read().status()).isEqualTo(413);
        }

        SERVER.admin().createSession("after_abuse");
    }

    @Test
    void clientsStalledMidHeadersDoNotStallOthers() {
        List<RawHttp> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < 16; i++) {
                stalled.add(new RawHttp(SERVER.server().baseUrl())
                        .write("POST /v1/sessions HTTP/1.1\r\nHost: localhost\r\nAuthoriz"));
            }

            assertTimeoutPreemptively(Duration.ofSeconds(15), () -> {
                for (int i = 0; i < 20; i++) {
                    SERVER.admin().createSession("not_stalled");
                    SERVER.admin().get("/v1/sessions?limit=1").expect(200);
                }
            });
        } finally {
            stalled.forEach(RawHttp::close);
        }
    }

    @Test
    void clientsStalledMidBodyDoNotStallOthers() {
        List<RawHttp> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < 16; i++) {
                RawHttp raw = new RawHttp(SERVER.server().baseUrl());
                raw.head("POST", "/v1/sessions", headers("Content-Length", "100"));
                raw.write("{\"workflow\":");
                stalled.add(raw);
            }

            assertTimeoutPreemptively(Duration.ofSeconds(15), () -> {
                for (int i = 0; i < 20; i++) {
                    SERVER.admin().createSession("not_stalled");
                }
            });
        } finally {
            stalled.forEach(RawHttp::close);
        }
    }
}
