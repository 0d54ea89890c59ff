package com.nusomi.recorder.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A plain HTTP client for the Sessions API under test: java.net.http for the wire, Jackson for the JSON. Calls
 * carry {@code Authorization: Bearer <key>} unless the key is null.
 */
final class ApiCalls {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String REQUEST_ID = "^req_[0-9A-HJKMNP-TV-Z]{26}$";
    private static final HttpClient SHARED = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final HttpClient http;
    private final String baseUrl;
    private final String key;

    ApiCalls(String baseUrl, String key) {
        this(SHARED, baseUrl, key);
    }

    private ApiCalls(HttpClient http, String baseUrl, String key) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.key = key;
    }

    /** The same server, called with another key (null: no Authorization header). */
    ApiCalls as(String otherKey) {
        return new ApiCalls(http, baseUrl, otherKey);
    }

    String baseUrl() {
        return baseUrl;
    }

    // ---- raw calls --------------------------------------------------------------------------------------------

    Response get(String pathAndQuery) {
        return send("GET", pathAndQuery, (String) null, null, Map.of());
    }

    Response post(String path, String json) {
        return send("POST", path, json, json == null ? null : "application/json", Map.of());
    }

    Response post(String path, String json, Map<String, String> headers) {
        return send("POST", path, json, json == null ? null : "application/json", headers);
    }

    Response delete(String path) {
        return send("DELETE", path, (String) null, null, Map.of());
    }

    /** Any request; {@code body} null sends none, {@code contentType} null sends no Content-Type. */
    Response send(String method, String pathAndQuery, String body, String contentType, Map<String, String> headers) {
        return send(
                method,
                pathAndQuery,
                body == null ? null : body.getBytes(StandardCharsets.UTF_8),
                contentType,
                headers);
    }

    Response send(String method, String pathAndQuery, byte[] body, String contentType, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        headers.forEach(b::header);
        try {
            HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + pathAndQuery + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ---- calls that must succeed ------------------------------------------------------------------------------

    JsonNode create(String json) {
        return post("/v1/sessions", json).expect(201).json();
    }

    JsonNode createSession(String workflow) {
        return create("{\"workflow\":\"" + workflow + "\"}");
    }

    JsonNode createRecording(String workflow) {
        return create("{\"workflow\":\"" + workflow + "\",\"start\":true}");
    }

    JsonNode start(String id) {
        return post("/v1/sessions/" + id + "/start", null).expect(200).json();
    }

    JsonNode stop(String id) {
        return post("/v1/sessions/" + id + "/stop", null).expect(200).json();
    }

    JsonNode tag(String id, String name) {
        return post("/v1/sessions/" + id + "/tags", "{\"name\":\"" + name + "\"}")
                .expect(201)
                .json();
    }

    JsonNode tag(String id, String name, String dataJson) {
        return post("/v1/sessions/" + id + "/tags", "{\"name\":\"" + name + "\",\"data\":" + dataJson + "}")
                .expect(201)
                .json();
    }

    JsonNode session(String id) {
        return get("/v1/sessions/" + id).expect(200).json();
    }

    JsonNode softDelete(String id) {
        return delete("/v1/sessions/" + id).expect(200).json();
    }

    /** Ids of every session the list query matches, walking all pages. */
    List<String> listAll(String query) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            String q = query.isEmpty() ? "limit=500" : query + "&limit=500";
            JsonNode page = get("/v1/sessions?" + q + (cursor == null ? "" : "&cursor=" + cursor))
                    .expect(200)
                    .json();
            page.get("data").forEach(s -> ids.add(s.get("id").asText()));
            cursor = page.get("next_cursor").isNull()
                    ? null
                    : page.get("next_cursor").asText();
        } while (cursor != null);
        return ids;
    }

    /** One HTTP response, its body kept as bytes. */
    // the array is a payload handed over without copying; changing the record would be invasive
    @SuppressWarnings("ArrayRecordComponent")
    record Response(int status, HttpHeaders headers, byte[] body) {

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (status " + status + "): " + text(), e);
            }
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        Response expect(int expected) {
            if (status != expected) {
                throw new AssertionError("expected HTTP " + expected + " but got " + status + ": " + text());
            }
            return this;
        }

        /** Asserts the contract's error shape with this status and code; returns the {@code error} object. */
        JsonNode expectError(int expected, String code) {
            expect(expected);
            JsonNode error = json().path("error");
            assertThat(error.path("code").asText())
                    .as("error code in %s", text())
                    .isEqualTo(code);
            assertThat(error.path("type").asText())
                    .as("error type in %s", text())
                    .isEqualTo(typeOf(expected));
            assertThat(error.path("message").asText()).as("message").isNotBlank();
            assertThat(error.path("request_id").asText()).as("request_id").matches(REQUEST_ID);
            return error;
        }

        /** {@link #expectError} and the parameter at fault. */
        JsonNode expectError(int expected, String code, String param) {
            JsonNode error = expectError(expected, code);
            assertThat(error.path("param").asText(null))
                    .as("param in %s", text())
                    .isEqualTo(param);
            return error;
        }

        private static String typeOf(int status) {
            return switch (status) {
                case 400, 405, 413, 415 -> "invalid_request_error";
                case 401 -> "authentication_error";
                case 403 -> "permission_error";
                case 404 -> "not_found_error";
                case 409 -> "conflict_error";
                case 410 -> "gone_error";
                case 429 -> "rate_limit_error";
                default -> "api_error";
            };
        }
    }
}
