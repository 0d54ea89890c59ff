package com.nusomi.recorder.ui.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nusomi.recorder.app.connection.Connector;
import com.nusomi.recorder.boot.AppContext;
import com.nusomi.recorder.boot.Screens;
import com.nusomi.recorder.client.model.Event;
import com.nusomi.recorder.client.model.Session;
import com.nusomi.recorder.client.request.CreateSessionRequest;
import com.nusomi.recorder.ui.main.MainWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A run that was paused, as the Sessions screen shows it: its duration is the time recorded (as the Record
 * screen's timer counted it), the paused and wall times apart, and every offset in recorded time.
 */
@ExtendWith(ApplicationExtension.class)
class PausedSessionScreenTest {
    @TempDir
    static Path data;

    static SessionsFixture fx;
    static String paused;
    static String plain;
    private AppContext ctx;

    @BeforeAll
    static void seed() {
        fx = new SessionsFixture(data.resolve("server"), 0);
        paused = FilmFixture.recordPaused(fx, 0);
        plain = fx.admin
                .sessions()
                .create(CreateSessionRequest.builder("plain_run").start(true).build())
                .execute()
                .id();
        fx.now.set(fx.now.get().plusSeconds(7));
        fx.admin.sessions().stop(plain).execute();
    }

    @AfterAll
    static void stopServer() {
        fx.close();
    }

    // the connection is observed through its state, which the tests await
    @SuppressWarnings("FutureReturnValueIgnored")
    @Start
    void start(Stage stage) throws Exception {
        ctx = AppContext.builder()
                .dataDir(Files.createTempDirectory(data, "app"))
                .connector(Connector.remote(fx.server.baseUrl(), fx.server.adminKey()))
                .useKeychain(false)
                .healthPollMillis(60_000)
                .clock(fx.clock)
                .build();
        MainWindow window = new Screens(ctx).mainWindow();
        window.show(stage);
        ctx.connect();
    }

    @AfterEach
    void tearDown() {
        ctx.close();
    }

    @Test
    void theDurationIsTheRecordedTimeWithThePausedAndWallTimesApart(FxRobot robot) {
        SessionsViewModel vm = openSessions(robot);
        TableView<Session> table = robot.lookup("#sessionsTable").queryTableView();

        TableCell<?, ?> pausedCell = durationCell(robot, table, paused);
        assertThat(pausedCell.getText()).isEqualTo("18s");
        assertThat(pausedCell.getTooltip().getText()).isEqualTo("Recorded 18s · paused 12s (wall time 30s)");
        TableCell<?, ?> plainCell = durationCell(robot, table, plain);
        assertThat(plainCell.getText()).isEqualTo("7s");
        assertThat(plainCell.getTooltip()).isNull();

        select(robot, vm, table, paused);
        assertThat(robot.lookup("#detailDuration").queryLabeled().getText()).isEqualTo("18s");
        assertThat(robot.lookup("#detailPaused").queryLabeled().getText()).isEqualTo("12s (wall time 30s)");
        select(robot, vm, table, plain);
        assertThat(robot.lookup("#detailDuration").queryLabeled().getText()).isEqualTo("7s");
        assertThat(robot.lookup("#detailPaused").queryLabeled().getText()).isEqualTo("—");
    }

    @Test
    void tagsEventsAndFramesSitAtTheirRecordedTime(FxRobot robot) {
        SessionsViewModel vm = openSessions(robot);
        TableView<Session> table = robot.lookup("#sessionsTable").queryTableView();
        select(robot, vm, table, paused);
        FilmStripViewModel<Image> film = vm.detail().film();
        await().atMost(Duration.ofSeconds(15))
                .until(() ->
                        !film.framesLoadingProperty().get() && film.frames().size() == 2);
        WaitForAsyncUtils.waitForFxEvents();

        List<String> tagCells = robot.lookup("#detailTags .table-cell").queryAllAs(TableCell.class).stream()
                .map(Labeled::getText)
                .filter(t -> t != null && t.startsWith("+"))
                .toList();
        assertThat(tagCells).as("the tag added at 25 s of wall time").containsExactly("+00:00:13");
        ListCell<?> note = robot.lookup("#detailEventList .list-cell").queryAllAs(ListCell.class).stream()
                .filter(c -> c.getItem() instanceof Event e && e.type().equals("note"))
                .findFirst()
                .orElseThrow();
        assertThat(robot.from(note).lookup(".label").queryAllAs(Label.class))
                .extracting(Label::getText)
                .contains("+00:00:13");
        robot.interact(() -> film.select(1));
        assertThat(film.captionProperty().get().replace('\u00a0', ' '))
                .contains("Frame 1")
                .contains("00:11.0");
        assertThat(film.markers())
                .filteredOn(m -> m.event().type().equals("note"))
                .extracting(TimelineMarkers.EventMarker::offsetMs)
                .containsExactly(13_000L);
    }

    private SessionsViewModel openSessions(FxRobot robot) {
        ButtonBase nav = robot.lookup("#navSessions").query();
        robot.interact(nav::fire);
        SessionsViewModel vm =
                robot.lookup("#sessionsView").queryAs(SessionsView.class).viewModel();
        TableView<Session> table = robot.lookup("#sessionsTable").queryTableView();
        await().atMost(Duration.ofSeconds(15))
                .until(() ->
                        table.getItems().size() == 2 && !vm.loadingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        return vm;
    }

    private static void select(FxRobot robot, SessionsViewModel vm, TableView<Session> table, String id) {
        int row = table.getItems().stream().map(Session::id).toList().indexOf(id);
        robot.interact(() -> table.getSelectionModel().clearAndSelect(row));
        await().atMost(Duration.ofSeconds(15))
                .until(() -> !vm.detail().loadingProperty().get()
                        && vm.detail().sessionProperty().get() != null
                        && vm.detail().sessionProperty().get().id().equals(id)
                        && vm.detail().sessionProperty().get().framesSummary() != null);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static TableCell<?, ?> durationCell(FxRobot robot, TableView<Session> table, String id) {
        int row = table.getItems().stream().map(Session::id).toList().indexOf(id);
        return robot.lookup("#sessionsTable .table-cell").queryAllAs(TableCell.class).stream()
                .filter(c -> c.getTableColumn() != null
                        && "Duration".equals(c.getTableColumn().getText())
                        && c.getIndex() == row
                        && !c.isEmpty())
                .findFirst()
                .orElseThrow();
    }
}
