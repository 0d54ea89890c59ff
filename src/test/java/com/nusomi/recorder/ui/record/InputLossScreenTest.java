package com.nusomi.recorder.ui.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nusomi.recorder.client.model.Event;
import com.nusomi.recorder.recorder.input.MouseButton;
import com.nusomi.recorder.ui.AppFixture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Input capture lost during a recording: the Record screen and the mini recorder say so at once, with "Restart
 * input capture"; a restart that works clears the notice, one that fails says why and keeps it.
 */
@ExtendWith(ApplicationExtension.class)
class InputLossScreenTest {
    @RegisterExtension
    final AppFixture app = AppFixture.create();

    @Start
    void start(Stage stage) throws Exception {
        app.show(stage);
    }

    private <T> T onFx(Callable<T> read) {
        return WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(read));
    }

    private boolean visible(FxRobot robot, String query) {
        return onFx(() -> robot.lookup(query).query().isVisible());
    }

    private Parent mini() {
        return onFx(() -> app.window.miniRecorder().stage().getScene().getRoot());
    }

    private boolean miniVisible(FxRobot robot, String query) {
        Parent mini = mini();
        return onFx(() -> robot.from(mini).lookup(query).query().isVisible());
    }

    /** Creates a session that starts recording at once, until frames are counted. */
    private String startRecording(FxRobot robot, String workflow) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> app.window.recordViewModel().connectedProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#workflowField").write(workflow);
        robot.clickOn("#createButton");
        await().atMost(Duration.ofSeconds(15))
                .until(() -> app.window
                                .recordViewModel()
                                .controls()
                                .canPauseBinding()
                                .get()
                        && Long.parseLong(onFx(() -> robot.lookup("#framesCount")
                                        .<Label>query()
                                        .getText()))
                                > 0);
        return app.window.recordViewModel().current().sessionProperty().get().id();
    }

    private void stop(FxRobot robot) {
        robot.clickOn("#stopButton");
        robot.clickOn("#verdict-server-decides");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> onFx(() ->
                                robot.lookup("#statusLabel").<Label>query().getText())
                        .startsWith("Stopped"));
    }

    private List<Object> markers(String id) {
        List<Object> kinds = new ArrayList<>();
        for (Event e : app.client.events().listAll(id)) {
            if (e.type().equals("marker")) {
                kinds.add(e.data().get("kind"));
            }
        }
        return kinds;
    }

    @Test
    void lostInputShowsTheNoticeAndItsRestartAndARestartClearsIt(FxRobot robot) {
        String id = startRecording(robot, "input_lost_run");
        assertThat(visible(robot, "#inputLostNotice")).isFalse();
        assertThat(miniVisible(robot, "#miniInputLostRow")).isFalse();

        app.input.loseInput("the input hook's thread ended");

        await().atMost(Duration.ofSeconds(10)).until(() -> visible(robot, "#inputLostNotice"));
        assertThat(onFx(() -> robot.lookup("#inputLostText").<Label>query().getText()))
                .contains("Clicks and keys are no longer recorded")
                .contains("the input hook's thread ended");
        Button restart = robot.lookup("#restartInputButton").queryButton();
        assertThat(restart.getText()).isEqualTo("Restart input capture");
        assertThat(onFx(restart::isDisabled)).isFalse();
        assertThat(miniVisible(robot, "#miniInputLostRow")).isTrue();
        assertThat(onFx(() -> robot.from(mini())
                        .lookup("#miniRestartInputButton")
                        .queryButton()
                        .isDisabled()))
                .isFalse();

        robot.clickOn("#restartInputButton");

        await().atMost(Duration.ofSeconds(10)).until(() -> !visible(robot, "#inputLostNotice"));
        assertThat(miniVisible(robot, "#miniInputLostRow")).isFalse();
        assertThat(app.input.restarts()).isEqualTo(1);
        app.input.click(30, 40, MouseButton.PRIMARY);
        stop(robot);
        assertThat(markers(id)).containsExactly("input_lost", "input_restored");
        assertThat(app.client.events().listAll(id)).extracting(Event::type).contains("click");
    }

    @Test
    void aRestartThatFailsSaysWhyAndTheMiniRecordersRestartWorksOnceItCan(FxRobot robot) {
        String id = startRecording(robot, "input_refused_run");
        app.input.loseInput("the input hook's thread ended");
        await().atMost(Duration.ofSeconds(10)).until(() -> visible(robot, "#inputLostNotice"));
        app.input.refuseRestart("permission denied");

        robot.clickOn("#restartInputButton");

        Node record = robot.lookup("#recordView").query();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> onFx(() ->
                        robot.from(record).lookup("#failureBanner").query().isVisible()));
        assertThat(onFx(() -> robot.from(record)
                        .lookup("#failureTitle")
                        .<Label>query()
                        .getText()))
                .isEqualTo("Could not restart input capture");
        assertThat(onFx(() -> robot.from(record)
                        .lookup("#failureDetail")
                        .<Label>query()
                        .getText()))
                .contains("permission denied");
        assertThat(visible(robot, "#inputLostNotice")).as("still lost").isTrue();

        app.input.refuseRestart(null);
        Button miniRestart =
                onFx(() -> robot.from(mini()).lookup("#miniRestartInputButton").queryButton());
        robot.interact(miniRestart::fire);

        await().atMost(Duration.ofSeconds(10)).until(() -> !visible(robot, "#inputLostNotice"));
        assertThat(miniVisible(robot, "#miniInputLostRow")).isFalse();
        assertThat(app.input.restarts()).isEqualTo(2);
        stop(robot);
        assertThat(markers(id)).containsExactly("input_lost", "input_restored");
    }
}
