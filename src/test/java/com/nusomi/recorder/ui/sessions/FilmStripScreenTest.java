package com.nusomi.recorder.ui.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nusomi.recorder.app.connection.Connector;
import com.nusomi.recorder.boot.AppContext;
import com.nusomi.recorder.boot.Screens;
import com.nusomi.recorder.client.model.Event;
import com.nusomi.recorder.client.model.Session;
import com.nusomi.recorder.ui.main.MainWindow;
import com.nusomi.recorder.ui.sessions.TimelineMarkers.EventMarker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.FlowPane;
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

/** The film strip in the real main window, against a real server with a session of 30 uploaded frames. */
@ExtendWith(ApplicationExtension.class)
class FilmStripScreenTest {
    @TempDir
    static Path data;

    static SessionsFixture fx;
    static String withFrames;
    static String withoutFrames;
    private AppContext ctx;
    private SessionsViewModel vm;

    @BeforeAll
    static void seed() {
        fx = new SessionsFixture(data.resolve("server"), 0);
        withFrames = FilmFixture.record(fx.admin, 30);
        withoutFrames = FilmFixture.record(fx.admin, 0);
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

    private FilmStripViewModel<Image> openSession(FxRobot robot, String id) {
        TableView<Session> table = showSessions(robot);
        int row = table.getItems().stream().map(Session::id).toList().indexOf(id);
        robot.interact(() -> table.getSelectionModel().clearAndSelect(row));
        FilmStripViewModel<Image> film = vm.detail().film();
        await().atMost(Duration.ofSeconds(15))
                .until(() -> !vm.detail().loadingProperty().get()
                        && !film.framesLoadingProperty().get()
                        && !film.imageLoadingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        return film;
    }

    /** The Sessions screen with its two sessions listed, none selected. */
    private TableView<Session> showSessions(FxRobot robot) {
        ButtonBase nav = robot.lookup("#navSessions").query();
        robot.interact(nav::fire);
        vm = robot.lookup("#sessionsView").queryAs(SessionsView.class).viewModel();
        TableView<Session> table = robot.lookup("#sessionsTable").queryTableView();
        await().atMost(Duration.ofSeconds(15))
                .until(() ->
                        table.getItems().size() == 2 && !vm.loadingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        return table;
    }

    @Test
    void theEventsFillTheirListOnceTheFirstFrameIsShown(FxRobot robot) {
        TableView<Session> table = showSessions(robot);
        ListView<Event> events = robot.lookup((Node n) -> n instanceof ListView && "detailEventList".equals(n.getId()))
                .query();
        FilmStripViewModel<Image> film = vm.detail().film();
        List<Long> shownWhenFilled = new ArrayList<>();
        events.getItems().addListener((ListChangeListener<Event>) c -> {
            if (!events.getItems().isEmpty()) {
                shownWhenFilled.add(film.imageSeqProperty().get());
            }
        });
        int row = table.getItems().stream().map(Session::id).toList().indexOf(withFrames);
        robot.interact(() -> table.getSelectionModel().clearAndSelect(row));

        await().atMost(Duration.ofSeconds(15)).until(() -> events.getItems().size() == 4);
        assertThat(shownWhenFilled)
                .as("filled once, with the first frame already shown")
                .containsExactly(0L);
    }

    /** Scrolls the detail pane so that {@code node} is in its middle (or as near as the pane goes). */
    private static void scrollIntoView(FxRobot robot, Node node) {
        ScrollPane pane = robot.lookup("#detailPane").queryAs(ScrollPane.class);
        robot.interact(() -> {
            Node content = pane.getContent();
            double y = content.sceneToLocal(node.localToScene(0, 0)).getY();
            double range = content.getBoundsInLocal().getHeight()
                    - pane.getViewportBounds().getHeight();
            double wanted = y - pane.getViewportBounds().getHeight() / 2;
            pane.setVvalue(range <= 0 ? 0 : Math.max(0, Math.min(1, wanted / range)));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void click(FxRobot robot, Node node) {
        click(robot, node, 1, 1);
    }

    /** A primary click at ({@code x}, {@code y}) in {@code node}'s own coordinates. */
    private static void click(FxRobot robot, Node node, double x, double y) {
        Point2D at = node.localToScene(x, y);
        robot.interact(() -> node.fireEvent(new MouseEvent(
                MouseEvent.MOUSE_CLICKED,
                at.getX(),
                at.getY(),
                at.getX(),
                at.getY(),
                MouseButton.PRIMARY,
                1,
                false,
                false,
                false,
                false,
                true,
                false,
                false,
                true,
                false,
                true,
                null)));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Image previewImage(FxRobot robot) {
        return robot.lookup("#framePreview").queryAs(ImageView.class).getImage();
    }

    @Test
    void selectingASessionShowsTwelveThumbnailsAndFrameZero(FxRobot robot) {
        FilmStripViewModel<Image> film = openSession(robot, withFrames);
        FlowPane thumbs = robot.lookup("#thumbnails").queryAs(FlowPane.class);
        assertThat(thumbs.getChildren()).hasSize(12);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> film.thumbnails().stream()
                        .allMatch(t -> t.imageProperty().get() != null));
        assertThat(film.currentSeqProperty().get()).isEqualTo(0L);
        assertThat(previewImage(robot)).isNotNull();
        assertThat(previewImage(robot).getWidth()).isEqualTo(64);
        assertThat(caption(robot)).contains("Frame 1 of 30");
        assertThat(robot.lookup("#frameScrubber").queryAs(Slider.class).getMax())
                .isEqualTo(29);
        EventTrack track = robot.lookup("#eventMarkers").queryAs(EventTrack.class);
        assertThat(track.shapes())
                .as("one shape a kind of event")
                .extracting(p -> p.getStyleClass().get(1))
                .containsExactlyInAnyOrder("event-click", "event-key", "event-note", "event-error");
        assertThat(track.shapes())
                .as("one bar (five path elements) an event")
                .allSatisfy(p -> assertThat(p.getElements()).hasSize(5));
        assertThat(robot.lookup("#framesEmpty").queryAs(Label.class).isVisible())
                .isFalse();
    }

    @Test
    void rightShowsTheNextFrameAndEndTheLast(FxRobot robot) {
        FilmStripViewModel<Image> film = openSession(robot, withFrames);
        robot.interact(() -> robot.lookup("#framePreviewBox").query().requestFocus());
        robot.type(KeyCode.RIGHT);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> Long.valueOf(1).equals(film.imageSeqProperty().get()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(film.currentSeqProperty().get()).isEqualTo(1L);
        assertThat(previewImage(robot)).isNotNull();
        assertThat(caption(robot)).contains("Frame 2 of 30").contains("00:00.5");
        assertThat(robot.lookup("#frameScrubber").queryAs(Slider.class).getValue())
                .isEqualTo(1);

        robot.type(KeyCode.END);
        assertThat(film.currentSeqProperty().get()).isEqualTo(29L);
        robot.type(KeyCode.PAGE_UP);
        assertThat(film.currentSeqProperty().get()).isEqualTo(19L);
        robot.type(KeyCode.HOME);
        robot.type(KeyCode.LEFT);
        assertThat(film.currentSeqProperty().get()).isEqualTo(0L);
    }

    @Test
    void clickingAnEventOrAThumbnailJumpsToItsFrame(FxRobot robot) {
        FilmStripViewModel<Image> film = openSession(robot, withFrames);
        ListView<Event> events = robot.lookup((Node n) -> n instanceof ListView && "detailEventList".equals(n.getId()))
                .query();
        await().atMost(Duration.ofSeconds(5)).until(() -> events.getItems().size() == 4);
        WaitForAsyncUtils.waitForFxEvents();
        ListCell<?> note = robot.lookup("#detailEventList .list-cell").queryAllAs(ListCell.class).stream()
                .filter(c -> c.getItem() instanceof Event e && e.type().equals("note"))
                .findFirst()
                .orElseThrow();
        String text = String.valueOf(((Event) note.getItem()).data().get("text"));
        assertThat(robot.from(note).lookup(".label").queryAllAs(Label.class))
                .extracting(Label::getText)
                .as("a note reads as its text")
                .contains(text);
        scrollIntoView(robot, note);
        robot.moveTo(note);
        WaitForAsyncUtils.waitForFxEvents();
        Tooltip shared = note.getTooltip();
        assertThat(shared.getText())
                .as("its data in full, under the pointer")
                .contains("\"text\"")
                .contains(text);
        ListCell<?> click = robot.lookup("#detailEventList .list-cell").queryAllAs(ListCell.class).stream()
                .filter(c -> c.getItem() instanceof Event e && e.type().equals("click"))
                .findFirst()
                .orElseThrow();
        scrollIntoView(robot, click);
        robot.moveTo(click);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(click.getTooltip()).as("the cells share one tooltip").isSameAs(shared);
        assertThat(shared.getText())
                .as("now the click's data")
                .contains("\"x\"")
                .doesNotContain(text);
        click(robot, note);
        assertThat(film.currentSeqProperty().get())
                .as("9.8 s is nearest the frame at 10 s")
                .isEqualTo(20L);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> Long.valueOf(20).equals(film.imageSeqProperty().get()));

        long seq = film.thumbnails().get(3).seq();
        click(robot, robot.lookup("#thumb-" + seq).query());
        assertThat(film.currentSeqProperty().get()).isEqualTo(seq);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#thumb-" + seq).query().getPseudoClassStates())
                .anyMatch(p -> p.getPseudoClassName().equals("current"));
        assertThat(film.imageSeqProperty().get()).as("thumbnails are cached").isEqualTo(seq);
    }

    @Test
    void aThumbnailsTooltipNamesItsFrame(FxRobot robot) {
        FilmStripViewModel<Image> film = openSession(robot, withFrames);
        List<Node> thumbs = film.thumbnails().stream()
                .map(t -> robot.lookup("#thumb-" + t.seq()).<Node>query())
                .toList();
        List<Tooltip> tips = thumbs.stream()
                .map(n -> (Tooltip) n.getProperties().values().stream()
                        .filter(Tooltip.class::isInstance)
                        .findFirst()
                        .orElseThrow())
                .toList();
        assertThat(tips)
                .as("the thumbnails share one tooltip")
                .allSatisfy(t -> assertThat(t).isSameAs(tips.get(0)));
        for (int i : new int[] {3, 5}) {
            Node thumb = thumbs.get(i);
            scrollIntoView(robot, thumb);
            robot.moveTo(thumb);
            await().atMost(Duration.ofSeconds(5)).until(() -> tips.get(0).isShowing());
            int number = film.frames().stream()
                            .map(f -> f.seq())
                            .toList()
                            .indexOf(film.thumbnails().get(i).seq())
                    + 1;
            assertThat(tips.get(0).getText())
                    .as("the thumbnail under the pointer")
                    .isEqualTo("Frame " + number);
            robot.moveTo("#sessionsTable");
            await().atMost(Duration.ofSeconds(5)).until(() -> !tips.get(0).isShowing());
        }
    }

    @Test
    void clickingAnEventsBarJumpsToItsFrame(FxRobot robot) {
        FilmStripViewModel<Image> film = openSession(robot, withFrames);
        EventTrack track = robot.lookup("#eventMarkers").queryAs(EventTrack.class);
        EventMarker note = film.markers().list().stream()
                .filter(m -> m.event().type().equals("note"))
                .findFirst()
                .orElseThrow();
        assertThat(EventTrack.describe(track.near(track.x(note)))).isEqualTo("note 00:09.8");
        click(robot, track, track.x(note) + 2, EventTrack.HEIGHT / 2);
        assertThat(film.currentSeqProperty().get())
                .as("9.8 s is nearest the frame at 10 s")
                .isEqualTo(20L);
    }

    @Test
    void aSessionWithoutFramesShowsTheEmptyState(FxRobot robot) {
        openSession(robot, withoutFrames);
        Label empty = robot.lookup("#framesEmpty").queryAs(Label.class);
        assertThat(empty.isVisible()).isTrue();
        assertThat(empty.getText()).isEqualTo("No frames were recorded");
        assertThat(robot.lookup("#thumbnails").queryAs(FlowPane.class).getChildren())
                .isEmpty();
        assertThat(previewImage(robot)).isNull();
    }

    /** The preview's caption, its no-break spaces read as spaces. */
    private static String caption(FxRobot robot) {
        return robot.lookup("#frameCaption").queryLabeled().getText().replace('\u00a0', ' ');
    }
}
