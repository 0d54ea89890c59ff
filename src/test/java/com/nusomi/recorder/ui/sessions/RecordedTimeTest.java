package com.nusomi.recorder.ui.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import com.nusomi.recorder.client.internal.Json;
import com.nusomi.recorder.client.model.Event;
import com.nusomi.recorder.client.model.Session;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Offsets in recorded time: the pauses before a moment are left out, by the server's rule for paused_ms. */
class RecordedTimeTest {
    private static final Instant T0 = Instant.parse("2026-05-07T14:00:00Z");

    private static Session session(long durationMs, long pausedMs, boolean stopped) throws Exception {
        return Json.mapper()
                .readValue(
                        "{\"id\":\"ses_1\",\"status\":\"" + (stopped ? "stopped" : "recording")
                                + "\",\"started_at\":\"" + T0 + "\",\"stopped_at\":"
                                + (stopped ? "\"" + T0.plusMillis(durationMs) + "\"" : "null") + ",\"duration_ms\":"
                                + durationMs + ",\"paused_ms\":" + pausedMs + "}",
                        Session.class);
    }

    private static Event marker(String id, long offsetMs, String kind) {
        return new Event(id, "marker", T0.plusMillis(offsetMs), offsetMs, Map.of("kind", kind));
    }

    @Test
    void aMomentAfterAPauseIsEarlierByThePauseAndOneInsideItSitsAtItsStart() throws Exception {
        RecordedTime t = RecordedTime.of(
                session(30_000, 12_000, true),
                List.of(marker("evt_1", 10_000, "pause"), marker("evt_2", 22_000, "resume")));

        assertThat(t.recorded(5_000L)).isEqualTo(5_000);
        assertThat(t.recorded(15_000L)).as("inside the pause").isEqualTo(10_000);
        assertThat(t.recorded(25_000L)).isEqualTo(13_000);
        assertThat(t.recorded(30_000L)).as("the stop: the recorded duration").isEqualTo(18_000);
        assertThat(t.recorded(null)).isNull();
        assertThat(t.event(new Event("evt_3", "note", T0.plusMillis(25_000), null, Map.of())))
                .isEqualTo(13_000);
    }

    @Test
    void aPauseNotResumedEndsAtTheStopAndRepeatsAndOrderDoNotMatter() throws Exception {
        List<Event> markers = new ArrayList<>(List.of(
                marker("evt_5", 26_000, "pause"),
                marker("evt_1", 2_000, "resume"),
                marker("evt_4", 20_000, "resume"),
                marker("evt_3", 12_000, "pause"),
                marker("evt_2", 8_000, "pause"),
                new Event("evt_6", "note", T0.plusMillis(9_000), 9_000L, Map.of("kind", "resume"))));
        Session s = session(30_000, 16_000, true);

        RecordedTime t = RecordedTime.of(s, markers);

        assertThat(t.pauses()).isEqualTo(2);
        assertThat(t.recorded(21_000L)).isEqualTo(9_000);
        assertThat(t.recorded(40_000L)).as("a tag after the stop").isEqualTo(24_000);
        assertThat(t.recorded(s.durationMs())).isEqualTo(s.recordedMs());
    }

    @Test
    void aSessionWithoutPausedTimeKeepsTheServersOffsets() throws Exception {
        RecordedTime t = RecordedTime.of(session(30_000, 0, true), List.of(marker("evt_1", 10_000, "pause")));

        assertThat(t.recorded(25_000L)).isEqualTo(25_000);
        assertThat(RecordedTime.NONE.recorded(25_000L)).isEqualTo(25_000);
    }
}
