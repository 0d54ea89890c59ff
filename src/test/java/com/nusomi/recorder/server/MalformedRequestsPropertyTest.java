package com.nusomi.recorder.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Thousands of generated malformed requests over every route: whatever comes in, the answer is never a 5xx, and
 * every error is the contract's JSON error with the response's request id. The requests come from a seeded
 * {@link Gen}: a new seed each run (so runs explore further), or {@code -Dfuzz.seed=N} to replay the one a failure
 * reports.
 */
class MalformedRequestsPropertyTest {
    private static final int TRIES = 2_000;
    private static final int BATCH = 5;

    /** The routes as "METHOD path"; the create and tag routes count twice as they take the richest bodies. */
    private static final List<String> ROUTES = List.of(
            "GET /v1/sessions",
            "POST /v1/sessions",
            "POST /v1/sessions",
            "POST /v1/sessions:batch_stop",
            "GET /v1/sessions/{id}",
            "DELETE /v1/sessions/{id}",
            "POST /v1/sessions/{id}/start",
            "POST /v1/sessions/{id}/stop",
            "POST /v1/sessions/{id}/restore",
            "POST /v1/sessions/{id}/tags",
            "POST /v1/sessions/{id}/tags",
            "GET /v1/audit_logs",
            "GET /v1/health");

    private static final List<String> STRAY_PATHS = List.of(
            "/v1/sessions/{id}/frames",
            "/v1/sessions/{id}/events",
            "/v1/sessions/{id}/frames/{id}",
            "/v1/{id}",
            "/{id}",
            "/v1/sessions/{id}/{id}");
    private static final List<String> METHODS = List.of("GET", "POST", "DELETE", "PUT", "PATCH", "OPTIONS", "FOO");
    private static final List<String> PARAMS = List.of(
            "workflow",
            "status",
            "outcome",
            "actor.kind",
            "since",
            "until",
            "tag",
            "include",
            "limit",
            "cursor",
            "deleted",
            "hard",
            "session_id",
            "action",
            "seq",
            "captured_at",
            "type",
            "expand",
            "Workflow",
            "",
            "a b",
            "include[]");

    private static final ExecutorService SENDERS = Executors.newFixedThreadPool(5);
    private static LocalServer local;
    private static ApiCalls admin;
    private static String readKey;
    private static List<String> sessionIds;

    @BeforeAll
    static void startServer() {
        local = new LocalServer().start();
        admin = local.admin();
        readKey = local.server().createKey(Set.of("read"));
        String created = admin.createSession("fuzz").get("id").asText();
        String recording = admin.createRecording("fuzz").get("id").asText();
        String stopped = admin.createRecording("fuzz").get("id").asText();
        admin.stop(stopped);
        String deleted = admin.createSession("fuzz").get("id").asText();
        admin.softDelete(deleted);
        sessionIds = List.of(created, recording, stopped, deleted);
    }

    @AfterAll
    static void stopServer() {
        SENDERS.shutdownNow();
        local.close();
    }

    /** One generated request. */
    // the array is a payload handed over without copying; changing the record would be invasive
    @SuppressWarnings("ArrayRecordComponent")
    record Fuzz(
            String method,
            String path,
            String query,
            byte[] body,
            String contentType,
            String auth,
            Map<String, String> headers) {
        @Override
        public String toString() {
            return method + " " + path + query + " ct=" + contentType + " auth=" + auth + " headers=" + headers
                    + " body="
                    + (body == null ? "none" : new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8));
        }
    }

    /**
     * 2,000 tries of 5 requests each, sent at once: 10,000 requests, and the server under some concurrency. The
     * answers must also cover the space: successes and the main ways of refusing, so that a generator gone narrow
     * (every request refused the same way, say) fails here rather than passing on nothing.
     */
    @Test
    void malformedRequestsNeverGetAServerErrorAndAlwaysAJsonError() {
        long seed = Long.getLong("fuzz.seed", new Random().nextLong());
        Random random = new Random(seed);
        Gen<Fuzz> requests = requests();
        Map<String, Integer> answers = new TreeMap<>();
        for (int t = 1; t <= TRIES; t++) {
            List<Fuzz> batch = requests.list(BATCH, BATCH).next(random);
            List<CompletableFuture<ApiCalls.Response>> sent = batch.stream()
                    .map(f -> CompletableFuture.supplyAsync(() -> send(f), SENDERS))
                    .toList();
            for (int i = 0; i < batch.size(); i++) {
                String replay = "-Dfuzz.seed=" + seed + ", try " + t;
                ApiCalls.Response r = answer(sent.get(i), batch.get(i), replay);
                check(replay, batch.get(i), r);
                String answer = r.status() < 400
                        ? "success"
                        : r.json().path("error").path("code").asText();
                answers.merge(answer, 1, Integer::sum);
            }
        }
        assertThat(answers)
                .as("answers to 10,000 requests (-Dfuzz.seed=%d)", seed)
                .containsKeys(
                        "success",
                        "body_invalid",
                        "unknown_parameter",
                        "method_not_allowed",
                        "route_not_found",
                        "session_not_found",
                        "unsupported_media_type",
                        "api_key_invalid",
                        "insufficient_scope",
                        "request_malformed",
                        "idempotency_key_invalid",
                        "workflow_invalid");
    }

    /** The answer, or a failure that names the request: a connection closed without an answer fails the test. */
    private static ApiCalls.Response answer(CompletableFuture<ApiCalls.Response> sent, Fuzz f, String replay) {
        try {
            return sent.join();
        } catch (CompletionException e) {
            throw new AssertionError("no answer to " + f + " (" + replay + ")", e.getCause());
        }
    }

    private static ApiCalls.Response send(Fuzz f) {
        ApiCalls calls = switch (f.auth()) {
            case "admin" -> admin;
            case "read" -> admin.as(readKey);
            default -> admin.as(null);
        };
        Map<String, String> headers = new LinkedHashMap<>(f.headers());
        if (!f.auth().equals("admin") && !f.auth().equals("read") && !f.auth().equals("none")) {
            headers.put("Authorization", f.auth());
        }
        return calls.send(f.method(), f.path() + f.query(), f.body(), f.contentType(), headers);
    }

    private static void check(String replay, Fuzz f, ApiCalls.Response r) {
        assertThat(r.status()).as("status of %s: %s (%s)", f, r.text(), replay).isLessThan(500);
        assertThat(r.header("Request-Id"))
                .as("Request-Id of %s (%s)", f, replay)
                .matches(ApiCalls.REQUEST_ID);
        JsonNode json = r.json();
        if (r.status() >= 400) {
            JsonNode error = json.path("error");
            assertThat(error.path("type").isTextual())
                    .as("error.type in %s (%s)", r.text(), replay)
                    .isTrue();
            assertThat(error.path("code").isTextual())
                    .as("error.code in %s (%s)", r.text(), replay)
                    .isTrue();
            assertThat(error.path("message").asText())
                    .as("error.message in %s (%s)", r.text(), replay)
                    .isNotBlank();
            assertThat(error.path("request_id").asText())
                    .as("request_id (%s)", replay)
                    .matches(ApiCalls.REQUEST_ID);
            if (r.header("Idempotent-Replayed") == null) {
                assertThat(error.path("request_id").asText()).isEqualTo(r.header("Request-Id"));
            }
        }
    }

    private Gen<Fuzz> requests() {
        Gen<String> auth = Gen.frequency(
                8,
                Gen.just("admin"),
                1,
                Gen.just("read"),
                1,
                Gen.of("none", "Bearer", "Bearer ", "Basic abc", "bearer nsk_test_x", "Bearer " + "k".repeat(300)));
        Gen<Map<String, String>> headers = extraHeaders();
        Gen<String> types = contentTypes();
        return methodAndPath()
                .flatMap(mp -> r -> new Fuzz(
                        mp.method(),
                        mp.path(),
                        queries(mp.method()).next(r),
                        bodies(mp.path()).next(r),
                        types.next(r),
                        auth.next(r),
                        headers.next(r)));
    }

    /** A method and the path it is sent to. */
    private record Target(String method, String path) {}

    /** Mostly a route with its own method; sometimes another method; now and then a path that is no route. */
    private Gen<Target> methodAndPath() {
        Gen<String> ids = ids();
        Gen<Target> route = Gen.of(ROUTES)
                .flatMap(rt -> r -> new Target(
                        rt.substring(0, rt.indexOf(' ')),
                        rt.substring(rt.indexOf(' ') + 1).replace("{id}", ids.next(r))));
        Gen<Target> otherMethod =
                r -> new Target(Gen.of(METHODS).next(r), route.next(r).path());
        Gen<Target> stray = r ->
                new Target(Gen.of(METHODS).next(r), Gen.of(STRAY_PATHS).next(r).replace("{id}", ids.next(r)));
        return Gen.frequency(17, route, 2, otherMethod, 1, stray);
    }

    private Gen<String> ids() {
        Gen<String> real = Gen.of(sessionIds);
        Gen<String> corrupted = real.flatMap(id -> Gen.of(
                id.substring(0, id.length() - 1),
                id.toLowerCase(Locale.ROOT),
                id + "0",
                id.replace("ses_", "tag_"),
                id.replace("ses_", ""),
                id + "%2F",
                id + "%00",
                "ses_" + "Z".repeat(26),
                id.substring(0, 4)));
        Gen<String> random = Gen.anyString(80).map(MalformedRequestsPropertyTest::enc);
        Gen<String> odd = Gen.of(
                "",
                ".",
                "..",
                "%2e%2e",
                "%25",
                "%C3%A9",
                "%FF%FE",
                "-1",
                "9".repeat(40),
                "x".repeat(3000),
                "ses_01HZX3AAAAAAAAAAAAAAAAAAAA",
                "null",
                "%20");
        return Gen.oneOf(real, corrupted, random, odd);
    }

    /** Query strings: GETs and DELETEs (which take parameters) get one more often than POSTs (which take none). */
    private Gen<String> queries(String method) {
        Gen<String> name = Gen.frequency(
                4,
                Gen.of(PARAMS).map(MalformedRequestsPropertyTest::enc),
                1,
                Gen.anyString(12).map(MalformedRequestsPropertyTest::enc));
        Gen<String> values = values();
        Gen<String> pair = r -> name.next(r) + "=" + values.next(r);
        Gen<String> pairs = pair.list(1, 4).map(l -> "?" + String.join("&", l));
        return Gen.frequency(method.equals("POST") ? 8 : 2, Gen.just(""), 1, pairs);
    }

    private Gen<String> values() {
        Gen<String> known = Gen.of(
                "invoice",
                "created",
                "recording",
                "stopped",
                "sealed",
                "success",
                "error",
                "abandoned",
                "human",
                "model",
                "script",
                "1h",
                "7d",
                "999999w",
                "0s",
                "1",
                "500",
                "501",
                "0",
                "-1",
                "abc",
                "true",
                "false",
                "only",
                "tags",
                "events,tags,frames_summary",
                "tags,tags",
                "",
                "2026-05-07T14:01:33Z",
                "2026-05-07T14:01:33.123456789Z",
                "9999-12-31T23:59:59Z",
                "0000-01-01T00:00:00Z",
                "+999999999-12-31T23:59:59Z",
                "-999999999-01-01T00:00:00Z",
                "2026-02-30T00:00:00Z",
                "2026-05-07T25:00:00+25:00",
                "99999999999999999999999",
                "1e309",
                "NaN",
                "eyJjIjoxLCJpIjoieCIsImYiOiIifQ",
                "eyJ9",
                "%%%",
                "session.created",
                "session.nope");
        Gen<String> random = Gen.anyString(40);
        return Gen.oneOf(known, random).map(MalformedRequestsPropertyTest::enc);
    }

    private Gen<byte[]> bodies(String path) {
        Gen<String> invalid = Gen.of(
                "",
                "{",
                "}",
                "nul",
                "{\"workflow\":}",
                "{'a':1}",
                "[1,2",
                "{\"a\":1,\"a\":2}",
                "{} {}",
                "\"just a string\"",
                "42",
                "true",
                "null",
                "[]",
                "{\"\\u0000\":1}",
                "{\"workflow\":\"ab\"}garbage",
                "\uFEFF{\"workflow\":\"ab\"}");
        Gen<String> wrongTypes = Gen.of(
                        "workflow", "metadata", "actor", "start", "idempotency_key", "ids", "name", "data", "unknown")
                .flatMap(field -> Gen.of(
                                "1",
                                "-1",
                                "1.5",
                                "\"\"",
                                "null",
                                "true",
                                "[]",
                                "{}",
                                "[null]",
                                "\"ab\"",
                                "{\"id\":1,\"kind\":\"alien\"}",
                                "[\"ses_x\"]",
                                "99999999999999999999999999999999999",
                                "1e999999",
                                "-0",
                                "\"" + "x".repeat(300) + "\"",
                                "{\"value\":\"error\"}")
                        .map(v -> "{\"" + field + "\":" + v + "}"));
        Gen<String> nearlyValid = Gen.of(
                "{\"workflow\":\"ab\",\"metadata\":{\"n\":" + "9".repeat(1200) + "}}",
                "{\"workflow\":\"ab\",\"metadata\":{\"n\":1e999999999}}",
                "{\"workflow\":\"ab\",\"metadata\":" + "{\"a\":".repeat(300) + "1" + "}".repeat(300) + "}",
                "{\"workflow\":\"ab\",\"metadata\":" + "{\"a\":".repeat(150) + "1" + "}".repeat(150) + "}",
                "[".repeat(10_000) + "]".repeat(10_000),
                "{\"name\":\"outcome\",\"data\":{\"value\":\"error\"}}",
                "{\"ids\":[" + "\"ses_01HZX3AAAAAAAAAAAAAAAAAAAA\",".repeat(50) + "\"x\"]}",
                "{\"workflow\":\"ab\",\"actor\":{\"id\":\"\\ud800\",\"kind\":\"human\"}}",
                "{\"workflow\":\"ab\",\"idempotency_key\":\"\\u0001\"}",
                "{\"workflow\":\"ab\",\"metadata\":{\"s\":\"\\ud83d\\ude00\\u0000\"}}");
        Gen<String> random = Gen.anyString(200);
        Gen<byte[]> text = Gen.<String>frequency(
                        6, objects(fieldsFor(path)), 2, invalid, 2, wrongTypes, 1, nearlyValid, 1, random)
                .map(s -> s.getBytes(StandardCharsets.UTF_8));
        Gen<byte[]> binary = Gen.bytes(300);
        boolean takesJson = path.equals("/v1/sessions") || path.endsWith(":batch_stop") || path.endsWith("/tags");
        return Gen.frequency(takesJson ? 2 : 12, Gen.just((byte[]) null), 10, text, 1, binary);
    }

    /** The body fields of the route at this path (all of them for paths that take no body). */
    private static List<String> fieldsFor(String path) {
        if (path.endsWith("/tags")) {
            return List.of("name", "data");
        }
        if (path.endsWith(":batch_stop")) {
            return List.of("ids");
        }
        if (path.equals("/v1/sessions")) {
            return List.of("workflow", "metadata", "actor", "start", "idempotency_key");
        }
        return List.of("workflow", "metadata", "actor", "start", "idempotency_key", "ids", "name", "data");
    }

    /** JSON objects of one to four fields, mostly the route's own (and now and then another), good values and bad. */
    private Gen<String> objects(List<String> fields) {
        Gen<String> field = Gen.frequency(12, Gen.of(fields), 1, Gen.strings('a', 'z', 10));
        Gen<String> value = Gen.oneOf(
                Gen.of(
                        "\"ab\"",
                        "\"process_invoice\"",
                        "{}",
                        "{\"k\":\"v\",\"n\":[1,2.50,null]}",
                        "{\"id\":\"alex\",\"kind\":\"human\"}",
                        "{\"id\":\"\",\"kind\":\"model\"}",
                        "true",
                        "false",
                        "{\"value\":\"error\"}",
                        "\"outcome\"",
                        "\"upload_failed\"",
                        "\"key-1\"",
                        "[]",
                        "null",
                        "0",
                        "-1",
                        "1e400",
                        "\"Bad Slug\"",
                        "[\"ses_01HZX3AAAAAAAAAAAAAAAAAAAA\"]",
                        "{\"value\":{\"value\":\"x\"}}",
                        "\"\\u0000\""),
                Gen.of(sessionIds).map(id -> "[\"" + id + "\",\"" + id + "\"]"),
                Gen.strings(' ', '~', 30)
                        .map(t -> "\"" + t.replace("\\", "\\\\").replace("\"", "\\\"") + "\""));
        Gen<String> member = r -> "\"" + field.next(r) + "\":" + value.next(r);
        return member.list(1, 4).map(l -> "{" + String.join(",", l) + "}");
    }

    private Gen<String> contentTypes() {
        return Gen.frequency(
                6,
                Gen.just("application/json"),
                1,
                Gen.just((String) null),
                2,
                Gen.of(
                        "application/json; charset=utf-8",
                        "text/plain",
                        "image/png",
                        "*/*",
                        "application/json; charset=latin1",
                        "foo",
                        "application/x-www-form-urlencoded",
                        "multipart/form-data; boundary=x",
                        "APPLICATION/JSON",
                        "application/json;;"));
    }

    private Gen<Map<String, String>> extraHeaders() {
        Gen<String> printable = Gen.strings(' ', '~', 299).map(t -> "k" + t.strip()); // never empty
        Gen<Map<String, String>> idem = printable.map(k -> Map.of("Idempotency-Key", k));
        Gen<Map<String, String>> other = Gen.of(
                Map.of("Accept", "text/html"),
                Map.of("X-Requested-With", "fuzz"),
                Map.of("Accept-Encoding", "gzip"),
                Map.of("Idempotency-Key", "fixed-key-for-replays"),
                Map.of("Cookie", "a=b"));
        return Gen.frequency(5, Gen.just(Map.<String, String>of()), 3, idem, 2, other);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
