package com.nusomi.recorder.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every route against every kind of credential: missing, invalid, revoked, and each scope set. */
class AuthMatrixTest {
    @RegisterExtension
    static final LocalServer SERVER = new LocalServer();

    /** One route: what it needs, and how to call it on a fresh session ({@code {id}} in the path). */
    record RouteCase(String method, String path, String body, String scope) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** A credential and the scopes it grants (null: it authenticates nobody). */
    enum Credential {
        NONE(null),
        MALFORMED_HEADER(null),
        UNKNOWN_KEY(null),
        REVOKED_KEY(null),
        READ(Set.of("read")),
        WRITE(Set.of("write")),
        READ_WRITE(Set.of("read", "write")),
        ADMIN(Set.of("read", "write", "admin"));

        @SuppressWarnings("ImmutableEnumChecker") // always a Set.of, which is immutable
        final Set<String> scopes;

        Credential(Set<String> scopes) {
            this.scopes = scopes;
        }

        boolean grants(String scope) {
            return scopes != null && (scopes.contains(scope) || scopes.contains("admin"));
        }
    }

    private static final List<RouteCase> ROUTES = List.of(
            new RouteCase("GET", "/v1/sessions", null, "read"),
            new RouteCase("GET", "/v1/sessions?deleted=only", null, "admin"),
            new RouteCase("POST", "/v1/sessions", "{\"workflow\":\"auth\"}", "write"),
            new RouteCase("POST", "/v1/sessions:batch_stop", "{\"ids\":[\"{id}\"]}", "write"),
            new RouteCase("GET", "/v1/sessions/{id}", null, "read"),
            new RouteCase("GET", "/v1/sessions/{id}?include=tags,events,frames_summary", null, "read"),
            new RouteCase("DELETE", "/v1/sessions/{id}", null, "write"),
            new RouteCase("DELETE", "/v1/sessions/{id}?hard=true", null, "admin"),
            new RouteCase("POST", "/v1/sessions/{id}/start", null, "write"),
            new RouteCase("POST", "/v1/sessions/{id}/stop", null, "write"),
            new RouteCase("POST", "/v1/sessions/{id}/restore", null, "write"),
            new RouteCase("POST", "/v1/sessions/{id}/tags", "{\"name\":\"auth\"}", "write"),
            new RouteCase(
                    "POST",
                    "/v1/sessions/{id}/frames:redact",
                    "{\"from_seq\":0,\"to_seq\":0,\"rects\":[{\"x\":0,\"y\":0,\"width\":1,\"height\":1}]}",
                    "write"),
            new RouteCase("GET", "/v1/audit_logs", null, "admin"),
            new RouteCase("GET", "/v1/audit_logs?session_id={id}", null, "admin"),
            new RouteCase("GET", "/v1/health", null, null));

    private static final Map<Credential, String> HEADERS = new EnumMap<>(Credential.class);

    @BeforeAll
    static void makeKeys() {
        ApiServer server = SERVER.server();
        HEADERS.put(Credential.MALFORMED_HEADER, "Basic dXNlcjpwYXNz");
        HEADERS.put(Credential.UNKNOWN_KEY, "Bearer nsk_test_0000000000000000000000000000000000000000");
        String revoked = server.createKey(Set.of("read", "write", "admin"));
        assertThat(server.keys().revoke(server.keys().lookup(revoked).id(), System.currentTimeMillis()))
                .isTrue();
        HEADERS.put(Credential.REVOKED_KEY, "Bearer " + revoked);
        for (Credential c : List.of(Credential.READ, Credential.WRITE, Credential.READ_WRITE)) {
            HEADERS.put(c, "Bearer " + server.createKey(c.scopes));
        }
        HEADERS.put(Credential.ADMIN, "Bearer " + server.adminKey());
    }

    static Stream<Arguments> matrix() {
        List<Arguments> out = new ArrayList<>();
        for (RouteCase route : ROUTES) {
            for (Credential c : Credential.values()) {
                out.add(Arguments.of(route, c));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("matrix")
    void routeAnswersEachCredentialAsItsScopeSays(RouteCase route, Credential credential) {
        ApiCalls admin = SERVER.admin();
        String id = admin.createRecording("auth").get("id").asText();
        if (route.path().endsWith("/restore")) {
            admin.softDelete(id);
        }
        Function<String, String> fill = s -> s == null ? null : s.replace("{id}", id);
        Map<String, String> headers =
                HEADERS.containsKey(credential) ? Map.of("Authorization", HEADERS.get(credential)) : Map.of();

        ApiCalls.Response r = admin.as(null)
                .send(
                        route.method(),
                        fill.apply(route.path()),
                        fill.apply(route.body()),
                        route.body() == null ? null : "application/json",
                        headers);

        if (route.scope() == null) {
            assertThat(r.status()).isEqualTo(200);
        } else if (credential == Credential.NONE) {
            r.expectError(401, "api_key_missing");
        } else if (credential.scopes == null) {
            r.expectError(401, "api_key_invalid");
        } else if (!credential.grants(route.scope())) {
            r.expectError(403, "insufficient_scope");
        } else {
            assertThat(r.status()).as("%s: %s", route, r.text()).isBetween(200, 201);
        }
    }
}
