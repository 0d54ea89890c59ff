package com.nusomi.recorder.server;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.nusomi.recorder.server.store.EventRecord;
import com.nusomi.recorder.server.store.FramesSummary;
import com.nusomi.recorder.server.store.SessionRecord;
import com.nusomi.recorder.server.store.TagRecord;
import java.io.IOException;
import java.util.List;

/** Writes sessions, tags and events in the contract's JSON form. Stored JSON (metadata, data) is copied raw. */
final class SessionJson {
    private SessionJson() {}

    /** What a get or list embeds beside the session's own fields; null parts are left out. */
    record Embeds(
            List<TagRecord> tags,
            Boolean tagsTruncated,
            List<EventRecord> events,
            Boolean eventsTruncated,
            FramesSummary frames) {
        static final Embeds NONE = new Embeds(null, null, null, null, null);
    }

    // Field names of a session, encoded once: a page of 100 sessions writes some 2,000 of them.
    private static final SerializableString ACTOR = new SerializedString("actor");
    private static final SerializableString BUNDLE_SHA256 = new SerializedString("bundle_sha256");
    private static final SerializableString IMPORTED_FROM = new SerializedString("imported_from");
    private static final SerializableString SESSION_ID = new SerializedString("session_id");
    private static final SerializableString COUNT = new SerializedString("count");
    private static final SerializableString CREATED_AT = new SerializedString("created_at");
    private static final SerializableString DELETED_AT = new SerializedString("deleted_at");
    private static final SerializableString DURATION_MS = new SerializedString("duration_ms");
    private static final SerializableString EVENT_COUNT = new SerializedString("event_count");
    private static final SerializableString EVENTS = new SerializedString("events");
    private static final SerializableString EVENTS_TRUNCATED = new SerializedString("events_truncated");
    private static final SerializableString FIRST_AT = new SerializedString("first_at");
    private static final SerializableString FRAME_COUNT = new SerializedString("frame_count");
    private static final SerializableString FRAMES_SUMMARY = new SerializedString("frames_summary");
    private static final SerializableString HEIGHT = new SerializedString("height");
    private static final SerializableString ID = new SerializedString("id");
    private static final SerializableString KIND = new SerializedString("kind");
    private static final SerializableString LAST_AT = new SerializedString("last_at");
    private static final SerializableString METADATA = new SerializedString("metadata");
    private static final SerializableString OUTCOME = new SerializedString("outcome");
    private static final SerializableString PAUSED_MS = new SerializedString("paused_ms");
    private static final SerializableString PURGE_AT = new SerializedString("purge_at");
    private static final SerializableString STARTED_AT = new SerializedString("started_at");
    private static final SerializableString STATUS = new SerializedString("status");
    private static final SerializableString STOP_REASON = new SerializedString("stop_reason");
    private static final SerializableString STOPPED_AT = new SerializedString("stopped_at");
    private static final SerializableString TAGS = new SerializedString("tags");
    private static final SerializableString TAGS_TRUNCATED = new SerializedString("tags_truncated");
    private static final SerializableString THUMBNAILS = new SerializedString("thumbnails");
    private static final SerializableString TOTAL_BYTES = new SerializedString("total_bytes");
    private static final SerializableString WIDTH = new SerializedString("width");
    private static final SerializableString WORKFLOW = new SerializedString("workflow");

    static void session(JsonGenerator g, SessionRecord s, long now, Embeds embeds) throws IOException {
        g.writeStartObject();
        string(g, ID, s.id());
        string(g, WORKFLOW, s.workflow());
        string(g, STATUS, s.status());
        nullableString(g, OUTCOME, s.outcome());
        nullableString(g, STOP_REASON, s.stopReason());
        g.writeFieldName(METADATA);
        g.writeRawValue(s.metadata());
        g.writeFieldName(ACTOR);
        if (s.actorId() == null) {
            g.writeNull();
        } else {
            g.writeStartObject();
            string(g, ID, s.actorId());
            string(g, KIND, s.actorKind());
            g.writeEndObject();
        }
        time(g, STARTED_AT, s.startedAt());
        time(g, STOPPED_AT, s.stoppedAt());
        number(g, DURATION_MS, durationMillis(s, now));
        number(g, PAUSED_MS, Pauses.pausedMillis(s, now));
        number(g, FRAME_COUNT, s.frameCount());
        number(g, EVENT_COUNT, s.eventCount());
        time(g, CREATED_AT, s.createdAt());
        time(g, DELETED_AT, s.deletedAt());
        time(g, PURGE_AT, s.purgeAt());
        if (s.importedFrom() != null) {
            g.writeFieldName(IMPORTED_FROM);
            g.writeStartObject();
            string(g, SESSION_ID, s.importedFrom().sessionId());
            string(g, BUNDLE_SHA256, s.importedFrom().bundleSha256());
            g.writeEndObject();
        }
        if (embeds.tags() != null) {
            g.writeFieldName(TAGS);
            g.writeStartArray();
            for (TagRecord t : embeds.tags()) {
                tag(g, t);
            }
            g.writeEndArray();
            if (embeds.tagsTruncated() != null) {
                bool(g, TAGS_TRUNCATED, embeds.tagsTruncated());
            }
        }
        if (embeds.events() != null) {
            g.writeFieldName(EVENTS);
            g.writeStartArray();
            for (EventRecord e : embeds.events()) {
                event(g, e);
            }
            g.writeEndArray();
            bool(g, EVENTS_TRUNCATED, Boolean.TRUE.equals(embeds.eventsTruncated()));
        }
        if (embeds.frames() != null) {
            FramesSummary f = embeds.frames();
            g.writeFieldName(FRAMES_SUMMARY);
            g.writeStartObject();
            number(g, COUNT, f.count());
            time(g, FIRST_AT, f.firstAt());
            time(g, LAST_AT, f.lastAt());
            number(g, TOTAL_BYTES, f.totalBytes());
            nullableInt(g, WIDTH, f.width());
            nullableInt(g, HEIGHT, f.height());
            g.writeFieldName(THUMBNAILS);
            g.writeStartArray();
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
        if (t.addedByKeyId() == null) {
            g.writeNullField("added_by");
        } else {
            g.writeObjectFieldStart("added_by");
            g.writeStringField("key_id", t.addedByKeyId());
            if (t.addedByLabel() == null) {
                g.writeNullField("label");
            } else {
                g.writeStringField("label", t.addedByLabel());
            }
            g.writeEndObject();
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

    private static void time(JsonGenerator g, SerializableString field, Long millis) throws IOException {
        g.writeFieldName(field);
        if (millis == null) {
            g.writeNull();
        } else {
            g.writeString(Times.format(millis));
        }
    }

    private static void string(JsonGenerator g, SerializableString field, String value) throws IOException {
        g.writeFieldName(field);
        g.writeString(value);
    }

    private static void number(JsonGenerator g, SerializableString field, long value) throws IOException {
        g.writeFieldName(field);
        g.writeNumber(value);
    }

    private static void bool(JsonGenerator g, SerializableString field, boolean value) throws IOException {
        g.writeFieldName(field);
        g.writeBoolean(value);
    }

    private static void nullableString(JsonGenerator g, SerializableString field, String value) throws IOException {
        g.writeFieldName(field);
        if (value == null) {
            g.writeNull();
        } else {
            g.writeString(value);
        }
    }

    private static void nullableInt(JsonGenerator g, SerializableString field, Integer value) throws IOException {
        g.writeFieldName(field);
        if (value == null) {
            g.writeNull();
        } else {
            g.writeNumber(value);
        }
    }

    static void time(JsonGenerator g, String field, Long millis) throws IOException {
        if (millis == null) {
            g.writeNullField(field);
        } else {
            g.writeStringField(field, Times.format(millis));
        }
    }
}
