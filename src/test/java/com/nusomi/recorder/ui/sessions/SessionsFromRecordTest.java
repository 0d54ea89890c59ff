package com.nusomi.recorder.ui.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nusomi.recorder.client.model.Session;
import com.nusomi.recorder.client.model.SessionStatus;
import com.nusomi.recorder.ui.AppFixture;
import java.time.Duration;
import javafx.application.Platform;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The app as a whole: a session created, started and stopped on the Record screen shows in the Sessions list, and
 * its status follows, without anyone pressing Refresh.
 */
@ExtendWith(ApplicationExtension.class)
class SessionsFromRecordTest {
    @RegisterExtension
    final AppFixture app = AppFixture.create();

    @Start
    void start(Stage stage) {
        app.show(stage);
    }

    private static void press(FxRobot robot, String query) {
        ButtonBase b = robot.lookup(query).query();
        assertThat(b.isVisible() && !b.isDisabled())
                .as("%s can be pressed", query)
                .isTrue();
        Platform.runLater(b::fire);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private SessionsViewModel sessions(FxRobot robot) {
        return robot.lookup("#sessionsView").queryAs(SessionsView.class).viewModel();
    }

    private void waitRecordIdle() {
        await().atMost(Duration.ofSeconds(15))
                .until(() -> !app.window.recordViewModel().operations().isBusy());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Session only(SessionsViewModel vm) {
        return WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(
                () -> vm.rows().size() == 1 ? vm.rows().get(0) : null));
    }

    @Test
    void aSessionRecordedOnTheRecordScreenShowsInTheListWithoutARefresh(FxRobot robot) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> app.window.recordViewModel().connectedProperty().get());
        press(robot, "#navSessions");
        SessionsViewModel vm = sessions(robot);
        await().atMost(Duration.ofSeconds(10)).until(() -> !vm.loadingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.rows()).isEmpty();
        assertThat(robot.lookup("#sessionsEmpty").queryAs(Label.class).getText())
                .as("the first-run empty state says how to record a first session")
                .contains("Record")
                .contains("Start");

        press(robot, "#navRecord");
        robot.clickOn("#workflowField").write("process_invoice");
        robot.clickOn("#startImmediately"); // off: create first
        press(robot, "#createButton");
        waitRecordIdle();

        press(robot, "#navSessions");
        await().atMost(Duration.ofSeconds(10)).until(() -> only(vm) != null);
        Session created = only(vm);
        assertThat(created.workflow()).isEqualTo("process_invoice");
        assertThat(created.status()).isEqualTo(SessionStatus.CREATED);

        // started and stopped from the keyboard while the Sessions screen stays in view
        press(robot, "#navRecord");
        press(robot, "#startButton");
        waitRecordIdle();
        press(robot, "#navSessions");
        await().atMost(Duration.ofSeconds(10)).until(() -> only(vm).status() == SessionStatus.RECORDING);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.S).release(KeyCode.S, KeyCode.SHIFT, KeyCode.CONTROL);
        robot.clickOn("#verdict-success");
        // the recorder tells the app once the server has the stop: the list follows, well before any poll
        await().atMost(Duration.ofSeconds(8)).until(() -> only(vm).status() != SessionStatus.RECORDING);
        assertThat(only(vm).id()).isEqualTo(created.id());
        waitRecordIdle(); // the Record screen done with the stop before the app closes
    }
}
