package com.nusomi.recorder.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What every response shares: Request-Id, JSON errors, routing errors, unknown parameters; and health. */
class ProtocolTest {
    @RegisterExtension
    static final LocalServer SERVER = new LocalServer();

    private static ApiCalls api() {
        return SERVER.admin();
    }

    @Test
    void successCarriesARequestId() {
        ApiCalls.Response r = api().get("/v1/sessions").expect(200);

        assertThat(r.header("Request-Id")).matches(ApiCalls.REQUEST_ID);
    }

    @Test
    void createdCarriesARequestId() {
        assertThat(api().post("/v1/sessions", "{\"workflow\":\"wf\"}")
                        .expect(201)
                        .header("Request-Id"))
                .matches(ApiCalls.REQUEST_ID);
    }

    @Test
    void everyResponseHasItsOwnRequestId() {
        assertThat(api().get("/v1/health").header("Request-Id"))
                .isNotEqualTo(api().get("/v1/health").header("Request-Id"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "GET    | /v1/sessions/ses_01HZX3AAAAAAAAAAAAAAAAAAAA | 404",
                "GET    | /v1/nothing                                 | 404",
                "PUT    | /v1/sessions                                | 405",
                "POST   | /v1/sessions                                | 400",
                "GET    | /v1/sessions?limit=0                        | 400",
            })
    void errorCarriesTheSameRequestIdInHeaderAndBody(String method, String path, int status) {
        ApiCalls.Response r = api().send(
                        method,
                        path,
                        "POST".equals(method) ? "{}" : null,
                        "POST".equals(method) ? "application/json" : null,
                        Map.of())
                .expect(status);

        assertThat(r.header("Request-Id")).matches(ApiCalls.REQUEST_ID);
        assertThat(r.json().get("error").get("request_id").asText()).isEqualTo(r.header("Request-Id"));
    }

    @Test
    void unauthenticatedErrorCarriesTheSameRequestIdInHeaderAndBody() {
        ApiCalls.Response r = api().as(null).get("/v1/sessions");

        assertThat(r.expectError(401, "api_key_missing").get("request_id").asText())
                .isEqualTo(r.header("Request-Id"));
    }

    @Test
    void responsesAreJson() {
        assertThat(api().get("/v1/sessions").header("Content-Type")).isEqualTo("application/json; charset=utf-8");
        assertThat(api().get("/v1/nothing").header("Content-Type")).isEqualTo("application/json; charset=utf-8");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/",
                "/v1",
                "/v1/",
                "/v2/sessions",
                "/v1/session",
                "/v1/sessions/ses_x/frames/x/y",
                "/v1/sessions/ses_x/stop/now",
                "/v1/sessions//start",
                "/v1/sessions:batch_start"
            })
    void unknownRouteIsRouteNotFound(String path) {
        api().get(path).expectError(404, "route_not_found");
    }

    @Test
    void unknownRouteIsRouteNotFoundWithoutAKey() {
        api().as(null).post("/v1/nothing", "{}").expectError(404, "route_not_found");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "PUT    | /v1/sessions                             | GET POST",
                "DELETE | /v1/sessions                             | GET POST",
                "PATCH  | /v1/sessions/ses_01HZX3AAAAAAAAAAAAAAAAAAAA | DELETE GET",
                "POST   | /v1/sessions/ses_01HZX3AAAAAAAAAAAAAAAAAAAA | DELETE GET",
                "GET    | /v1/sessions/ses_01HZX3AAAAAAAAAAAAAAAAAAAA/start | POST",
                "GET    | /v1/sessions/ses_01HZX3AAAAAAAAAAAAAAAAAAAA/stop  | POST",
                "GET    | /v1/sessions/ses_01HZX3AAAAAAAAAAAAAAAAAAAA/tags  | POST",
                "GET    | /v1/sessions:batch_stop                  | POST",
                "POST   | /v1/audit_logs                           | GET",
                "DELETE | /v1/health                               | GET",
                "OPTIONS | /v1/sessions                            | GET POST",
            })
    void knownPathWithAnotherMethodIsMethodNotAllowedWithAllow(String method, String path, String allowed) {
        ApiCalls.Response r = api().send(method, path, (String) null, null, Map.of());

        r.expectError(405, "method_not_allowed");
        assertThat(Arrays.stream(r.header("Allow").split(","))
                        .map(String::strip)
                        .sorted()
                        .toList())
                .containsExactlyElementsOf(Arrays.asList(allowed.split(" ")));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "GET    | /v1/sessions?colour=red                  | colour",
                "GET    | /v1/sessions/ses_01HZX3AAAAAAAAAAAAAAAAAAAA?expand=tags | expand",
                "GET    | /v1/health?verbose=1                     | verbose",
                "GET    | /v1/audit_logs?sessionid=x               | sessionid",
                "DELETE | /v1/sessions/ses_01HZX3AAAAAAAAAAAAAAAAAAAA?force=true | force",
                "POST   | /v1/sessions/ses_01HZX3AAAAAAAAAAAAAAAAAAAA/stop?now=1 | now",
                "GET    | /v1/sessions?Workflow=invoice            | Workflow",
            })
    void unknownQueryParameterIsUnknownParameter(String method, String path, String param) {
        api().send(method, path, (String) null, null, Map.of()).expectError(400, "unknown_parameter", param);
    }

    @Test
    void healthNeedsNoKey() {
        JsonNode health = api().as(null).get("/v1/health").expect(200).json();

        assertThat(health.get("status").asText()).isEqualTo("ok");
        assertThat(health.get("version").asText()).isNotBlank();
    }

    @Test
    void healthIgnoresABadKey() {
        api().as("nsk_test_not_a_key").get("/v1/health").expect(200);
    }

    /**
     * Requests that are not valid HTTP never reach a route: the HTTP layer refuses them, still in the error shape
     * with a Request-Id (never an HTML page), and the server goes on answering.
     */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "GARBAGE\r\n\r\n",
                "GET /v1/health HTTP/1.1 extra\r\nHost: localhost\r\n\r\n",
                "GET /v1/sessions/%zz HTTP/1.1\r\nHost: localhost\r\n\r\n",
                "POST /v1/sessions HTTP/1.1\r\nHost: localhost\r\nContent-Length: ten\r\n\r\n",
                "POST /v1/sessions HTTP/1.1\r\nHost: localhost\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nabcde",
                "GET /v1/health HTTP/1.1\r\nHost: localhost\r\nBad Header: y\r\n\r\n",
                "GET /v1/health HTTP/1.1\r\nHost: localhost\r\nNo-Colon\r\n\r\n",
                "GET /v1/health HTTP/7.0\r\nHost: localhost\r\n\r\n",
                "POST /v1/sessions/ses_x%00/stop HTTP/1.1\r\nHost: localhost\r\nContent-Length: 2\r\n\r\n{}",
            })
    void requestThatIsNotValidHttpGetsAJsonErrorWithARequestId(String wire) {
        RawHttp.Response r;
        try (RawHttp raw = new RawHttp(SERVER.server().baseUrl())) {
            r = raw.write(wire).read();
        }

        assertThat(r.status()).as("status for %s", wire).isBetween(400, 505).isNotEqualTo(500);
        assertThat(r.headers().get("content-type")).isEqualTo("application/json; charset=utf-8");
        JsonNode error = r.json().path("error");
        assertThat(error.path("type").asText()).isEqualTo("invalid_request_error");
        assertThat(error.path("code").asText()).isNotBlank();
        assertThat(error.path("message").asText()).isNotBlank();
        assertThat(error.path("request_id").asText())
                .matches(ApiCalls.REQUEST_ID)
                .isEqualTo(r.headers().get("request-id"));
        // The server drops such a connection after answering: it must say so, or the client reuses a dead socket.
        assertThat(r.headers().get("connection"))
                .as("Connection header for %s", wire)
                .isEqualTo("close");
        api().as(null).get("/v1/health").expect(200);
    }

    @Test
    void headersOverTheLimitGetAJsonError() {
        String huge = "x".repeat(64 * 1024);
        RawHttp.Response r;
        try (RawHttp raw = new RawHttp(SERVER.server().baseUrl())) {
            r = raw.write("GET /v1/health HTTP/1.1\r\nHost: localhost\r\nX-Big: " + huge + "\r\n\r\n")
                    .read();
        }

        assertThat(r.status()).isEqualTo(431);
        assertThat(r.errorCode()).isEqualTo("headers_too_large");
        assertThat(r.headers().get("request-id")).matches(ApiCalls.REQUEST_ID);
        assertThat(r.headers().get("connection")).isEqualTo("close");
    }

    @Test
    void uriOverTheLimitGetsAJsonError() {
        String longPath = "/v1/sessions?workflow=" + "a".repeat(64 * 1024);
        RawHttp.Response r;
        try (RawHttp raw = new RawHttp(SERVER.server().baseUrl())) {
            r = raw.write("GET " + longPath + " HTTP/1.1\r\nHost: localhost\r\n\r\n")
                    .read();
        }

        assertThat(r.status()).isIn(414, 431);
        assertThat(r.errorCode()).isIn("uri_too_long", "headers_too_large");
        assertThat(r.headers().get("request-id")).matches(ApiCalls.REQUEST_ID);
    }
}
