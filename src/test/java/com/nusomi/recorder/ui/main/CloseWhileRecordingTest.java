package com.nusomi.recorder.ui.main;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nusomi.recorder.client.Include;
import com.nusomi.recorder.client.model.Outcome;
import com.nusomi.recorder.client.model.Session;
import com.nusomi.recorder.client.model.SessionStatus;
import com.nusomi.recorder.client.model.Tag;
import com.nusomi.recorder.ui.record.RecordState;
import java.time.Duration;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Closing the main window while a session records asks whether to stop it or keep it recording. */
class CloseWhileRecordingTest extends ClosingWindowTest {
    @Start
    void start(Stage primary) {
        showOnOwnStage();
    }

    /** Creates a session that records at once, until frames are counting. */
    private String startRecording(FxRobot robot) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> app.window.recordViewModel().connectedProperty().get());
        robot.clickOn("#workflowField").write("closing_run");
        robot.clickOn("#createButton");
        await().atMost(Duration.ofSeconds(15))
                .until(() -> app.window
                                .recordViewModel()
                                .controls()
                                .canPauseBinding()
                                .get()
                        && app.window
                                        .recordViewModel()
                                        .current()
                                        .framesProperty()
                                        .get()
                                > 0);
        WaitForAsyncUtils.waitForFxEvents();
        return app.window.recordViewModel().current().sessionProperty().get().id();
    }

    /** What the window manager sends when the user closes the window (asynchronous: the question waits). */
    @Test
    void closingWhileRecordingAsksAndKeepItRecordingClosesWithTheSessionStillRecording(FxRobot robot) {
        String id = startRecording(robot);
        requestClose();
        awaitNode(robot, "#quitKeepButton");
        assertThat(robot.lookup(".dialog-pane .header-panel .label")
                        .<Label>query()
                        .getText())
                .isEqualTo("Quit while recording?");
        assertThat(stage.isShowing()).isTrue();

        robot.clickOn("#quitKeepButton");
        await().atMost(Duration.ofSeconds(10)).until(() -> !stage.isShowing());
        assertThat(app.client.sessions().get(id).execute().status()).isEqualTo(SessionStatus.RECORDING);
        assertThat(app.context
                        .settings()
                        .startedOn(app.context.recorder().serverKey().id()))
                .contains(id);
    }

    @Test
    void closingWhileRecordingAndChoosingStopAsksTheVerdictStopsTheSessionThenCloses(FxRobot robot) {
        String id = startRecording(robot);
        requestClose();
        awaitNode(robot, "#quitStopButton");
        robot.clickOn("#quitStopButton");
        awaitNode(robot, "#verdict-success");
        robot.clickOn("#verdict-success");

        await().atMost(Duration.ofSeconds(30)).until(() -> !stage.isShowing());
        Session s = app.client.sessions().get(id, Include.TAGS).execute();
        assertThat(s.status()).isIn(SessionStatus.STOPPED, SessionStatus.SEALED);
        assertThat(s.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(s.tags()).extracting(Tag::name).contains("outcome");
    }

    @Test
    void cancellingTheQuestionKeepsTheWindowOpenAndRecording(FxRobot robot) {
        String id = startRecording(robot);
        requestClose();
        awaitNode(robot, "#quitKeepButton");
        robot.clickOn(robot.lookup(".dialog-pane .button")
                .match(n -> n instanceof Button b && b.isCancelButton())
                .<Node>query());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(stage.isShowing()).isTrue();
        assertThat(robot.lookup("#quitKeepButton").tryQuery()).isEmpty();
        assertThat(app.window.recordViewModel().current().is(RecordState.RECORDING))
                .isTrue();
        assertThat(app.client.sessions().get(id).execute().status()).isEqualTo(SessionStatus.RECORDING);
    }

    @Test
    void closingWhileNotRecordingClosesWithoutAsking(FxRobot robot) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> app.window.recordViewModel().connectedProperty().get());
        requestClose();
        await().atMost(Duration.ofSeconds(10)).until(() -> !stage.isShowing());
        assertThat(robot.lookup("#quitKeepButton").tryQuery()).isEmpty();
    }
}
