package com.nusomi.recorder.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Thousands of generated malformed requests over every route: whatever comes in, the answer is never a 5xx, and
 * every error is the contract's JSON error with the response's request id.
 */
class MalformedRequestsPropertyTest {
    /** The routes as "METHOD path"; the create and tag routes count twice as they take the richest bodies. */
    private static final List<String> ROUTES = List.of("GET /v1/sessions", "POST /v1/sessions", "POST /v1/sessions",
            "POST /v1/sessions:batch_stop", "GET /v1/sessions/{id}", "DELETE /v1/sessions/{id}",
            "POST /v1/sessions/{id}/start", "POST /v1/sessions/{id}/stop", "POST /v1/sessions/{id}/restore",
            "POST /v1/sessions/{id}/tags", "POST /v1/sessions/{id}/tags", "GET /v1/audit_logs", "GET /v1/health");
    private static final List<String> STRAY_PATHS = List.of("/v1/sessions/{id}/frames", "/v1/sessions/{id}/events",
            "/v1/sessions/{id}/frames/{id}", "/v1/{id}", "/{id}", "/v1/sessions/{id}/{id}");
    private static final List<String> METHODS = List.of("GET", "POST", "DELETE", "PUT", "PATCH", "OPTIONS", "FOO");
    private static final List<String> PARAMS = List.of("workflow", "status", "outcome", "actor.kind", "since",
            "until", "tag", "include", "limit", "cursor", "deleted", "hard", "session_id", "action", "seq",
            "captured_at", "type", "expand", "Workflow", "", "a b", "include[]");

    private static final ExecutorService SENDERS = Executors.newFixedThreadPool(5);
    private static LocalServer local;
    private static ApiCalls admin;
    private static String readKey;
    private static List<String> sessionIds;

    @BeforeContainer
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

    @AfterContainer
    static void stopServer() {
        SENDERS.shutdownNow();
        local.close();
    }

    /** One generated request. */
    record Fuzz(String method, String path, String query, byte[] body, String contentType, String auth,
                Map<String, String> headers) {
        @Override
        public String toString() {
            return method + " " + path + query + " ct=" + contentType + " auth=" + auth + " headers=" + headers
                    + " body=" + (body == null ? "none" : new String(body, 0, Math.min(body.length, 300),
                    StandardCharsets.UTF_8));
        }
    }

    /** 2,000 tries of 5 requests each, sent at once: 10,000 requests, and the server under some concurrency. */
    @Property(tries = 2_000, edgeCases = EdgeCasesMode.NONE)
    void malformedRequestsNeverGetAServerErrorAndAlwaysAJsonError(@ForAll("batches") List<Fuzz> batch) {
        List<CompletableFuture<ApiCalls.Response>> sent = batch.stream()
                .map(f -> CompletableFuture.supplyAsync(() -> send(f), SENDERS)).toList();
        for (int i = 0; i < batch.size(); i++) {
            check(batch.get(i), sent.get(i).join());
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

    private static void check(Fuzz f, ApiCalls.Response r) {
        assertThat(r.status()).as("status of %s: %s", f, r.text()).isLessThan(500);
        assertThat(r.header("Request-Id")).as("Request-Id of %s", f).matches(ApiCalls.REQUEST_ID);
        JsonNode json = r.json();
        if (r.status() >= 400) {
            JsonNode error = json.path("error");
            assertThat(error.path("type").isTextual()).as("error.type in %s", r.text()).isTrue();
            assertThat(error.path("code").isTextual()).as("error.code in %s", r.text()).isTrue();
            assertThat(error.path("message").asText()).as("error.message in %s", r.text()).isNotBlank();
            assertThat(error.path("request_id").asText()).matches(ApiCalls.REQUEST_ID);
            if (r.header("Idempotent-Replayed") == null) {
                assertThat(error.path("request_id").asText()).isEqualTo(r.header("Request-Id"));
            }
        }
    }

    @Provide
    Arbitrary<List<Fuzz>> batches() {
        return requests().list().ofSize(5);
    }

    private Arbitrary<Fuzz> requests() {
        Arbitrary<String> auth = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.just("admin")), Tuple.of(1, Arbitraries.just("read")),
                Tuple.of(1, Arbitraries.of("none", "Bearer", "Bearer ", "Basic abc", "bearer nsk_test_x",
                        "Bearer " + "k".repeat(300))));
        return methodAndPath().flatMap(mp -> Combinators.combine(queries(mp.get1()), bodies(mp.get2()), contentTypes(), auth,
                extraHeaders()).as((query, body, type, a, headers) -> new Fuzz(mp.get1(), mp.get2(), query, body,
                type, a, headers)));
    }

    /** Mostly a route with its own method; sometimes another method; now and then a path that is no route. */
    private Arbitrary<Tuple.Tuple2<String, String>> methodAndPath() {
        Arbitrary<Tuple.Tuple2<String, String>> route = Combinators.combine(Arbitraries.of(ROUTES), ids())
                .as((r, id) -> Tuple.of(r.substring(0, r.indexOf(' ')), r.substring(r.indexOf(' ') + 1)
                        .replace("{id}", id)));
        Arbitrary<Tuple.Tuple2<String, String>> otherMethod = Combinators.combine(Arbitraries.of(METHODS), route)
                .as((m, r) -> Tuple.of(m, r.get2()));
        Arbitrary<Tuple.Tuple2<String, String>> stray = Combinators.combine(Arbitraries.of(METHODS),
                Arbitraries.of(STRAY_PATHS), ids()).as((m, p, id) -> Tuple.of(m, p.replace("{id}", id)));
        return Arbitraries.frequencyOf(Tuple.of(17, route), Tuple.of(2, otherMethod), Tuple.of(1, stray));
    }

    private Arbitrary<String> ids() {
        Arbitrary<String> real = Arbitraries.of(sessionIds);
        Arbitrary<String> corrupted = real.flatMap(id -> Arbitraries.of(
                id.substring(0, id.length() - 1), id.toLowerCase(), id + "0", id.replace("ses_", "tag_"),
                id.replace("ses_", ""), id + "%2F", id + "%00", "ses_" + "Z".repeat(26), id.substring(0, 4)));
        Arbitrary<String> random = Arbitraries.strings().all().ofMaxLength(80).map(MalformedRequestsPropertyTest::enc);
        Arbitrary<String> odd = Arbitraries.of("", ".", "..", "%2e%2e", "%25", "%C3%A9", "%FF%FE", "-1",
                "9".repeat(40), "x".repeat(3000), "ses_01HZX3AAAAAAAAAAAAAAAAAAAA", "null", "%20");
        return Arbitraries.oneOf(real, corrupted, random, odd);
    }

    /** Query strings: GETs and DELETEs (which take parameters) get one more often than POSTs (which take none). */
    private Arbitrary<String> queries(String method) {
        Arbitrary<String> name = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of(PARAMS).map(MalformedRequestsPropertyTest::enc)),
                Tuple.of(1, Arbitraries.strings().all().ofMaxLength(12).map(MalformedRequestsPropertyTest::enc)));
        Arbitrary<String> pairs = Combinators.combine(name, values()).as((n, v) -> n + "=" + v)
                .list().ofMinSize(1).ofMaxSize(4).map(l -> "?" + String.join("&", l));
        return Arbitraries.frequencyOf(Tuple.of(method.equals("POST") ? 8 : 2, Arbitraries.just("")),
                Tuple.of(1, pairs));
    }

    private Arbitrary<String> values() {
        Arbitrary<String> known = Arbitraries.of("invoice", "created", "recording", "stopped", "sealed", "success",
                "error", "abandoned", "human", "model", "script", "1h", "7d", "999999w", "0s", "1", "500", "501", "0",
                "-1", "abc", "true", "false", "only", "tags", "events,tags,frames_summary", "tags,tags", "",
                "2026-05-07T14:01:33Z", "2026-05-07T14:01:33.123456789Z", "9999-12-31T23:59:59Z",
                "0000-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z",
                "2026-02-30T00:00:00Z", "2026-05-07T25:00:00+25:00", "99999999999999999999999", "1e309", "NaN",
                "eyJjIjoxLCJpIjoieCIsImYiOiIifQ", "eyJ9", "%%%", "session.created", "session.nope");
        Arbitrary<String> random = Arbitraries.strings().all().ofMaxLength(40);
        return Arbitraries.oneOf(known, random).map(MalformedRequestsPropertyTest::enc);
    }

    private Arbitrary<byte[]> bodies(String path) {
        Arbitrary<String> invalid = Arbitraries.of("", "{", "}", "nul", "{\"workflow\":}", "{'a':1}", "[1,2",
                "{\"a\":1,\"a\":2}", "{} {}", "\"just a string\"", "42", "true", "null", "[]", "{\"\\u0000\":1}",
                "{\"workflow\":\"ab\"}garbage", "\uFEFF{\"workflow\":\"ab\"}");
        Arbitrary<String> wrongTypes = Arbitraries.of("workflow", "metadata", "actor", "start", "idempotency_key",
                "ids", "name", "data", "unknown").flatMap(field -> Arbitraries.of("1", "-1", "1.5", "\"\"", "null",
                "true", "[]", "{}", "[null]", "\"ab\"", "{\"id\":1,\"kind\":\"alien\"}", "[\"ses_x\"]",
                "99999999999999999999999999999999999", "1e999999", "-0", "\"" + "x".repeat(300) + "\"",
                "{\"value\":\"error\"}").map(v -> "{\"" + field + "\":" + v + "}"));
        Arbitrary<String> nearlyValid = Arbitraries.of(
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
        Arbitrary<String> random = Arbitraries.strings().all().ofMaxLength(200);
        Arbitrary<byte[]> text = Arbitraries.frequencyOf(Tuple.of(6, objects(fieldsFor(path))), Tuple.of(2, invalid),
                        Tuple.of(2, wrongTypes), Tuple.of(1, nearlyValid), Tuple.of(1, random))
                .map(s -> s.getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> binary = Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
        boolean takesJson = path.equals("/v1/sessions") || path.endsWith(":batch_stop") || path.endsWith("/tags");
        return Arbitraries.frequencyOf(Tuple.of(takesJson ? 2 : 12, Arbitraries.just((byte[]) null)),
                Tuple.of(10, text), Tuple.of(1, binary));
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
    private Arbitrary<String> objects(List<String> fields) {
        Arbitrary<String> field = Arbitraries.frequencyOf(Tuple.of(12, Arbitraries.of(fields)),
                Tuple.of(1, Arbitraries.strings().alpha().ofMaxLength(10)));
        Arbitrary<String> value = Arbitraries.oneOf(
                Arbitraries.of("\"ab\"", "\"process_invoice\"", "{}", "{\"k\":\"v\",\"n\":[1,2.50,null]}",
                        "{\"id\":\"alex\",\"kind\":\"human\"}", "{\"id\":\"\",\"kind\":\"model\"}", "true",
                        "false", "{\"value\":\"error\"}", "\"outcome\"", "\"upload_failed\"", "\"key-1\"", "[]",
                        "null", "0", "-1", "1e400", "\"Bad Slug\"", "[\"ses_01HZX3AAAAAAAAAAAAAAAAAAAA\"]",
                        "{\"value\":{\"value\":\"x\"}}", "\"\\u0000\""),
                Arbitraries.of(sessionIds).map(id -> "[\"" + id + "\",\"" + id + "\"]"),
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(30)
                        .map(t -> "\"" + t.replace("\\", "\\\\").replace("\"", "\\\"") + "\""));
        return Combinators.combine(field, value).as((f, v) -> "\"" + f + "\":" + v)
                .list().ofMinSize(1).ofMaxSize(4).map(l -> "{" + String.join(",", l) + "}");
    }

    private Arbitrary<String> contentTypes() {
        return Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just("application/json")),
                Tuple.of(1, Arbitraries.just((String) null)),
                Tuple.of(2, Arbitraries.of("application/json; charset=utf-8", "text/plain", "image/png",
                        "*/*", "application/json; charset=latin1", "foo", "application/x-www-form-urlencoded",
                        "multipart/form-data; boundary=x", "APPLICATION/JSON", "application/json;;")));
    }

    private Arbitrary<Map<String, String>> extraHeaders() {
        Arbitrary<String> printable = Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(300)
                .map(String::strip).filter(s -> !s.isEmpty());
        Arbitrary<Map<String, String>> idem = printable.map(k -> Map.of("Idempotency-Key", k));
        Arbitrary<Map<String, String>> other = Arbitraries.of(Map.of("Accept", "text/html"),
                Map.of("X-Requested-With", "fuzz"), Map.of("Accept-Encoding", "gzip"),
                Map.of("Idempotency-Key", "fixed-key-for-replays"), Map.of("Cookie", "a=b"));
        return Arbitraries.frequencyOf(Tuple.of(5, Arbitraries.just(Map.<String, String>of())),
                Tuple.of(3, idem), Tuple.of(2, other));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
