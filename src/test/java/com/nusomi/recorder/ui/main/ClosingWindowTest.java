package com.nusomi.recorder.ui.main;

import static org.awaitility.Awaitility.await;

import com.nusomi.recorder.ui.AppFixture;
import java.time.Duration;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** What the tests of closing the main window share: the app on a stage of its own, and a close request. */
@ExtendWith(ApplicationExtension.class)
abstract class ClosingWindowTest {
    @RegisterExtension
    final AppFixture app = AppFixture.create();

    Stage stage;

    /**
     * Shows the app on a stage of its own, not TestFX's primary stage: that one is shared by the tests, and each
     * test's window would leave its close-request filter on it for the next. Called from each test class's
     * {@code @Start} (TestFX finds only those a test class declares).
     */
    void showOnOwnStage() {
        stage = new Stage();
        // What the toolkit does with a close request that nobody consumed (the test fires the request itself).
        stage.addEventHandler(WindowEvent.WINDOW_CLOSE_REQUEST, e -> stage.hide());
        app.show(stage);
    }

    // waitForFxEvents below waits for the hide
    @SuppressWarnings("FutureReturnValueIgnored")
    @AfterEach
    void hideStage() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> stage.hide());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Asks the window to close, as its close button does. */
    void requestClose() {
        Platform.runLater(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
    }

    /** The node once it is there. */
    Node awaitNode(FxRobot robot, String query) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> robot.lookup(query).tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup(query).query();
    }
}
