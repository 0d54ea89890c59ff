package com.nusomi.recorder.ui.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.nusomi.recorder.client.model.Session;
import com.nusomi.recorder.ui.AppFixture;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** The Sessions screen opens laid out as the reviewer left it (detail pane, table columns), after a restart too. */
@ExtendWith(ApplicationExtension.class)
class SessionsLayoutTest {
    @RegisterExtension
    final AppFixture app = AppFixture.create();

    private Stage stage;

    @AfterEach
    void tearDown() throws Exception {
        if (stage != null) {
            WaitForAsyncUtils.asyncFx(stage::hide).get();
        }
    }

    /** The app on a new stage (a new context reads the settings file), on its Sessions screen. */
    private void openSessions(FxRobot robot) throws Exception {
        stage = app.showOnANewStage();
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> robot.from(stage.getScene().getRoot())
                .lookup("#navSessions")
                .<ToggleButton>query()
                .fire());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private SplitPane split(FxRobot robot) {
        return robot.from(stage.getScene().getRoot()).lookup("#sessionsSplit").query();
    }

    private TableView<Session> table(FxRobot robot) {
        return robot.from(stage.getScene().getRoot()).lookup("#sessionsTable").queryTableView();
    }

    private static List<String> titles(TableView<Session> table) {
        return table.getColumns().stream().map(TableColumn::getText).toList();
    }

    @Test
    void aDraggedDetailPaneAndAResizedColumnAreWrittenToDiskSoThatACrashKeepsThem(FxRobot robot) throws Exception {
        openSessions(robot);
        SplitPane split = split(robot);
        TableColumn<Session, ?> first = table(robot).getColumns().get(0);
        robot.interact(() -> {
            split.setDividerPositions(0.45);
            table(robot).resizeColumn(first, 40);
        });
        WaitForAsyncUtils.waitForFxEvents();
        double dragged = app.context.settings().sessionsDetailWidth;
        double widened = first.getWidth();

        await().atMost(10, TimeUnit.SECONDS).untilAsserted(() -> {
            assertThat(app.settingsOnDisk().sessionsDetailWidth).isEqualTo(dragged);
            assertThat(app.settingsOnDisk().sessionsColumnWidths).containsEntry(first.getText(), widened);
        });
        app.crash(stage);

        openSessions(robot);
        Node detail =
                robot.from(stage.getScene().getRoot()).lookup("#detailPane").query();
        assertThat(detail.getLayoutBounds().getWidth()).isCloseTo(dragged, within(12.0));
    }

    @Test
    void theDetailPaneFirstOpensAtAboutAThirdAtLeast420PixelsAndAtMost45Percent(FxRobot robot) throws Exception {
        assertThat(SessionsView.defaultDetailWidth(1400)).isCloseTo(504, within(0.01));
        assertThat(SessionsView.defaultDetailWidth(1055)).isEqualTo(420);
        assertThat(SessionsView.defaultDetailWidth(834)).isCloseTo(375.3, within(0.01));

        openSessions(robot);
        Node detail =
                robot.from(stage.getScene().getRoot()).lookup("#detailPane").query();
        assertThat(detail.getLayoutBounds().getWidth())
                .isCloseTo(SessionsView.defaultDetailWidth(split(robot).getWidth()), within(12.0));
        assertThat(app.context.settings().sessionsDetailWidth)
                .as("a default is not kept as the user's choice")
                .isZero();
    }

    @Test
    void theDetailPaneKeepsTheWidthItWasDraggedTo(FxRobot robot) throws Exception {
        openSessions(robot);
        SplitPane split = split(robot);
        robot.interact(() -> split.setDividerPositions(0.45));
        WaitForAsyncUtils.waitForFxEvents();
        double dragged = app.context.settings().sessionsDetailWidth;
        assertThat(dragged).isCloseTo(0.55 * split.getWidth(), within(1.0));
        app.quit(stage);

        openSessions(robot);
        Node detail =
                robot.from(stage.getScene().getRoot()).lookup("#detailPane").query();

        assertThat(detail.getLayoutBounds().getWidth()).isCloseTo(dragged, within(12.0));
        assertThat(split(robot).getDividerPositions()[0]).isCloseTo(0.45, within(0.02));
    }

    @Test
    void theTableKeepsItsColumnWidthsAndOrder(FxRobot robot) throws Exception {
        openSessions(robot);
        TableView<Session> table = table(robot);
        TableColumn<Session, ?> workflow = table.getColumns().get(1);
        assertThat(workflow.getText()).isEqualTo("Workflow");
        double widened = workflow.getWidth() + 90;
        robot.interact(() -> {
            table.resizeColumn(workflow, 90);
            TableColumn<Session, ?> status = table.getColumns().remove(2);
            table.getColumns().add(0, status);
        });
        WaitForAsyncUtils.waitForFxEvents();
        List<String> arranged = titles(table);
        assertThat(arranged).startsWith("Status", "Id", "Workflow");
        app.quit(stage);

        openSessions(robot);
        TableView<Session> again = table(robot);

        assertThat(titles(again)).isEqualTo(arranged);
        assertThat(again.getColumns().get(2).getWidth()).isCloseTo(widened, within(1.0));
    }
}
