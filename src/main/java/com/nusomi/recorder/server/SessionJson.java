package com.nusomi.recorder.server;

import com.fasterxml.jackson.core.JsonGenerator;
import com.nusomi.recorder.server.store.EventRecord;
import com.nusomi.recorder.server.store.FramesSummary;
import com.nusomi.recorder.server.store.SessionRecord;
import com.nusomi.recorder.server.store.TagRecord;
import java.io.IOException;
import java.util.List;

/** Writes sessions, tags and events in the contract's JSON form. Stored JSON (metadata, data) is copied raw. */
final class SessionJson {
    private SessionJson() {
    }

    /** What a get or list embeds beside the session's own fields; null parts are left out. */
    record Embeds(List<TagRecord> tags, List<EventRecord> events, Boolean eventsTruncated, FramesSummary frames) {
        static final Embeds NONE = new Embeds(null, null, null, null);
    }

    static void session(JsonGenerator g, SessionRecord s, long now, Embeds embeds) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", s.id());
        g.writeStringField("workflow", s.workflow());
        g.writeStringField("status", s.status());
        nullableString(g, "outcome", s.outcome());
        nullableString(g, "stop_reason", s.stopReason());
        g.writeFieldName("metadata");
        g.writeRawValue(s.metadata());
        if (s.actorId() == null) {
            g.writeNullField("actor");
        } else {
            g.writeObjectFieldStart("actor");
            g.writeStringField("id", s.actorId());
            g.writeStringField("kind", s.actorKind());
            g.writeEndObject();
        }
        time(g, "started_at", s.startedAt());
        time(g, "stopped_at", s.stoppedAt());
        g.writeNumberField("duration_ms", durationMillis(s, now));
        g.writeNumberField("frame_count", s.frameCount());
        g.writeNumberField("event_count", s.eventCount());
        time(g, "created_at", s.createdAt());
        time(g, "deleted_at", s.deletedAt());
        time(g, "purge_at", s.purgeAt());
        if (embeds.tags() != null) {
            g.writeArrayFieldStart("tags");
            for (TagRecord t : embeds.tags()) {
                tag(g, t);
            }
            g.writeEndArray();
        }
        if (embeds.events() != null) {
            g.writeArrayFieldStart("events");
            for (EventRecord e : embeds.events()) {
                event(g, e);
            }
            g.writeEndArray();
            g.writeBooleanField("events_truncated", Boolean.TRUE.equals(embeds.eventsTruncated()));
        }
        if (embeds.frames() != null) {
            FramesSummary f = embeds.frames();
            g.writeObjectFieldStart("frames_summary");
            g.writeNumberField("count", f.count());
            time(g, "first_at", f.firstAt());
            time(g, "last_at", f.lastAt());
            g.writeNumberField("total_bytes", f.totalBytes());
            nullableInt(g, "width", f.width());
            nullableInt(g, "height", f.height());
            g.writeArrayFieldStart("thumbnails");
            for (long seq : f.thumbnails()) {
                g.writeNumber(seq);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    static long durationMillis(SessionRecord s, long now) {
        if (s.startedAt() == null) {
            return 0;
        }
        long end = s.stoppedAt() != null ? s.stoppedAt() : now;
        return Math.max(0, end - s.startedAt());
    }

    static void tag(JsonGenerator g, TagRecord t) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", t.id());
        g.writeStringField("session_id", t.sessionId());
        g.writeStringField("name", t.name());
        g.writeFieldName("data");
        g.writeRawValue(t.data());
        time(g, "created_at", t.createdAt());
        if (t.offsetMs() == null) {
            g.writeNullField("offset_ms");
        } else {
            g.writeNumberField("offset_ms", t.offsetMs());
        }
        g.writeEndObject();
    }

    static void event(JsonGenerator g, EventRecord e) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", e.id());
        g.writeStringField("type", e.type());
        time(g, "at", e.at());
        if (e.offsetMs() == null) {
            g.writeNullField("offset_ms");
        } else {
            g.writeNumberField("offset_ms", e.offsetMs());
        }
        g.writeFieldName("data");
        g.writeRawValue(e.data());
        g.writeEndObject();
    }

    static void time(JsonGenerator g, String field, Long millis) throws IOException {
        if (millis == null) {
            g.writeNullField(field);
        } else {
            g.writeStringField(field, Times.format(millis));
        }
    }

    private static void nullableString(JsonGenerator g, String field, String value) throws IOException {
        if (value == null) {
            g.writeNullField(field);
        } else {
            g.writeStringField(field, value);
        }
    }

    private static void nullableInt(JsonGenerator g, String field, Integer value) throws IOException {
        if (value == null) {
            g.writeNullField(field);
        } else {
            g.writeNumberField(field, value);
        }
    }
}
