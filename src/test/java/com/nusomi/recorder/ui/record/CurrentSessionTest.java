package com.nusomi.recorder.ui.record;

import static org.assertj.core.api.Assertions.assertThat;

import com.nusomi.recorder.app.DirectTaskRunner;
import com.nusomi.recorder.client.internal.Json;
import com.nusomi.recorder.client.model.Session;
import com.nusomi.recorder.ui.TestClock;
import org.junit.jupiter.api.Test;

/** The Record screen's state machine without a toolkit: its status line is a function of the state and its inputs. */
class CurrentSessionTest {
    private final CurrentSession current =
            new CurrentSession(new LiveRecording(new DirectTaskRunner()), new TestClock());

    private static Session session(String status, String outcome) throws Exception {
        return Json.mapper()
                .readValue(
                        "{\"id\":\"ses_1\",\"workflow\":\"process_invoice\",\"status\":\"" + status + "\""
                                + (outcome != null ? ",\"outcome\":\"" + outcome + "\"" : "") + "}",
                        Session.class);
    }

    private String status() {
        return current.statusTextBinding().get();
    }

    @Test
    void statusTextIsAFunctionOfEachState() throws Exception {
        Session stopped = session("stopped", "error");
        assertThat(CurrentSession.statusText(RecordState.IDLE, null, false, "", false, null))
                .isEqualTo("No session yet");
        assertThat(CurrentSession.statusText(RecordState.IDLE, null, false, "", false, "ses_9"))
                .isEqualTo("Deleted ses_9");
        assertThat(CurrentSession.statusText(RecordState.CREATED, session("created", null), false, "", false, null))
                .isEqualTo("Created · not started yet");
        assertThat(CurrentSession.statusText(RecordState.RECORDING, session("recording", null), false, "", false, null))
                .isEqualTo("Recording");
        assertThat(CurrentSession.statusText(RecordState.RECORDING, session("recording", null), true, "", false, null))
                .isEqualTo("Paused");
        assertThat(CurrentSession.statusText(
                        RecordState.STOPPING, session("recording", null), false, StopDrain.text(37, true), false, null))
                .isEqualTo("Stopping · Uploading 37 pending… (waiting for the server)");
        assertThat(CurrentSession.statusText(
                        RecordState.STOPPING, session("recording", null), false, StopDrain.text(0, false), false, null))
                .isEqualTo("Stopping · Waiting for the server to acknowledge the stop…");
        assertThat(CurrentSession.statusText(RecordState.STOPPED, stopped, false, "", false, null))
                .isEqualTo("Stopped · error");
        assertThat(CurrentSession.statusText(RecordState.STOPPED, session("stopped", null), false, "", false, null))
                .isEqualTo("Stopped");
        assertThat(CurrentSession.statusText(RecordState.STOPPED, stopped, false, "", true, null))
                .isEqualTo("Stop refused by the server");
    }

    @Test
    void theStatusFollowsEveryTransitionWithoutBeingSet() throws Exception {
        assertThat(current.stateProperty().get()).isEqualTo(RecordState.IDLE);
        assertThat(status()).isEqualTo("No session yet");

        current.show(session("created", null));
        assertThat(current.stateProperty().get()).isEqualTo(RecordState.CREATED);
        assertThat(status()).isEqualTo("Created · not started yet");

        current.show(session("recording", null));
        assertThat(current.stateProperty().get()).isEqualTo(RecordState.RECORDING);
        assertThat(status()).isEqualTo("Recording");

        current.stopping();
        assertThat(current.stateProperty().get()).isEqualTo(RecordState.STOPPING);
        assertThat(status()).isEqualTo("Stopping · Waiting for the server to acknowledge the stop…");
        assertThat(current.drain().progressProperty().get()).isEqualTo(1.0);

        current.show(session("stopped", "success"));
        assertThat(current.stateProperty().get()).isEqualTo(RecordState.STOPPED);
        assertThat(status()).isEqualTo("Stopped · success");
    }

    @Test
    void aRefusedStopShowsUntilTheSessionIsShownAgain() throws Exception {
        current.show(session("recording", null));
        current.stopping();
        current.stopRefused();
        assertThat(current.stateProperty().get()).isEqualTo(RecordState.STOPPED);
        assertThat(status()).isEqualTo("Stop refused by the server");

        current.show(session("stopped", "abandoned"));
        assertThat(status()).as("the same state, the session read again").isEqualTo("Stopped · abandoned");
    }

    @Test
    void aDeletedSessionLeavesTheScreenEmptyAndSaysWhich() throws Exception {
        current.show(session("created", null));
        current.deleted("ses_1");
        assertThat(current.stateProperty().get()).isEqualTo(RecordState.IDLE);
        assertThat(current.sessionProperty().get()).isNull();
        assertThat(status()).isEqualTo("Deleted ses_1");

        current.show(session("created", null));
        assertThat(status()).isEqualTo("Created · not started yet");
    }
}
