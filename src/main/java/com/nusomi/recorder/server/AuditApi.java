package com.nusomi.recorder.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.nusomi.recorder.server.http.ApiException;
import com.nusomi.recorder.server.http.ApiRequest;
import com.nusomi.recorder.server.http.ApiResponse;
import com.nusomi.recorder.server.http.Json;
import com.nusomi.recorder.server.http.Route;
import com.nusomi.recorder.server.http.Router;
import com.nusomi.recorder.server.store.AuditQuery;
import com.nusomi.recorder.server.store.AuditRecord;
import com.nusomi.recorder.server.store.Store;
import com.nusomi.recorder.server.store.StoreReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.slf4j.LoggerFactory;

/** The audit log [ext] (admin scope) and the health check [ext] (no auth; with the server's admin policies). */
final class AuditApi {
    static final Set<String> ACTIONS = Set.of(
            "session.created",
            "session.started",
            "session.stopped",
            "session.tagged",
            "session.deleted",
            "session.restored",
            "session.hard_deleted",
            "session.purged",
            "session.redacted",
            "session.imported");

    private AuditApi() {}

    static void register(
            Router router, String version, Policies policies, Store store, Path frames, BooleanSupplier draining) {
        router.add(Route.read(
                "GET",
                "/v1/audit_logs",
                "admin",
                Set.of("session_id", "action", "limit", "cursor"),
                Route::always,
                AuditApi::list));
        byte[] health = Json.write(g -> {
            g.writeStartObject();
            g.writeStringField("status", "ok");
            g.writeStringField("version", version);
            policies.writeHealth(g);
            g.writeEndObject();
        });
        router.add(Route.read("GET", "/v1/health", null, Set.of(), (r, tx) -> ApiResponse.json(200, health)));
        byte[] ready = Json.write(g -> {
            g.writeStartObject();
            g.writeStringField("status", "ready");
            g.writeEndObject();
        });
        // one statement in this read; the write is one of its own
        router.add(Route.read("GET", "/v1/health/ready", null, Set.of(), Route::always, (r, tx) -> {
            if (draining.getAsBoolean()) {
                throw ApiException.unavailable("the server is shutting down (draining); send requests elsewhere");
            }
            checkReady(tx, store, frames);
            return ApiResponse.json(200, ready);
        }));
    }

    /**
     * What a load balancer polls (503 from the start of a drain, {@code ApiServer#drain}): the database reads (this transaction) and takes a write (a delete that matches
     * nothing still takes the writer's lock), and frame storage takes a file. Else 503 unavailable.
     */
    private static void checkReady(StoreReader tx, Store store, Path frames) {
        try {
            tx.findSession("ses_ready_check");
            store.write(w -> w.deleteIdempotencyBefore(Long.MIN_VALUE));
            Path probe = Files.createTempFile(frames, "ready", ".tmp");
            Files.delete(probe);
        } catch (IOException | RuntimeException e) {
            LoggerFactory.getLogger(AuditApi.class).warn("not ready: {}", e.toString());
            throw ApiException.unavailable("the server cannot read and write its database and frame storage");
        }
    }

    private static ApiResponse list(ApiRequest r, StoreReader tx) {
        var q = r.query();
        String sessionId = q.single("session_id");
        if (sessionId != null && (sessionId.isEmpty() || sessionId.length() > 64)) {
            throw ApiException.parameter("session_id", "session_id must be a session id such as ses_01HZ...");
        }
        String action = q.single("action");
        if (action != null && !ACTIONS.contains(action)) {
            throw ApiException.parameter(
                    "action",
                    "action must be one of "
                            + String.join(", ", ACTIONS.stream().sorted().toList()));
        }
        int limit = Validation.limit(q.single("limit"));
        String hash = Cursors.filterHash("audit", q.canonical(Set.of("session_id", "action")));
        String before = null;
        String cursor = q.single("cursor");
        if (cursor != null) {
            JsonNode pos = Cursors.decode(cursor, hash);
            if (!pos.path("i").isTextual()) {
                throw Cursors.invalid();
            }
            before = pos.get("i").asText();
        }
        List<AuditRecord> rows = tx.listAudit(new AuditQuery(sessionId, action, before, limit));
        PageOf<AuditRecord> page = PageOf.of(rows, limit);
        String next = page.nextCursor(last -> Json.MAPPER.createObjectNode().put("i", last.id()), hash);
        return page.response(next, (g, a) -> {
            g.writeStartObject();
            g.writeStringField("id", a.id());
            SessionJson.time(g, "at", a.at());
            g.writeStringField("action", a.action());
            g.writeStringField("session_id", a.sessionId());
            if (a.apiKeyId() == null) {
                g.writeNullField("api_key_id");
            } else {
                g.writeStringField("api_key_id", a.apiKeyId());
            }
            g.writeFieldName("details");
            g.writeRawValue(a.details());
            g.writeEndObject();
        });
    }
}
