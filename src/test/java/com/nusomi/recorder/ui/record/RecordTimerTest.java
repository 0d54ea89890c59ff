package com.nusomi.recorder.ui.record;

import static org.assertj.core.api.Assertions.assertThat;

import com.nusomi.recorder.client.internal.Json;
import com.nusomi.recorder.client.model.Session;
import com.nusomi.recorder.ui.TestClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The Record screen's timer on a clock the test moves: recorded time stands still while paused. */
class RecordTimerTest {
    private final TestClock clock = frozen();
    private final RecordTimer timer = new RecordTimer(clock);

    private static Session session(String status, long durationMs, long pausedMs) throws Exception {
        return Json.mapper()
                .readValue(
                        "{\"id\":\"ses_1\",\"status\":\"" + status + "\",\"duration_ms\":" + durationMs
                                + ",\"paused_ms\":" + pausedMs + "}",
                        Session.class);
    }

    private void advance(long ms) {
        clock.advance(Duration.ofMillis(ms));
        timer.tick();
    }

    @Test
    void theTimerStandsStillWhilePausedAndThePausedTimeShowsApart() throws Exception {
        timer.reset(session("recording", 0, 0), true, false);
        advance(90_000);
        assertThat(timer.textProperty().get()).isEqualTo("00:01:30");
        assertThat(timer.pausedTextProperty().get()).isEmpty();

        timer.setPaused(true);
        advance(12_000);
        assertThat(timer.recordedMsProperty().get()).isEqualTo(90_000);
        assertThat(timer.textProperty().get()).isEqualTo("PAUSED · 00:01:30");
        assertThat(timer.pausedMsProperty().get()).isEqualTo(12_000);
        assertThat(timer.pausedTextProperty().get()).isEqualTo("paused 0:12");

        timer.setPaused(false);
        advance(2_000);
        assertThat(timer.textProperty().get()).isEqualTo("00:01:32");
        assertThat(timer.pausedTextProperty().get()).isEqualTo("paused 0:12");
        assertThat(timer.recordedNow()).isEqualTo(92_000);
    }

    @Test
    void itStartsFromTheServersRecordedAndPausedTimes() throws Exception {
        timer.reset(session("recording", 300_000, 45_000), true, false);
        assertThat(timer.recordedMsProperty().get()).isEqualTo(255_000);
        assertThat(timer.pausedTextProperty().get()).isEqualTo("paused 0:45");
        advance(5_000);
        assertThat(timer.recordedMsProperty().get()).isEqualTo(260_000);
    }

    @Test
    void aStoppedSessionShowsItsRecordedTimeAndDoesNotRun() throws Exception {
        timer.reset(session("stopped", 30_000, 12_000), false, false);
        advance(60_000);
        timer.setPaused(true);
        advance(60_000);

        assertThat(timer.recordedMsProperty().get()).isEqualTo(18_000);
        assertThat(timer.pausedMsProperty().get()).isEqualTo(12_000);
    }

    @Test
    void pausedTimeReadsAsMinutesAndSecondsThenHours() {
        assertThat(RecordTimer.formatPaused(999)).isEmpty();
        assertThat(RecordTimer.formatPaused(12_000)).isEqualTo("paused 0:12");
        assertThat(RecordTimer.formatPaused(754_000)).isEqualTo("paused 12:34");
        assertThat(RecordTimer.formatPaused(3_723_000)).isEqualTo("paused 1:02:03");
    }

    private static TestClock frozen() {
        TestClock c = new TestClock();
        c.freeze();
        return c;
    }
}
