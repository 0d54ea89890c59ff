package com.nusomi.recorder.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nusomi.recorder.server.http.ApiException;
import com.nusomi.recorder.server.http.ApiRequest;
import com.nusomi.recorder.server.http.ApiResponse;
import com.nusomi.recorder.server.http.Json;
import com.nusomi.recorder.server.http.Route;
import com.nusomi.recorder.server.http.Router;
import com.nusomi.recorder.server.store.EventRecord;
import com.nusomi.recorder.server.store.Ids;
import com.nusomi.recorder.server.store.SessionQuery;
import com.nusomi.recorder.server.store.SessionRecord;
import com.nusomi.recorder.server.store.Store;
import com.nusomi.recorder.server.store.StoreReader;
import com.nusomi.recorder.server.store.StoreWriter;
import com.nusomi.recorder.server.store.TagRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The [core] session endpoints and restore [ext]: parse and check the request, run the lifecycle, write JSON. */
final class SessionsApi {
    private static final Set<String> LIST_FILTERS =
            Set.of("workflow", "status", "outcome", "actor.kind", "since", "until", "tag", "not_tag", "deleted");
    /** The repeatable filters, and the contract's caps on their values (repeats counted as given). */
    private static final Set<String> REPEATABLE =
            Set.of("workflow", "status", "outcome", "actor.kind", "tag", "not_tag");

    static final int MAX_VALUES_PER_PARAMETER = 100;
    static final int MAX_VALUES_IN_ALL = 200;
    private static final Set<String> GET_INCLUDES = Set.of("events", "tags", "frames_summary");
    private static final int EMBEDDED_EVENTS = 1000;
    /** Tags embedded per session on a list ({@code include=tags}); a session with more says tags_truncated. */
    static final int LISTED_TAGS = 100;

    private SessionsApi() {}

    static void register(Router router, FrameFiles files, Store store) {
        router.add(Route.write(
                "POST", "/v1/sessions", "write", Set.of(), Route.Body.JSON_WITH_IDEMPOTENCY_KEY, SessionsApi::create));
        router.add(Route.read(
                "GET",
                "/v1/sessions",
                "read",
                union(LIST_FILTERS, Set.of("include", "limit", "cursor")),
                // the page's one statement; with include=tags each session's are a read of their own
                Route::always,
                (r, tx) -> list(r, tx, store)));
        router.add(Route.write(
                "POST", "/v1/sessions:batch_stop", "write", Set.of(), Route.Body.JSON, SessionsApi::batchStop));
        router.add(Route.read(
                "GET",
                "/v1/sessions/{id}",
                "read",
                Set.of("include"),
                r -> r.query().all("include").isEmpty(),
                SessionsApi::get));
        router.add(Route.write(
                "DELETE",
                "/v1/sessions/{id}",
                "write",
                Set.of("hard"),
                Route.Body.NONE,
                (r, tx) -> delete(r, tx, files)));
        router.add(Route.write(
                "POST",
                "/v1/sessions/{id}/start",
                "write",
                Set.of(),
                Route.Body.NONE,
                (r, tx) -> session(200, SessionLifecycle.start(tx, r.pathParam("id"), r.now(), r.apiKeyId()), r)));
        router.add(Route.write(
                "POST",
                "/v1/sessions/{id}/stop",
                "write",
                Set.of(),
                Route.Body.NONE,
                (r, tx) -> session(
                        200,
                        SessionLifecycle.stop(
                                tx, SessionLifecycle.requireLive(tx, r.pathParam("id")), r.now(), "stop", r.apiKeyId()),
                        r)));
        router.add(Route.write(
                "POST",
                "/v1/sessions/{id}/restore",
                "write",
                Set.of(),
                Route.Body.NONE,
                (r, tx) -> session(200, SessionLifecycle.restore(tx, r.pathParam("id"), r.now(), r.apiKeyId()), r)));
        router.add(Route.write("POST", "/v1/sessions/{id}/tags", "write", Set.of(), Route.Body.JSON, SessionsApi::tag));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> out = new LinkedHashSet<>(a);
        out.addAll(b);
        return Set.copyOf(out);
    }

    // ---- create -----------------------------------------------------------------------------------------------

    private static ApiResponse create(ApiRequest r, StoreWriter tx) {
        ObjectNode body = Json.parseObject(r.body());
        Validation.onlyFields(body, Set.of("workflow", "metadata", "actor", "start", "idempotency_key"));
        JsonNode workflow = body.get("workflow");
        if (workflow == null || !workflow.isTextual() || !Validation.isSlug(workflow.asText())) {
            throw ApiException.invalid(
                    "workflow_invalid",
                    workflow == null ? "workflow is required" : Validation.slugRule("workflow"),
                    "workflow");
        }
        String metadata = Validation.object(body.get("metadata"), "metadata", "metadata_invalid", "metadata_too_large");
        String actorId = null;
        String actorKind = null;
        JsonNode actor = body.get("actor");
        if (actor != null && !actor.isNull()) {
            if (!actor.isObject()) {
                throw ApiException.invalid("actor_invalid", "actor must be an object {id, kind}", "actor");
            }
            actor.fieldNames().forEachRemaining(name -> {
                if (!name.equals("id") && !name.equals("kind")) {
                    throw ApiException.invalid("actor_invalid", "actor has no field '" + name + "'", "actor." + name);
                }
            });
            JsonNode id = actor.get("id");
            if (id == null
                    || !id.isTextual()
                    || id.asText().isEmpty()
                    || id.asText().codePointCount(0, id.asText().length()) > 256) {
                throw ApiException.invalid(
                        "actor_invalid", "actor.id must be a string of 1 to 256 characters", "actor.id");
            }
            JsonNode kind = actor.get("kind");
            if (kind == null || !kind.isTextual() || !Validation.ACTOR_KINDS.contains(kind.asText())) {
                throw ApiException.invalid("actor_invalid", "actor.kind must be human, model or script", "actor.kind");
            }
            actorId = id.asText();
            actorKind = kind.asText();
        }
        JsonNode start = body.get("start");
        if (start != null && !start.isBoolean()) {
            throw ApiException.parameter("start", "start must be true or false");
        }
        JsonNode idem = body.get("idempotency_key");
        if (idem != null && !idem.isTextual()) {
            throw ApiException.invalid(
                    "idempotency_key_invalid", "idempotency_key must be a string", "idempotency_key");
        }
        boolean startNow = start != null && start.asBoolean();
        long now = r.now();
        SessionRecord s = new SessionRecord(
                Ids.session(),
                workflow.asText(),
                startNow ? SessionRecord.RECORDING : SessionRecord.CREATED,
                null,
                null,
                metadata,
                actorId,
                actorKind,
                now,
                startNow ? now : null,
                null,
                null,
                null,
                0,
                0,
                0,
                0);
        return session(201, SessionLifecycle.create(tx, s, r.apiKeyId()), r);
    }

    // ---- get and list -----------------------------------------------------------------------------------------

    private static ApiResponse get(ApiRequest r, StoreReader tx) {
        Set<String> include = new LinkedHashSet<>();
        String raw = r.query().single("include");
        if (raw != null) {
            for (String part : raw.split(",", -1)) {
                if (!GET_INCLUDES.contains(part)) {
                    throw ApiException.parameter(
                            "include", "include takes a comma-separated subset of events, tags, frames_summary");
                }
                include.add(part);
            }
        }
        SessionRecord s = SessionLifecycle.requireLive(tx, r.pathParam("id"));
        List<TagRecord> tags = include.contains("tags") ? tx.tagsOf(s.id()) : null;
        List<EventRecord> events = null;
        Boolean truncated = null;
        if (include.contains("events")) {
            events = tx.eventsOf(s.id(), EMBEDDED_EVENTS + 1);
            truncated = events.size() > EMBEDDED_EVENTS;
            if (truncated) {
                events = events.subList(0, EMBEDDED_EVENTS);
            }
        }
        var frames = include.contains("frames_summary") ? tx.framesSummary(s.id()) : null;
        SessionJson.Embeds embeds = new SessionJson.Embeds(tags, null, events, truncated, frames);
        if (include.isEmpty()) {
            return ApiResponse.json(200, Json.write(g -> SessionJson.session(g, s, r.now(), embeds)));
        }
        // Up to 1,000 tags and 1,000 events: written as they are sent, not copied into one more buffer first.
        return ApiResponse.streamedJson(200, out -> Json.stream(out, g -> SessionJson.session(g, s, r.now(), embeds)));
    }

    private static ApiResponse list(ApiRequest r, StoreReader tx, Store store) {
        var q = r.query();
        q.capRepeats(REPEATABLE, MAX_VALUES_PER_PARAMETER, MAX_VALUES_IN_ALL);
        List<String> workflows = Validation.values(q.all("workflow"), "workflow", null);
        List<String> statuses = Validation.values(q.all("status"), "status", Validation.STATUSES);
        List<String> outcomes = Validation.values(q.all("outcome"), "outcome", Validation.OUTCOMES);
        List<String> kinds = Validation.values(q.all("actor.kind"), "actor.kind", Validation.ACTOR_KINDS);
        List<String> tags = Validation.values(q.all("tag"), "tag", null);
        List<String> notTags = Validation.values(q.all("not_tag"), "not_tag", null);
        String until = q.single("until");
        Long untilMillis = until == null
                ? null
                : Times.parse(until)
                        .map(Instant::toEpochMilli)
                        .orElseThrow(() -> ApiException.parameter(
                                "until", "until must be an RFC 3339 time such as 2026-05-07T14:01:33Z"));
        String include = q.single("include");
        if (include != null && !include.equals("tags")) {
            throw ApiException.parameter("include", "lists can include only tags");
        }
        String deleted = q.single("deleted");
        if (deleted != null) {
            if (!deleted.equals("only")) {
                throw ApiException.parameter("deleted", "deleted takes only the value 'only'");
            }
            r.requireScope("admin");
        }
        int limit = Validation.limit(q.single("limit"));
        String since = q.single("since");
        Long sinceMillis = since == null ? null : Since.parse(since, r.now());
        String hash = Cursors.filterHash("sessions", q.canonical(LIST_FILTERS));
        Long afterCreated = null;
        String afterId = null;
        String cursor = q.single("cursor");
        if (cursor != null) {
            JsonNode pos = Cursors.decode(cursor, hash);
            if (!pos.path("c").canConvertToLong() || !pos.path("i").isTextual()) {
                throw Cursors.invalid();
            }
            afterCreated = pos.get("c").asLong();
            afterId = pos.get("i").asText();
            if (pos.has("s")) {
                sinceMillis = pos.get("s").asLong();
            }
        }
        SessionQuery query = new SessionQuery(
                workflows,
                statuses,
                outcomes,
                kinds,
                tags,
                notTags,
                sinceMillis,
                untilMillis,
                deleted != null,
                afterCreated,
                afterId,
                limit);
        List<SessionRecord> rows = tx.listSessions(query);
        PageOf<SessionRecord> page = PageOf.of(rows, limit);
        boolean withTags = include != null;
        Long resolvedSince = sinceMillis;
        String next = page.nextCursor(
                last -> {
                    ObjectNode pos = Json.MAPPER
                            .createObjectNode()
                            .put("c", last.createdAt())
                            .put("i", last.id());
                    return resolvedSince == null ? pos : pos.put("s", resolvedSince);
                },
                hash);
        if (!withTags) {
            return page.response(next, (g, s) -> SessionJson.session(g, s, r.now(), SessionJson.Embeds.NONE));
        }
        // Each session's tags are read as it is written, in a short read of their own (at most 101 rows), and go
        // out before the next session's are read: the answer never sits whole in memory, and no read connection
        // waits on a slow client. A tag added meanwhile may show; a session deleted meanwhile shows no tags.
        return page.response(next, (g, s) -> {
            List<TagRecord> first = store.readOne(t -> t.tagsOf(s.id(), LISTED_TAGS + 1));
            boolean truncated = first.size() > LISTED_TAGS;
            SessionJson.session(
                    g,
                    s,
                    r.now(),
                    new SessionJson.Embeds(
                            truncated ? first.subList(0, LISTED_TAGS) : first, truncated, null, null, null));
        });
    }

    // ---- tag, delete, batch stop ------------------------------------------------------------------------------

    private static ApiResponse tag(ApiRequest r, StoreWriter tx) {
        ObjectNode body = Json.parseObject(r.body());
        Validation.onlyFields(body, Set.of("name", "data"));
        JsonNode name = body.get("name");
        if (name == null || !name.isTextual() || !Validation.isSlug(name.asText())) {
            throw ApiException.parameter("name", name == null ? "name is required" : Validation.slugRule("name"));
        }
        String data = Validation.object(body.get("data"), "data", "parameter_invalid", "parameter_invalid");
        TagRecord tag = SessionLifecycle.tag(
                tx,
                r.pathParam("id"),
                name.asText(),
                data,
                r.now(),
                r.apiKeyId(),
                r.apiKey() == null ? null : r.apiKey().label());
        return ApiResponse.json(201, Json.write(g -> SessionJson.tag(g, tag)));
    }

    private static ApiResponse delete(ApiRequest r, StoreWriter tx, FrameFiles files) {
        String hard = r.query().single("hard");
        if (hard != null && !hard.equals("true") && !hard.equals("false")) {
            throw ApiException.parameter("hard", "hard must be true or false");
        }
        String id = r.pathParam("id");
        if ("true".equals(hard)) {
            r.requireScope("admin");
            files.eraseAfterCommit(tx, SessionLifecycle.hardDelete(tx, id, r.now(), r.apiKeyId()));
            return ApiResponse.json(200, Json.write(g -> {
                g.writeStartObject();
                g.writeStringField("id", id);
                g.writeBooleanField("deleted", true);
                g.writeBooleanField("hard", true);
                g.writeEndObject();
            }));
        }
        return session(200, SessionLifecycle.softDelete(tx, id, r.now(), r.apiKeyId()), r);
    }

    private static ApiResponse batchStop(ApiRequest r, StoreWriter tx) {
        ObjectNode body = Json.parseObject(r.body());
        Validation.onlyFields(body, Set.of("ids"));
        JsonNode ids = body.get("ids");
        if (ids == null || !ids.isArray() || ids.isEmpty() || ids.size() > 1000) {
            throw ApiException.parameter("ids", "ids must be an array of 1 to 1,000 session ids");
        }
        Set<String> unique = new LinkedHashSet<>();
        for (JsonNode id : ids) {
            if (!id.isTextual()) {
                throw ApiException.parameter("ids", "every id must be a string");
            }
            unique.add(id.asText());
        }
        List<SessionRecord> stopped = new ArrayList<>();
        List<String[]> errors = new ArrayList<>();
        for (String id : unique) {
            try {
                SessionRecord s = SessionLifecycle.requireLive(tx, id);
                stopped.add(SessionLifecycle.stop(tx, s, r.now(), "batch_stop", r.apiKeyId()));
            } catch (ApiException e) {
                errors.add(new String[] {id, e.code(), e.getMessage()});
            }
        }
        return ApiResponse.json(200, Json.write(g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("data");
            for (SessionRecord s : stopped) {
                SessionJson.session(g, s, r.now(), SessionJson.Embeds.NONE);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("errors");
            for (String[] e : errors) {
                g.writeStartObject();
                g.writeStringField("id", e[0]);
                g.writeObjectFieldStart("error");
                g.writeStringField("code", e[1]);
                g.writeStringField("message", e[2]);
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }));
    }

    private static ApiResponse session(int status, SessionRecord s, ApiRequest r) {
        return ApiResponse.json(status, Json.write(g -> SessionJson.session(g, s, r.now(), SessionJson.Embeds.NONE)));
    }
}
