package com.nusomi.recorder.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.nusomi.recorder.client.internal.Json;
import com.nusomi.recorder.client.model.ActorKind;
import com.nusomi.recorder.client.model.Outcome;
import com.nusomi.recorder.client.model.Session;
import com.nusomi.recorder.client.model.SessionStatus;
import com.nusomi.recorder.client.model.StopReason;
import com.nusomi.recorder.client.model.Tag;
import java.time.Instant;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/** The models read the contract's JSON: snake_case, both time forms, unknown fields and values tolerated. */
class ModelDecodingTest {

    private static Session session(String json) throws Exception {
        return Json.mapper().readValue(json, Session.class);
    }

    @Test
    void readsTheContractsSessionExample() throws Exception {
        Session s = session("""
                { "id": "ses_01HZX3", "workflow": "process_invoice", "status": "created", "outcome": null,
                  "metadata": { "vendor": "Acme", "amount": 4500 },
                  "actor": { "id": "alex@nusomi.com", "kind": "human" },
                  "started_at": null, "stopped_at": null, "duration_ms": 0,
                  "frame_count": 0, "event_count": 0, "created_at": "2026-05-07T14:01:33Z" }""");

        assertThat(s.status()).isEqualTo(SessionStatus.CREATED);
        assertThat(s.outcome()).isNull();
        assertThat(s.metadata()).containsEntry("vendor", "Acme").containsEntry("amount", 4500);
        assertThat(s.actor().kind()).isEqualTo(ActorKind.HUMAN);
        assertThat(s.createdAt()).isEqualTo(Instant.parse("2026-05-07T14:01:33Z"));
        assertThat(s.tags()).isEmpty();
        assertThat(s.framesSummary()).isNull();
    }

    @Test
    void acceptsTimesWithAndWithoutFraction() throws Exception {
        Session s = session("""
                {"id":"ses_1","status":"stopped","created_at":"2026-05-07T14:01:33Z",
                 "started_at":"2026-05-07T14:01:33.250Z","stopped_at":"2026-05-07T14:02:00.123456789Z"}""");

        assertThat(s.startedAt()).isEqualTo(Instant.parse("2026-05-07T14:01:33.250Z"));
        assertThat(s.stoppedAt()).isEqualTo(Instant.parse("2026-05-07T14:02:00.123456789Z"));
    }

    @Test
    void acceptsOtherRfc3339FormsAndRejectsGarbage() throws Exception {
        assertThat(session("{\"id\":\"s\",\"created_at\":\"2026-05-07T16:01:33.5+02:00\"}")
                        .createdAt())
                .isEqualTo(Instant.parse("2026-05-07T14:01:33.500Z"));
        assertThat(session("{\"id\":\"s\",\"created_at\":\"2024-02-29T23:59:59.000000001Z\"}")
                        .createdAt())
                .isEqualTo(Instant.parse("2024-02-29T23:59:59.000000001Z"));
        for (String bad : new String[] {
            "2026-13-07T14:01:33Z", "2026-05-07 14:01:33", "yesterday", "2026-05-07T14:01:33.1234567890Z"
        }) {
            Assertions.assertThatThrownBy(() -> session("{\"id\":\"s\",\"created_at\":\"" + bad + "\"}"))
                    .as(bad)
                    .isInstanceOf(JsonMappingException.class);
        }
    }

    @Test
    void ignoresUnknownFieldsAndUnknownEnumValues() throws Exception {
        Session s = session("""
                {"id":"ses_1","status":"archived","outcome":"partial","stop_reason":"timeout",
                 "brand_new_field":{"x":1},"actor":{"id":"bot","kind":"robot","extra":true},
                 "created_at":"2026-05-07T14:01:33Z"}""");

        assertThat(s.status()).isEqualTo(SessionStatus.UNKNOWN);
        assertThat(s.outcome()).isEqualTo(Outcome.UNKNOWN);
        assertThat(s.stopReason()).isEqualTo(StopReason.UNKNOWN);
        assertThat(s.actor().kind()).isEqualTo(ActorKind.UNKNOWN);
    }

    @Test
    void readsIncludesAndLocalFields() throws Exception {
        Session s = session("""
                {"id":"ses_1","status":"sealed","outcome":"success","stop_reason":"batch_stop",
                 "created_at":"2026-05-07T14:01:33Z","deleted_at":"2026-05-08T00:00:00Z",
                 "purge_at":"2026-06-07T00:00:00Z",
                 "tags":[{"id":"tag_1","session_id":"ses_1","name":"outcome","data":{"value":"success"},
                          "created_at":"2026-05-07T14:03:10Z","offset_ms":97000}],
                 "events":[{"id":"evt_1","type":"click","at":"2026-05-07T14:02:01.250Z","offset_ms":28250,
                            "data":{"x":640,"y":380}}],
                 "events_truncated":true,
                 "frames_summary":{"count":3,"first_at":"2026-05-07T14:01:34Z","last_at":null,
                                   "total_bytes":1024,"width":1920,"height":1080,"thumbnails":[0,1,2]}}""");

        assertThat(s.stopReason()).isEqualTo(StopReason.BATCH_STOP);
        assertThat(s.isDeleted()).isTrue();
        assertThat(s.purgeAt()).isEqualTo(Instant.parse("2026-06-07T00:00:00Z"));
        assertThat(s.tags()).singleElement().satisfies(t -> {
            assertThat(t.sessionId()).isEqualTo("ses_1");
            assertThat(t.offsetMs()).isEqualTo(97000L);
            assertThat(t.data()).containsEntry("value", "success");
        });
        assertThat(s.events())
                .singleElement()
                .satisfies(e -> assertThat(e.offsetMs()).isEqualTo(28250L));
        assertThat(s.eventsTruncated()).isTrue();
        assertThat(s.framesSummary().thumbnails()).containsExactly(0L, 1L, 2L);
        assertThat(s.framesSummary().lastAt()).isNull();
    }

    @Test
    void readsPausedTimeAsZeroWhenAbsentOrNullAndRecordedTimeWithoutIt() throws Exception {
        Session paused = session("{\"id\":\"ses_1\",\"duration_ms\":30000,\"paused_ms\":12000}");
        Session absent = session("{\"id\":\"ses_2\",\"duration_ms\":30000}");
        Session none = session("{\"id\":\"ses_3\",\"duration_ms\":30000,\"paused_ms\":null}");

        assertThat(paused.pausedMs()).isEqualTo(12_000);
        assertThat(paused.recordedMs()).isEqualTo(18_000);
        assertThat(absent.pausedMs()).isZero();
        assertThat(absent.recordedMs()).isEqualTo(30_000);
        assertThat(none.recordedMs()).isEqualTo(30_000);
    }

    @Test
    void readsAPageWithItsCursor() throws Exception {
        JavaType type = Json.mapper().getTypeFactory().constructParametricType(Page.class, Session.class);
        Page<Session> page = Json.mapper().readValue("""
                {"data":[{"id":"ses_2","status":"recording","created_at":"2026-05-07T14:01:33Z"}],
                 "next_cursor":"abc","has_more":true,"url":"/v1/sessions"}""", type);

        assertThat(page.data()).extracting(Session::id).containsExactly("ses_2");
        assertThat(page.nextCursor()).isEqualTo("abc");
        assertThat(page.hasMore()).isTrue();
    }

    @Test
    void modelsAreImmutable() throws Exception {
        Session s = session("{\"id\":\"ses_1\",\"metadata\":{\"a\":1},\"tags\":[]}");

        Assertions.assertThatThrownBy(() -> s.metadata().put("b", 2)).isInstanceOf(UnsupportedOperationException.class);
        Assertions.assertThatThrownBy(() -> s.tags().add(null)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void tagAddedByIsReadAndAbsentOrNullMeansUnknown() throws Exception {
        String base = "{\"id\":\"tag_1\",\"session_id\":\"ses_1\",\"name\":\"n\",\"data\":{},"
                + "\"created_at\":\"2026-05-07T14:03:10Z\",\"offset_ms\":null";
        Tag known = Json.mapper()
                .readValue(base + ",\"added_by\":{\"key_id\":\"key_1\",\"label\":\"anna\",\"later\":1}}", Tag.class);
        Tag unlabelled =
                Json.mapper().readValue(base + ",\"added_by\":{\"key_id\":\"key_2\",\"label\":null}}", Tag.class);

        assertThat(known.addedBy()).isEqualTo(new Tag.AddedBy("key_1", "anna"));
        assertThat(unlabelled.addedBy()).isEqualTo(new Tag.AddedBy("key_2", null));
        assertThat(Json.mapper()
                        .readValue(base + ",\"added_by\":null}", Tag.class)
                        .addedBy())
                .isNull();
        assertThat(Json.mapper().readValue(base + "}", Tag.class).addedBy()).isNull();
    }
}
