package com.nusomi.recorder.ui.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nusomi.recorder.app.settings.Settings;
import com.nusomi.recorder.app.settings.SettingsStore;
import com.nusomi.recorder.client.Include;
import com.nusomi.recorder.client.model.Outcome;
import com.nusomi.recorder.client.model.Session;
import com.nusomi.recorder.client.model.SessionStatus;
import com.nusomi.recorder.client.model.Tag;
import com.nusomi.recorder.client.request.CreateSessionRequest;
import com.nusomi.recorder.client.request.TagRequest;
import com.nusomi.recorder.ui.AppFixture;
import java.time.Duration;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A session this machine left recording (the app was killed) is offered at start-up for resume or stop. */
@ExtendWith(ApplicationExtension.class)
class CrashRecoveryTest {
    @RegisterExtension
    final AppFixture app = AppFixture.create();

    private Session left;

    @Start
    void start(Stage stage) throws Exception {
        left = app.client
                .sessions()
                .create(CreateSessionRequest.builder("process_invoice")
                        .start(true)
                        .build())
                .execute();
        app.client.sessions().tag(left.id(), TagRequest.of("before_crash")).execute();
        Settings settings = new Settings();
        settings.rememberStarted(left.id());
        new SettingsStore(app.dataDir, Runnable::run).saveNow(settings);
        app.show(stage);
    }

    private void waitOffered(FxRobot robot) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> robot.lookup("#recoveryPane").query().isVisible());
        assertThat(robot.lookup("#recoveryText").<Label>query().getText()).contains(left.id());
    }

    private void waitIdle() {
        await().atMost(Duration.ofSeconds(15))
                .until(() -> !app.window.recordViewModel().operations().isBusy());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void resumeMakesItTheCurrentRecordingAndItStopsNormally(FxRobot robot) {
        waitOffered(robot);
        robot.clickOn("#resumeLeftButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#recoveryPane").query().isVisible()).isFalse();
        assertThat(robot.lookup("#statusLabel").<Label>query().getText()).isEqualTo("Recording");
        assertThat(robot.lookup("#tagsCount").<Label>query().getText()).isEqualTo("1");
        assertThat(app.window
                        .recordViewModel()
                        .current()
                        .sessionProperty()
                        .get()
                        .id())
                .isEqualTo(left.id());

        robot.clickOn("#preset-manual_fix");
        waitIdle();
        robot.clickOn("#stopButton");
        robot.clickOn("#verdict-abandoned");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() ->
                                robot.lookup("#statusLabel").<Label>query().getText()))
                        .startsWith("Stopped"));
        waitIdle();

        Session s = app.client.sessions().get(left.id(), Include.TAGS).execute();
        assertThat(s.status()).isIn(SessionStatus.STOPPED, SessionStatus.SEALED);
        assertThat(s.outcome()).isEqualTo(Outcome.ABANDONED);
        assertThat(s.tags()).extracting(Tag::name).containsExactly("before_crash", "manual_fix", "outcome");
        assertThat(app.context
                        .settings()
                        .startedOn(app.context.recorder().serverKey().id()))
                .isEmpty();
    }

    @Test
    void stopItStopsTheLeftSessionWithTheVerdict(FxRobot robot) {
        waitOffered(robot);
        robot.clickOn("#stopLeftButton");
        robot.clickOn("#verdict-error");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !robot.lookup("#recoveryPane").query().isVisible());
        waitIdle();
        Session s = app.client.sessions().get(left.id()).execute();
        assertThat(s.status()).isIn(SessionStatus.STOPPED, SessionStatus.SEALED);
        assertThat(s.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(app.context
                        .settings()
                        .startedOn(app.context.recorder().serverKey().id()))
                .isEmpty();
        assertThat(robot.lookup("#statusLabel").<Label>query().getText()).isEqualTo("No session yet");
    }
}
