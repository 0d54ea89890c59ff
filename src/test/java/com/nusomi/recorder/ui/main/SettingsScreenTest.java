package com.nusomi.recorder.ui.main;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import com.nusomi.recorder.app.connection.Connection;
import com.nusomi.recorder.app.settings.Settings;
import com.nusomi.recorder.ui.AppFixture;
import com.nusomi.recorder.ui.common.Verdict;
import com.nusomi.recorder.ui.record.RecordState;
import com.nusomi.recorder.ui.record.RecordViewModel;
import java.net.ServerSocket;
import java.time.Duration;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Settings screen in the real main window: opened from the sidebar, it lists the recorder's screens; once saved,
 * the theme applies to the window at once, and a changed connection opens at once, or after the recording.
 */
@ExtendWith(ApplicationExtension.class)
class SettingsScreenTest {
    @RegisterExtension
    final AppFixture app = AppFixture.create();

    private Stage stage;

    @Start
    void start(Stage primary) {
        stage = new Stage();
        app.show(stage);
    }

    @AfterEach
    void tearDown() throws Exception {
        WaitForAsyncUtils.asyncFx(stage::hide).get();
    }

    private static void press(FxRobot robot, String query) {
        ButtonBase b = robot.lookup(query).query();
        robot.interact(b::fire);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void openSettings(FxRobot robot) {
        press(robot, "#navSettings");
        assertThat(robot.lookup("#settingsView").tryQuery()).isPresent();
    }

    /** Saves the form and waits for the screen to say so. */
    private static void save(FxRobot robot) {
        press(robot, "#saveSettingsButton");
        Label note = robot.lookup("#savedNote").query();
        await().atMost(Duration.ofSeconds(10)).until(() -> "Saved.".equals(note.getText()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** A hosted API instead of the embedded server (the fixture's connector still answers the reconnect). */
    private static void chooseHosted(FxRobot robot) {
        RadioButton hosted = robot.lookup("#hostedMode").query();
        TextField url = robot.lookup("#baseUrlField").query();
        robot.interact(() -> {
            hosted.setSelected(true);
            url.setText("https://api.example.com");
        });
    }

    @Test
    void theServerPoliciesCardShowsTheConnectedServersPoliciesToItsAdminKey(FxRobot robot) {
        openSettings(robot);
        Node card = robot.lookup("#serverPoliciesCard").query();
        Label retention = robot.lookup("#policyRetention").query();
        Label rateLimit = robot.lookup("#policyRateLimit").query();

        // the fixture's server runs no policy, and the app holds its admin key
        await().atMost(Duration.ofSeconds(15)).until(() -> "Off".equals(retention.getText()) && retention.isVisible());
        assertThat(card.isVisible()).isTrue();
        assertThat(rateLimit.getText()).isEqualTo("Off");
    }

    @Test
    void itListsTheRecordersScreens(FxRobot robot) {
        openSettings(robot);
        ComboBox<Integer> screens = robot.lookup("#captureScreenField").query();

        await().atMost(Duration.ofSeconds(15))
                .until(() -> screens.getConverter().toString(0).equals("Primary screen (320×200 at 0,0)"));
    }

    @Test
    void aSavedThemeAppliesToTheWindowAtOnce(FxRobot robot) {
        Node root = robot.lookup("#mainRoot").query();
        assumeThat(root.getStyleClass()).as("the desktop's own theme is light").doesNotContain("dark");
        openSettings(robot);
        ComboBox<Settings.Theme> theme = robot.lookup("#themeField").query();
        robot.interact(() -> theme.setValue(Settings.Theme.DARK));
        save(robot);

        assertThat(root.getStyleClass()).contains("dark");
        await().atMost(Duration.ofSeconds(10)).until(() -> app.settingsOnDisk().theme == Settings.Theme.DARK);
    }

    @Test
    void theThemeIsPreviewedBeforeSavingAndSavedClearsOnTheNextEdit(FxRobot robot) {
        Node root = robot.lookup("#mainRoot").query();
        assumeThat(root.getStyleClass()).as("the desktop's own theme is light").doesNotContain("dark");
        openSettings(robot);
        ComboBox<Settings.Theme> theme = robot.lookup("#themeField").query();
        robot.interact(() -> theme.setValue(Settings.Theme.DARK));
        assertThat(root.getStyleClass()).as("previewed before any save").contains("dark");
        assertThat(app.context.settings().theme).isNotEqualTo(Settings.Theme.DARK);
        press(robot, "#revertSettingsButton");
        assertThat(root.getStyleClass())
                .as("Revert shows the saved theme again")
                .doesNotContain("dark");

        robot.interact(() -> theme.setValue(Settings.Theme.DARK));
        press(robot, "#navRecord");
        assertThat(root.getStyleClass()).as("left unsaved: the saved theme").doesNotContain("dark");
        openSettings(robot);
        assertThat(root.getStyleClass()).contains("dark");

        save(robot);
        Label note = robot.lookup("#savedNote").query();
        robot.interact(() -> theme.setValue(Settings.Theme.LIGHT));
        assertThat(note.getText()).as("the next edit clears \"Saved.\"").isNullOrEmpty();
        save(robot);
        robot.interact(() -> ((CheckBox) robot.lookup("#countdownBox").query()).fire());
        assertThat(note.getText()).isNullOrEmpty();
    }

    @Test
    void saveAndRevertStayInViewAndATestThatFailsNamesTheUrlAndTheCause(FxRobot robot) throws Exception {
        openSettings(robot);
        Node save = robot.lookup("#saveSettingsButton").query();
        ScrollPane scroll = robot.lookup("#settingsView .page-scroll").queryAs(ScrollPane.class);
        robot.interact(() -> scroll.setVvalue(0));
        Bounds top = save.localToScene(save.getBoundsInLocal());
        robot.interact(() -> scroll.setVvalue(1));
        Bounds bottom = save.localToScene(save.getBoundsInLocal());
        assertThat(bottom).as("Save does not move as the form scrolls").isEqualTo(top);
        assertThat(top.getMaxY()).isLessThanOrEqualTo(save.getScene().getHeight());

        RadioButton hosted = robot.lookup("#hostedMode").query();
        TextField url = robot.lookup("#baseUrlField").query();
        int closed;
        try (ServerSocket free = new ServerSocket(0)) {
            closed = free.getLocalPort(); // nothing listens on it once closed
        }
        String dead = "http://127.0.0.1:" + closed;
        robot.interact(() -> {
            hosted.setSelected(true);
            url.setText(dead);
        });
        press(robot, "#testConnectionButton");
        Label result = robot.lookup("#testResult").query();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> result.getText() != null && !result.getText().startsWith("Testing"));
        assertThat(result.getText()).contains(dead).contains("No connection to");
        assertThat(result.getText().length())
                .as("a cause after the URL")
                .isGreaterThan(("Could not connect to " + dead + ": No connection to " + dead + ": ").length());
    }

    @Test
    void aChangedConnectionOpensAtOnceWhileNothingRecords(FxRobot robot) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> app.context.connection().current() != null);
        Connection before = app.context.connection().current();
        openSettings(robot);
        chooseHosted(robot);
        save(robot);

        assertThat(app.context.connection().current()).isNotSameAs(before);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> app.context.connection().current() != null);
    }

    // identity on purpose: waits for a new connection object, not an equal one
    @SuppressWarnings("ReferenceEquality")
    @Test
    void aConnectionChangedWhileRecordingOpensOnceTheRecordingStops(FxRobot robot) {
        RecordViewModel vm = app.window.recordViewModel();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> vm.connectedProperty().get());
        robot.interact(() -> {
            vm.form().workflowProperty().set("settings_run");
            vm.form().startImmediatelyProperty().set(true);
            vm.onCreate();
        });
        await().atMost(Duration.ofSeconds(15)).until(() -> vm.current().is(RecordState.RECORDING));
        Connection during = app.context.connection().current();
        openSettings(robot);
        chooseHosted(robot);
        save(robot);

        assertThat(app.context.connection().current())
                .as("the recording keeps its connection")
                .isSameAs(during);
        robot.interact(() -> vm.onStop(Verdict.SERVER_DECIDES));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> app.context.connection().current() != during
                        && app.context.connection().current() != null);
    }
}
