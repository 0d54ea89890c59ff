package com.nusomi.recorder.ui.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nusomi.recorder.client.Include;
import com.nusomi.recorder.client.model.Event;
import com.nusomi.recorder.client.model.Outcome;
import com.nusomi.recorder.client.model.Session;
import com.nusomi.recorder.client.model.SessionStatus;
import com.nusomi.recorder.client.model.Tag;
import com.nusomi.recorder.client.request.SessionQuery;
import com.nusomi.recorder.recorder.input.MouseButton;
import com.nusomi.recorder.ui.AppFixture;
import com.nusomi.recorder.ui.common.Rules;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Record screen driven by clicks and keys, against a real local server. */
@ExtendWith(ApplicationExtension.class)
class RecordScreenTest {
    @RegisterExtension
    final AppFixture app = AppFixture.create();

    @Start
    void start(Stage stage) throws Exception {
        app.show(stage);
    }

    private List<Session> sessionsOnServer() {
        return app.client
                .sessions()
                .list(SessionQuery.builder().build())
                .execute()
                .data();
    }

    private void waitConnected() {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> app.window.recordViewModel().connectedProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private boolean disabled(FxRobot robot, String query) {
        return robot.lookup(query).query().isDisabled();
    }

    private void waitIdle() {
        await().atMost(Duration.ofSeconds(15))
                .until(() -> !app.window.recordViewModel().operations().isBusy());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String text(FxRobot robot, String query) {
        return WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(
                () -> robot.lookup(query).<Label>query().getText()));
    }

    /** Until the recorder is capturing (frames counting) for the session on screen. */
    private void waitCapturing(FxRobot robot) {
        await().atMost(Duration.ofSeconds(15))
                .until(() -> app.window
                                .recordViewModel()
                                .controls()
                                .canPauseBinding()
                                .get()
                        && Long.parseLong(text(robot, "#framesCount")) > 0);
    }

    /** Stop drains the spool first: until the session shows stopped. */
    private void waitStopped(FxRobot robot) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> text(robot, "#statusLabel").startsWith("Stopped"));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The seconds of a timer text {@code 00:01:30}. */
    private static long seconds(String timer) {
        String[] p = timer.split(":", -1);
        return Long.parseLong(p[0]) * 3600 + Long.parseLong(p[1]) * 60 + Long.parseLong(p[2]);
    }

    private List<Event> eventsOnServer(String id) {
        List<Event> out = new ArrayList<>();
        app.client.events().listAll(id).forEach(out::add);
        return out;
    }

    @Test
    void createWithMetadataStartTagAndStopWithAVerdict(FxRobot robot) {
        waitConnected();
        robot.clickOn("#workflowField").write("process_invoice");
        robot.clickOn("#actorIdField").write("alex@nusomi.com");
        robot.clickOn("#metadataKey0").write("vendor");
        robot.clickOn("#metadataValue0").write("Acme");
        robot.clickOn("#addMetadataRow");
        robot.clickOn("#metadataKey1").write("amount");
        robot.interact(() -> robot.lookup("#metadataType1")
                .<ComboBox<MetadataRow.ValueType>>query()
                .setValue(MetadataRow.ValueType.NUMBER));
        robot.clickOn("#metadataValue1").write("4500");
        robot.clickOn("#startImmediately"); // off: create first, then start
        assertThat(disabled(robot, "#createButton")).isFalse();

        robot.clickOn("#createButton");
        waitIdle();
        assertThat(robot.lookup("#statusLabel").<Label>query().getText()).startsWith("Created");
        assertThat(disabled(robot, "#startButton")).isFalse();
        robot.clickOn("#startButton");
        waitIdle();
        assertThat(robot.lookup("#statusLabel").<Label>query().getText()).isEqualTo("Recording");
        waitCapturing(robot);
        // a click in another application: beside the app's window (a click on it is the operator using the app)
        Stage main = app.window.stage();
        app.input.click((int) (main.getX() + main.getWidth() + 20), (int) main.getY() + 50, MouseButton.PRIMARY);

        robot.clickOn("#preset-submitted_for_approval");
        waitIdle();
        robot.clickOn("#customTagName").write("manual_check");
        robot.clickOn("#customTagData").write("{\"by\": \"anna\"}");
        robot.clickOn("#addTagButton");
        waitIdle();
        assertThat(robot.lookup("#tagsCount").<Label>query().getText()).isEqualTo("2");

        robot.clickOn("#stopButton");
        for (String verdict : List.of("success", "error", "abandoned", "server-decides", "cancel")) {
            Button b = robot.lookup("#verdict-" + verdict).queryButton();
            assertThat(b.lookup(".text"))
                    .as(verdict)
                    .isInstanceOfSatisfying(
                            Text.class,
                            shown -> assertThat(shown.getText())
                                    .as("the whole label of %s", verdict)
                                    .isEqualTo(b.getText()));
        }
        robot.clickOn("#verdict-success");
        waitStopped(robot);
        assertThat(text(robot, "#pendingCount")).isEqualTo("0");
        assertThat(robot.lookup("#drainBox").query().isVisible()).isFalse();

        List<Session> all = sessionsOnServer();
        assertThat(all).hasSize(1);
        Session s = app.client.sessions().get(all.get(0).id(), Include.TAGS).execute();
        assertThat(s.workflow()).isEqualTo("process_invoice");
        assertThat(s.status()).isIn(SessionStatus.STOPPED, SessionStatus.SEALED);
        assertThat(s.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(s.metadata()).containsEntry("vendor", "Acme").containsEntry("amount", 4500);
        assertThat(s.actor().id()).isEqualTo("alex@nusomi.com");
        assertThat(s.tags()).extracting(Tag::name).containsExactly("submitted_for_approval", "manual_check", "outcome");
        assertThat(s.tags().get(1).data()).containsEntry("by", "anna");
        assertThat(s.tags().get(2).data()).containsEntry("value", "success");
        assertThat(s.frameCount()).isPositive();
        assertThat(eventsOnServer(s.id())).extracting(Event::type).contains("click");
        assertThat(s.stoppedAt()).isAfterOrEqualTo(s.tags().get(2).createdAt());
        assertThat(app.context.settings().recentWorkflows).containsExactly("process_invoice");
        assertThat(app.context
                        .settings()
                        .startedOn(app.context.recorder().serverKey().id()))
                .isEmpty();
    }

    @Test
    void invalidWorkflowIsRefusedWithTheReasonShown(FxRobot robot) {
        waitConnected();
        robot.clickOn("#workflowField").write("Process-Invoice");
        WaitForAsyncUtils.waitForFxEvents();
        Label problem = robot.lookup("#workflowProblem").query();
        assertThat(problem.isVisible()).isTrue();
        assertThat(problem.getText()).contains("lowercase");
        assertThat(disabled(robot, "#createButton")).isTrue();
        robot.clickOn("#createButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(sessionsOnServer()).isEmpty();
    }

    @Test
    void invalidMetadataJsonIsRefused(FxRobot robot) {
        waitConnected();
        robot.clickOn("#workflowField").write("process_invoice");
        robot.clickOn("#rawJsonToggle");
        robot.interact(() -> robot.lookup("#metadataJson").<TextArea>query().setText("{\"vendor\": \"Acme\","));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#metadataProblem").<Label>query().getText()).startsWith("Not valid JSON");
        assertThat(disabled(robot, "#createButton")).isTrue();
        robot.interact(() -> robot.lookup("#metadataJson").<TextArea>query().setText("[\"not\", \"an object\"]"));
        assertThat(robot.lookup("#metadataProblem").<Label>query().getText()).contains("JSON object");
        assertThat(disabled(robot, "#createButton")).isTrue();
        robot.clickOn("#createButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(sessionsOnServer()).isEmpty();
    }

    @Test
    void metadataOver16KilobytesIsRefused(FxRobot robot) {
        waitConnected();
        robot.clickOn("#workflowField").write("process_invoice");
        robot.clickOn("#rawJsonToggle");
        robot.interact(() ->
                robot.lookup("#metadataJson").<TextArea>query().setText("{\"notes\": \"" + "x".repeat(16_400) + "\"}"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#metadataProblem").<Label>query().getText()).contains("limit is 16 KB");
        assertThat(robot.lookup("#metadataSize").<Label>query().getText()).startsWith("16.0 KB");
        assertThat(disabled(robot, "#createButton")).isTrue();
        robot.clickOn("#createButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(sessionsOnServer()).isEmpty();
    }

    @Test
    void serverStoppedBeforeStartShowsTheErrorAndRetrySucceedsWhenItIsBack(FxRobot robot) {
        waitConnected();
        robot.clickOn("#workflowField").write("process_invoice");
        robot.clickOn("#startImmediately"); // created, not recording: its tags are direct calls
        robot.clickOn("#createButton");
        waitIdle();
        assertThat(robot.lookup("#statusLabel").<Label>query().getText()).startsWith("Created");
        String id =
                app.window.recordViewModel().current().sessionProperty().get().id();

        int port = app.stopServer();
        robot.clickOn("#preset-step_done");
        waitIdle();
        Node banner = robot.lookup("#failureBanner").query();
        assertThat(banner.isVisible()).isTrue();
        assertThat(robot.lookup("#failureTitle").<Label>query().getText()).contains("step_done");
        assertThat(robot.lookup("#failureDetail").<Label>query().getText()).contains("could not be reached");
        TextField requestId = robot.lookup("#failureRequestId").query();
        Text shown = new Text(requestId.getText());
        shown.setFont(requestId.getFont());
        assertThat(requestId.getText()).isEqualTo("none (no answer from the server)");
        assertThat(requestId.getWidth())
                .as("the field is wide enough for the whole id")
                .isGreaterThan(shown.getLayoutBounds().getWidth());
        assertThat(robot.lookup("#statusLabel").<Label>query().getText()).startsWith("Created");
        assertThat(robot.lookup("#workflowField")
                        .<ComboBox<String>>query()
                        .getEditor()
                        .getText())
                .isEqualTo("process_invoice");

        app.restartServer(port);
        robot.clickOn("#retryButton");
        waitIdle();
        assertThat(banner.isVisible()).isFalse();
        assertThat(app.client.sessions().get(id, Include.TAGS).execute().tags())
                .extracting(Tag::name)
                .containsExactly("step_done");

        robot.clickOn("#stopButton");
        robot.clickOn("#verdict-server-decides");
        waitIdle();
        assertThat(app.client.sessions().get(id).execute().status()).isIn(SessionStatus.STOPPED, SessionStatus.SEALED);
        assertThat(robot.lookup("#retryButton").<Button>query().isVisible()).isFalse();
    }

    @Test
    void serverStoppedWhileRecordingShowsUploadsWaitingAndEverythingArrivesWhenItIsBack(FxRobot robot) {
        waitConnected();
        robot.clickOn("#workflowField").write("process_invoice");
        robot.clickOn("#createButton");
        waitIdle();
        waitCapturing(robot);
        String id =
                app.window.recordViewModel().current().sessionProperty().get().id();

        int port = app.stopServer();
        robot.clickOn("#preset-step_done");
        waitIdle();
        assertThat(robot.lookup("#failureBanner").query().isVisible()).isFalse();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> robot.lookup("#uploadWaitingLabel").query().isVisible()
                        && robot.lookup("#recorderWarnings").query().isVisible());
        assertThat(text(robot, "#recorderWarningText")).contains("Uploads are waiting");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !text(robot, "#pendingCount").equals("0"));
        long framesWhileDown = Long.parseLong(text(robot, "#framesCount"));

        app.restartServer(port);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !robot.lookup("#uploadWaitingLabel").query().isVisible());
        robot.clickOn("#stopButton");
        robot.clickOn("#verdict-success");
        waitStopped(robot);
        assertThat(text(robot, "#pendingCount")).isEqualTo("0");

        Session s = app.client.sessions().get(id, Include.TAGS).execute();
        assertThat(s.status()).isIn(SessionStatus.STOPPED, SessionStatus.SEALED);
        assertThat(s.tags()).extracting(Tag::name).containsExactly("step_done", "outcome");
        assertThat(s.frameCount()).isGreaterThanOrEqualTo(framesWhileDown);
    }

    @Test
    void pauseShowsThePausedStateEverywhereAndResumeGoesOn(FxRobot robot) {
        waitConnected();
        robot.clickOn("#workflowField").write("paused_run");
        robot.clickOn("#createButton");
        waitIdle();
        waitCapturing(robot);
        RecordViewModel vm = app.window.recordViewModel();
        String id = vm.current().sessionProperty().get().id();
        app.clock.freeze(); // the timer moves only as the test says from here on
        robot.interact(vm.current()::tick);
        String recorded = text(robot, "#elapsedLabel");
        Parent mini = app.window.miniRecorder().stage().getScene().getRoot();
        assertThat(robot.lookup("#pausedLabel").query().isVisible())
                .as("no pause yet")
                .isFalse();

        robot.clickOn("#pauseButton");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> text(robot, "#elapsedLabel").startsWith("PAUSED"));
        app.clock.advance(Duration.ofSeconds(12));
        robot.interact(vm.current()::tick);
        assertThat(text(robot, "#elapsedLabel")).as("the timer stands still").isEqualTo("PAUSED · " + recorded);
        assertThat(text(robot, "#pausedLabel")).isEqualTo("paused 0:12");
        assertThat(robot.lookup("#pausedLabel").query().isVisible()).isTrue();
        assertThat(robot.from(mini).lookup("#miniTimer").<Label>query().getText())
                .isEqualTo("PAUSED · " + recorded);
        assertThat(robot.from(mini).lookup("#miniPausedLabel").<Label>query().getText())
                .isEqualTo("paused 0:12");
        assertThat(text(robot, "#statusLabel")).isEqualTo("Paused");
        assertThat(robot.from(mini).lookup("#miniTimer").<Label>query().getText())
                .startsWith("PAUSED");
        assertThat(mini.getPseudoClassStates()).extracting(Object::toString).contains("paused");
        assertThat(app.window.stage().getTitle()).contains("PAUSED");
        assertThat(robot.lookup("#resumeButton").query().isVisible()).isTrue();
        assertThat(robot.from(mini).lookup("#miniResumeButton").query().isVisible())
                .isTrue();
        assertThat(robot.lookup("#mainRoot").query().getPseudoClassStates())
                .extracting(Object::toString)
                .contains("paused");

        robot.clickOn("#resumeButton");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> text(robot, "#statusLabel").equals("Recording"));
        assertThat(text(robot, "#elapsedLabel")).isEqualTo(recorded);
        app.clock.advance(Duration.ofSeconds(3));
        robot.interact(vm.current()::tick);
        assertThat(seconds(text(robot, "#elapsedLabel")))
                .as("runs again, from where it stood")
                .isEqualTo(seconds(recorded) + 3);
        assertThat(text(robot, "#pausedLabel")).isEqualTo("paused 0:12");
        assertThat(app.window.stage().getTitle()).doesNotContain("PAUSED");
        assertThat(robot.lookup("#pauseButton").query().isVisible()).isTrue();

        // the mini recorder has room for four preset buttons; the fifth default preset is in its "+1" menu
        MenuButton more = robot.from(mini).lookup("#miniMorePresets").query();
        assertThat(more.getText()).isEqualTo("+1");
        assertThat(more.getItems()).extracting(MenuItem::getText).containsExactly("step_done");
        assertThat(more.isDisabled()).isFalse();
        robot.interact(() -> more.getItems().get(0).fire());
        waitIdle();

        robot.clickOn("#stopButton");
        robot.clickOn("#verdict-server-decides");
        waitStopped(robot);
        assertThat(eventsOnServer(id).stream()
                        .filter(e -> e.type().equals("marker"))
                        .map(e -> e.data().get("kind")))
                .containsExactly("pause", "resume");
        Session stopped = app.client.sessions().get(id).execute();
        assertThat(text(robot, "#elapsedLabel"))
                .as("the stopped run's time as the server has it")
                .isEqualTo(Rules.formatElapsed(stopped.durationMs() - stopped.pausedMs()));
        assertThat(text(robot, "#pausedLabel")).isEqualTo(RecordTimer.formatPaused(stopped.pausedMs()));
        assertThat(app.client.sessions().get(id, Include.TAGS).execute().tags())
                .extracting(Tag::name)
                .contains("step_done");
    }

    @Test
    void aNoteBecomesANoteEvent(FxRobot robot) {
        waitConnected();
        robot.clickOn("#workflowField").write("noted_run");
        robot.clickOn("#createButton");
        waitIdle();
        waitCapturing(robot);
        String id =
                app.window.recordViewModel().current().sessionProperty().get().id();

        robot.clickOn("#noteField").write("vendor field was empty");
        robot.clickOn("#addNoteButton");
        waitIdle();
        assertThat(robot.lookup("#noteField").<TextField>query().getText()).isEmpty();
        robot.clickOn("#stopButton");
        robot.clickOn("#verdict-server-decides");
        waitStopped(robot);
        assertThat(eventsOnServer(id).stream()
                        .filter(e -> e.type().equals("note"))
                        .map(e -> e.data().get("text")))
                .containsExactly("vendor field was empty");
    }

    @Test
    void shortcutsStartTagAndStop(FxRobot robot) {
        waitConnected();
        robot.clickOn("#workflowField").write("keyboard_run");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.R).release(KeyCode.R, KeyCode.SHIFT, KeyCode.CONTROL);
        waitIdle();
        assertThat(app.window.recordViewModel().current().is(RecordState.RECORDING))
                .isTrue();
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        waitIdle();
        assertThat(app.window.recordViewModel().tags().applied())
                .extracting(Tag::name)
                .containsExactly(app.context.settings().presetTags.get(0));
    }
}
