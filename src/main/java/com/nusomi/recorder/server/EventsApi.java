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
import com.nusomi.recorder.server.store.SessionRecord;
import com.nusomi.recorder.server.store.StoreReader;
import com.nusomi.recorder.server.store.StoreWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Events [ext]: appended in batches while recording (idempotent by event id), listed by time with a type filter. */
final class EventsApi {
    private static final Pattern EVENT_ID = Pattern.compile("evt_[0-9A-HJKMNP-TV-Z]{26}");
    private static final Pattern TYPE =
            Pattern.compile("click|key|scroll|window_focus|note|error|marker|x_[a-z0-9_]{1,62}");
    private static final int MAX_BATCH = 500;
    private static final int MAX_DATA_BYTES = 4096;

    private EventsApi() {}

    static void register(Router router) {
        router.add(
                Route.write("POST", "/v1/sessions/{id}/events", "write", Set.of(), Route.Body.JSON, EventsApi::append));
        router.add(Route.read(
                "GET", "/v1/sessions/{id}/events", "read", Set.of("type", "limit", "cursor"), EventsApi::list));
    }

    private static ApiResponse append(ApiRequest r, StoreWriter tx) {
        ObjectNode body = Json.parseObject(r.body());
        Validation.onlyFields(body, Set.of("events"));
        JsonNode events = body.get("events");
        if (events == null || !events.isArray() || events.isEmpty() || events.size() > MAX_BATCH) {
            throw ApiException.parameter("events", "events must be an array of 1 to " + MAX_BATCH + " events");
        }
        String id = r.pathParam("id");
        SessionRecord s = SessionLifecycle.requireLive(tx, id);
        List<EventRecord> parsed = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            parsed.add(parse(events.get(i), "events[" + i + "]", s));
        }
        if (!SessionRecord.RECORDING.equals(s.status())) {
            // A late retry of a batch that was stored before the stop is absorbed, like a frame re-upload.
            boolean allStored = parsed.stream().allMatch(e -> tx.hasEvent(id, e.id()));
            if (!allStored) {
                throw ApiException.conflict(
                        "session_not_recording",
                        "events can be added only while the session is recording; it is " + s.status());
            }
        }
        int accepted = 0;
        int errors = 0;
        boolean pauses = false;
        for (EventRecord e : parsed) {
            if (tx.insertEvent(e)) {
                accepted++;
                if (e.type().equals("error")) {
                    errors++;
                }
                pauses |= Pauses.kind(e) != null;
            }
        }
        if (accepted > 0) {
            SessionRecord updated = s.withCounts(s.frameCount(), s.eventCount() + accepted, s.errorEvents() + errors);
            tx.updateSession(pauses ? Pauses.recompute(tx, updated) : updated);
        }
        int acceptedCount = accepted;
        int duplicates = parsed.size() - accepted;
        return ApiResponse.json(200, Json.write(g -> {
            g.writeStartObject();
            g.writeNumberField("accepted", acceptedCount);
            g.writeNumberField("duplicates", duplicates);
            g.writeEndObject();
        }));
    }

    private static EventRecord parse(JsonNode node, String param, SessionRecord s) {
        if (!node.isObject()) {
            throw ApiException.parameter(param, param + " must be an object {id, type, at, data}");
        }
        node.fieldNames().forEachRemaining(name -> {
            if (!Set.of("id", "type", "at", "data").contains(name)) {
                throw ApiException.unknownParameter(param + "." + name);
            }
        });
        JsonNode id = node.get("id");
        if (id == null || !id.isTextual() || !EVENT_ID.matcher(id.asText()).matches()) {
            throw ApiException.parameter(param + ".id", "an event id is evt_ followed by a ULID");
        }
        JsonNode type = node.get("type");
        if (type == null || !type.isTextual() || !TYPE.matcher(type.asText()).matches()) {
            throw ApiException.parameter(
                    param + ".type",
                    "type must be click, key, scroll, window_focus, note, "
                            + "error, marker, or a custom type x_[a-z0-9_]{1,62}");
        }
        JsonNode at = node.get("at");
        Long atMillis = at != null && at.isTextual()
                ? Times.parse(at.asText()).map(Instant::toEpochMilli).orElse(null)
                : null;
        if (atMillis == null) {
            throw ApiException.parameter(param + ".at", "at must be an RFC 3339 time");
        }
        String data = Validation.object(node.get("data"), param + ".data", "parameter_invalid", "parameter_invalid");
        if (data.getBytes(StandardCharsets.UTF_8).length > MAX_DATA_BYTES) {
            throw ApiException.parameter(param + ".data", "event data is at most " + MAX_DATA_BYTES + " bytes");
        }
        Long offset = s.startedAt() == null ? null : atMillis - s.startedAt();
        return new EventRecord(s.id(), id.asText(), type.asText(), atMillis, offset, data);
    }

    private static ApiResponse list(ApiRequest r, StoreReader tx) {
        String id = r.pathParam("id");
        r.query()
                .capRepeats(Set.of("type"), SessionsApi.MAX_VALUES_PER_PARAMETER, SessionsApi.MAX_VALUES_PER_PARAMETER);
        List<String> types = new ArrayList<>();
        for (String t : r.query().all("type")) {
            if (!TYPE.matcher(t).matches()) {
                throw ApiException.parameter("type", "type must be an event type such as click or x_custom");
            }
            if (!types.contains(t)) {
                types.add(t);
            }
        }
        int limit = Validation.limit(r.query().single("limit"));
        String hash = Cursors.filterHash("events", id + "\n" + r.query().canonical(Set.of("type")));
        Long afterAt = null;
        String afterId = null;
        String cursor = r.query().single("cursor");
        if (cursor != null) {
            JsonNode pos = Cursors.decode(cursor, hash);
            if (!pos.path("a").canConvertToLong() || !pos.path("i").isTextual()) {
                throw Cursors.invalid();
            }
            afterAt = pos.get("a").asLong();
            afterId = pos.get("i").asText();
        }
        SessionLifecycle.requireLive(tx, id);
        List<EventRecord> rows = tx.listEvents(id, types, afterAt, afterId, limit);
        PageOf<EventRecord> page = PageOf.of(rows, limit);
        return page.response(
                page.nextCursor(
                        last -> Json.MAPPER
                                .createObjectNode()
                                .put("a", last.at())
                                .put("i", last.id()),
                        hash),
                SessionJson::event);
    }
}
