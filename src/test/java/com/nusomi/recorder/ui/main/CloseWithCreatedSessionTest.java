package com.nusomi.recorder.ui.main;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.nusomi.recorder.client.exception.GoneException;
import com.nusomi.recorder.client.model.SessionStatus;
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

/** Closing the main window with a session created and never started asks: start it, delete it, or leave it. */
class CloseWithCreatedSessionTest extends ClosingWindowTest {
    @Start
    void start(Stage primary) {
        showOnOwnStage();
    }

    /** Creates a session without starting it. */
    private String createOnly(FxRobot robot) throws Exception {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> app.window.recordViewModel().connectedProperty().get());
        WaitForAsyncUtils.asyncFx(() -> app.window
                        .recordViewModel()
                        .form()
                        .startImmediatelyProperty()
                        .set(false))
                .get();
        robot.clickOn("#workflowField").write("created_only");
        robot.clickOn("#createButton");
        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        app.window.recordViewModel().current().stateProperty().get() == RecordState.CREATED);
        WaitForAsyncUtils.waitForFxEvents();
        return app.window.recordViewModel().current().sessionProperty().get().id();
    }

    @Test
    void deleteItSoftDeletesTheSessionThenQuits(FxRobot robot) throws Exception {
        String id = createOnly(robot);
        requestClose();
        awaitNode(robot, "#quitDeleteButton");
        assertThat(robot.lookup(".dialog-pane .header-panel .label")
                        .<Label>query()
                        .getText())
                .isEqualTo("Quit with a session not started?");
        assertThat(stage.isShowing()).isTrue();

        robot.clickOn("#quitDeleteButton");
        await().atMost(Duration.ofSeconds(10)).until(() -> !stage.isShowing());
        assertThatThrownBy(() -> app.client.sessions().get(id).execute()).isInstanceOf(GoneException.class);
    }

    @Test
    void leaveItQuitsWithTheSessionStillCreated(FxRobot robot) throws Exception {
        String id = createOnly(robot);
        requestClose();
        awaitNode(robot, "#quitLeaveButton");
        robot.clickOn("#quitLeaveButton");

        await().atMost(Duration.ofSeconds(10)).until(() -> !stage.isShowing());
        assertThat(app.client.sessions().get(id).execute().status()).isEqualTo(SessionStatus.CREATED);
    }

    @Test
    void startItStartsRecordingAndKeepsTheWindowOpen(FxRobot robot) throws Exception {
        String id = createOnly(robot);
        requestClose();
        awaitNode(robot, "#quitStartButton");
        robot.clickOn("#quitStartButton");

        await().atMost(Duration.ofSeconds(15))
                .until(() -> app.window.recordViewModel().current().is(RecordState.RECORDING));
        assertThat(stage.isShowing()).isTrue();
        assertThat(app.client.sessions().get(id).execute().status()).isEqualTo(SessionStatus.RECORDING);
    }

    @Test
    void cancelKeepsTheWindowOpenAndTheSessionCreated(FxRobot robot) throws Exception {
        String id = createOnly(robot);
        requestClose();
        awaitNode(robot, "#quitLeaveButton");
        robot.clickOn(robot.lookup(".dialog-pane .button")
                .match(n -> n instanceof Button b && b.isCancelButton())
                .<Node>query());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(stage.isShowing()).isTrue();
        assertThat(app.window.recordViewModel().current().stateProperty().get()).isEqualTo(RecordState.CREATED);
        assertThat(app.client.sessions().get(id).execute().status()).isEqualTo(SessionStatus.CREATED);
    }
}
