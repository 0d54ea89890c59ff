package com.nusomi.recorder.client.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nusomi.recorder.client.Include;
import com.nusomi.recorder.client.Page;
import com.nusomi.recorder.client.RequestOptions;
import com.nusomi.recorder.client.model.AppendEventsResult;
import com.nusomi.recorder.client.model.AuditLogEntry;
import com.nusomi.recorder.client.model.BatchStopResult;
import com.nusomi.recorder.client.model.Event;
import com.nusomi.recorder.client.model.Frame;
import com.nusomi.recorder.client.model.FrameImage;
import com.nusomi.recorder.client.model.HardDeleteResult;
import com.nusomi.recorder.client.model.Health;
import com.nusomi.recorder.client.model.RedactionResult;
import com.nusomi.recorder.client.model.Session;
import com.nusomi.recorder.client.model.Tag;
import com.nusomi.recorder.client.request.AuditLogQuery;
import com.nusomi.recorder.client.request.CreateSessionRequest;
import com.nusomi.recorder.client.request.EventInput;
import com.nusomi.recorder.client.request.EventQuery;
import com.nusomi.recorder.client.request.FrameRedaction;
import com.nusomi.recorder.client.request.FrameUpload;
import com.nusomi.recorder.client.request.PageRequest;
import com.nusomi.recorder.client.request.SessionQuery;
import com.nusomi.recorder.client.request.TagRequest;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import okhttp3.HttpUrl;
import okhttp3.MediaType;

/** Builds the {@link Operation} of each endpoint of the contract: URL, query, body and decoder. */
public final class Endpoints {
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final ObjectMapper M = Json.mapper();
    private static final JavaType SESSION_PAGE = pageOf(Session.class);
    private static final JavaType FRAME_PAGE = pageOf(Frame.class);
    private static final JavaType EVENT_PAGE = pageOf(Event.class);
    private static final JavaType AUDIT_PAGE = pageOf(AuditLogEntry.class);

    private final HttpUrl base;

    /** @param base the server root (the {@code /v1} prefix is added here) */
    public Endpoints(HttpUrl base) {
        this.base = base;
    }

    public HttpUrl base() {
        return base;
    }

    // ---- core ----

    public Operation<Session> create(CreateSessionRequest request) {
        ObjectNode body = M.createObjectNode();
        body.put("workflow", request.workflow());
        if (request.metadataJson() != null) {
            body.set("metadata", parseJson(request.metadataJson(), "metadata"));
        } else if (request.metadata() != null) {
            body.set("metadata", M.valueToTree(request.metadata()));
        }
        if (request.actor() != null) {
            ObjectNode actor = body.putObject("actor");
            actor.put("id", request.actor().id());
            if (request.actor().kind() != null) {
                actor.put("kind", request.actor().kind().wireValue());
            }
        }
        if (request.start() != null) {
            body.put("start", request.start());
        }
        if (request.idempotencyKey() != null) {
            body.put("idempotency_key", request.idempotencyKey());
        }
        return post(sessions().build(), body, false, type(Session.class));
    }

    /** The create call's options: the body's idempotency key doubles as the header unless one was given. */
    public static RequestOptions createOptions(CreateSessionRequest request, RequestOptions options) {
        RequestOptions o = options == null ? RequestOptions.NONE : options;
        return o.idempotencyKey() == null && request.idempotencyKey() != null
                ? o.withIdempotencyKey(request.idempotencyKey())
                : o;
    }

    public Operation<Session> start(String id) {
        return post(session(id).addPathSegment("start").build(), null, false, type(Session.class));
    }

    public Operation<Session> stop(String id) {
        return post(session(id).addPathSegment("stop").build(), null, false, type(Session.class));
    }

    public Operation<Tag> tag(String id, TagRequest tag) {
        ObjectNode body = M.createObjectNode();
        body.put("name", tag.name());
        if (tag.dataJson() != null) {
            body.set("data", parseJson(tag.dataJson(), "data"));
        } else if (tag.data() != null) {
            body.set("data", M.valueToTree(tag.data()));
        }
        return post(session(id).addPathSegment("tags").build(), body, false, type(Tag.class));
    }

    public Operation<Session> get(String id, Include... includes) {
        HttpUrl.Builder url = session(id);
        if (includes != null && includes.length > 0) {
            Set<String> names = Arrays.stream(includes)
                    .filter(Objects::nonNull)
                    .map(Include::wireValue)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            if (!names.isEmpty()) {
                url.addQueryParameter("include", String.join(",", names));
            }
        }
        return get(url.build(), false, type(Session.class));
    }

    public Operation<Page<Session>> list(SessionQuery q) {
        HttpUrl.Builder url = sessions();
        q.workflows().forEach(w -> url.addQueryParameter("workflow", w));
        q.statuses().forEach(s -> url.addQueryParameter("status", s.wireValue()));
        q.outcomes().forEach(o -> url.addQueryParameter("outcome", o.wireValue()));
        q.actorKinds().forEach(k -> url.addQueryParameter("actor.kind", k.wireValue()));
        if (q.since() != null) {
            url.addQueryParameter("since", q.since());
        }
        if (q.until() != null) {
            url.addQueryParameter("until", q.until().toString());
        }
        q.tags().forEach(t -> url.addQueryParameter("tag", t));
        q.notTags().forEach(t -> url.addQueryParameter("not_tag", t));
        if (q.includeTags()) {
            url.addQueryParameter("include", "tags");
        }
        if (q.deletedOnly()) {
            url.addQueryParameter("deleted", "only");
        }
        paging(url, q.limit(), q.cursor());
        return get(url.build(), false, SESSION_PAGE);
    }

    public Operation<Session> delete(String id) {
        return new Operation<>("DELETE", session(id).build(), null, null, false, true, json(type(Session.class)));
    }

    public Operation<HardDeleteResult> deleteHard(String id) {
        HttpUrl url = session(id).addQueryParameter("hard", "true").build();
        return new Operation<>("DELETE", url, null, null, false, true, json(type(HardDeleteResult.class)));
    }

    public Operation<BatchStopResult> batchStop(List<String> ids) {
        ObjectNode body = M.createObjectNode();
        ArrayNode array = body.putArray("ids");
        ids.forEach(array::add);
        return post(v1().addPathSegment("sessions:batch_stop").build(), body, false, type(BatchStopResult.class));
    }

    // ---- ext ----

    public Operation<Session> restore(String id) {
        return post(session(id).addPathSegment("restore").build(), null, true, type(Session.class));
    }

    public Operation<Page<AuditLogEntry>> auditLogs(AuditLogQuery q) {
        HttpUrl.Builder url = v1().addPathSegment("audit_logs");
        if (q.sessionId() != null) {
            url.addQueryParameter("session_id", q.sessionId());
        }
        if (q.action() != null) {
            url.addQueryParameter("action", q.action());
        }
        paging(url, q.limit(), q.cursor());
        return get(url.build(), true, AUDIT_PAGE);
    }

    public Operation<Health> health() {
        return new Operation<>(
                "GET", v1().addPathSegment("health").build(), null, null, true, false, json(type(Health.class)));
    }

    public Operation<Frame> uploadFrame(String id, FrameUpload frame) {
        HttpUrl url = session(id)
                .addPathSegment("frames")
                .addQueryParameter("seq", Long.toString(frame.seq()))
                .addQueryParameter("captured_at", frame.capturedAt().toString())
                .build();
        return new Operation<>(
                "POST", url, frame.bytes(), MediaType.get(frame.contentType()), true, true, json(type(Frame.class)));
    }

    public Operation<Page<Frame>> listFrames(String id, PageRequest page) {
        HttpUrl.Builder url = session(id).addPathSegment("frames");
        paging(url, page.limit(), page.cursor());
        return get(url.build(), true, FRAME_PAGE);
    }

    public Operation<FrameImage> getFrame(String id, long seq) {
        HttpUrl url = session(id)
                .addPathSegment("frames")
                .addPathSegment(Long.toString(seq))
                .build();
        ResponseDecoder<FrameImage> decoder = (status, headers, body) ->
                new FrameImage(body, headers.get("Content-Type"), unquote(headers.get("ETag")));
        return new Operation<>("GET", url, null, null, true, true, decoder);
    }

    public Operation<RedactionResult> redactFrames(String id, FrameRedaction r) {
        ObjectNode body = M.createObjectNode();
        body.put("from_seq", r.fromSeq());
        body.put("to_seq", r.toSeq());
        ArrayNode rects = body.putArray("rects");
        for (FrameRedaction.Rect rect : r.rects()) {
            rects.addObject()
                    .put("x", rect.x())
                    .put("y", rect.y())
                    .put("width", rect.width())
                    .put("height", rect.height());
        }
        if (r.reason() != null) {
            body.put("reason", r.reason());
        }
        // OkHttp leaves the colon of "frames:redact" as it is (no percent-encoding), as the route expects
        return post(session(id).addPathSegment("frames:redact").build(), body, true, type(RedactionResult.class));
    }

    public Operation<AppendEventsResult> appendEvents(String id, List<EventInput> events) {
        ObjectNode body = M.createObjectNode();
        ArrayNode array = body.putArray("events");
        for (EventInput e : events) {
            ObjectNode node = array.addObject();
            node.put("id", e.id());
            node.put("type", e.type());
            node.put("at", e.at().toString());
            if (e.data() != null) {
                node.set("data", M.valueToTree(e.data()));
            }
        }
        return post(session(id).addPathSegment("events").build(), body, true, type(AppendEventsResult.class));
    }

    public Operation<Page<Event>> listEvents(String id, EventQuery q) {
        HttpUrl.Builder url = session(id).addPathSegment("events");
        q.types().forEach(t -> url.addQueryParameter("type", t));
        paging(url, q.limit(), q.cursor());
        return get(url.build(), true, EVENT_PAGE);
    }

    // ---- helpers ----

    private HttpUrl.Builder v1() {
        return base.newBuilder().addPathSegment("v1");
    }

    private HttpUrl.Builder sessions() {
        return v1().addPathSegment("sessions");
    }

    private HttpUrl.Builder session(String id) {
        Objects.requireNonNull(id, "session id");
        return sessions().addPathSegment(id);
    }

    private static void paging(HttpUrl.Builder url, Integer limit, String cursor) {
        if (limit != null) {
            url.addQueryParameter("limit", limit.toString());
        }
        if (cursor != null) {
            url.addQueryParameter("cursor", cursor);
        }
    }

    private static <T> Operation<T> post(HttpUrl url, JsonNode body, boolean ext, JavaType type) {
        byte[] bytes = null;
        if (body != null) {
            try {
                bytes = M.writeValueAsBytes(body);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("cannot serialize the request body: " + e.getOriginalMessage(), e);
            }
        }
        return new Operation<>("POST", url, bytes, bytes == null ? null : JSON, ext, true, json(type));
    }

    private static <T> Operation<T> get(HttpUrl url, boolean ext, JavaType type) {
        return new Operation<>("GET", url, null, null, ext, true, json(type));
    }

    private static <T> ResponseDecoder<T> json(JavaType type) {
        return (status, headers, body) -> M.readValue(body, type);
    }

    private static JavaType type(Class<?> c) {
        return M.getTypeFactory().constructType(c);
    }

    private static JavaType pageOf(Class<?> c) {
        return M.getTypeFactory().constructParametricType(Page.class, c);
    }

    private static JsonNode parseJson(String json, String what) {
        try {
            return M.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(what + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static String unquote(String etag) {
        if (etag == null) {
            return null;
        }
        String e = etag.startsWith("W/") ? etag.substring(2) : etag;
        return e.length() >= 2 && e.startsWith("\"") && e.endsWith("\"") ? e.substring(1, e.length() - 1) : e;
    }
}
