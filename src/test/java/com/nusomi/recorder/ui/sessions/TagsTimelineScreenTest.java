package com.nusomi.recorder.ui.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nusomi.recorder.app.connection.Connector;
import com.nusomi.recorder.boot.AppContext;
import com.nusomi.recorder.boot.Screens;
import com.nusomi.recorder.client.Include;
import com.nusomi.recorder.client.model.Session;
import com.nusomi.recorder.client.model.Tag;
import com.nusomi.recorder.client.request.CreateSessionRequest;
import com.nusomi.recorder.client.request.FrameUpload;
import com.nusomi.recorder.client.request.TagRequest;
import com.nusomi.recorder.ui.main.MainWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
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
 * Tags on the film strip's timeline and in the tag list, in the real main window against a real server: a 15 s run
 * of 30 frames tagged at 7 s (by a key without a label) and at 12 s (by the admin key), and once more a minute later.
 */
@ExtendWith(ApplicationExtension.class)
class TagsTimelineScreenTest {
    @TempDir
    static Path data;

    static SessionsFixture fx;
    static String id;
    static String writerKeyId;
    private AppContext ctx;
    private SessionsViewModel vm;

    @BeforeAll
    static void seed() {
        fx = new SessionsFixture(data.resolve("server"), 0);
        Instant t0 = fx.now.get();
        id = fx.admin
                .sessions()
                .create(CreateSessionRequest.builder("tagged_review")
                        .start(true)
                        .build())
                .execute()
                .id();
        for (int i = 0; i < 30; i++) {
            fx.admin
                    .frames()
                    .upload(id, FrameUpload.of(i, t0.plusMillis(i * 500L), "image/png", FilmFixture.png(i)))
                    .execute();
        }
        fx.now.set(t0.plusMillis(7_000));
        Tag opened = fx.writer.sessions().tag(id, TagRequest.of("invoice_open")).execute();
        writerKeyId = opened.addedBy().keyId();
        fx.now.set(t0.plusMillis(12_000));
        fx.admin.sessions().tag(id, TagRequest.of("saved")).execute();
        fx.now.set(t0.plusMillis(15_000));
        fx.admin.sessions().stop(id).execute();
        fx.now.set(t0.plusMillis(60_000));
        fx.admin.sessions().tag(id, TagRequest.of("reviewed")).execute();
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
        stage.setWidth(1400);
        stage.setHeight(900);
        ctx.connect();
    }

    @AfterEach
    void tearDown() {
        ctx.close();
    }

    private FilmStripViewModel<Image> openSession(FxRobot robot) {
        ButtonBase nav = robot.lookup("#navSessions").query();
        robot.interact(nav::fire);
        vm = robot.lookup("#sessionsView").queryAs(SessionsView.class).viewModel();
        TableView<Session> table = robot.lookup("#sessionsTable").queryTableView();
        await().atMost(Duration.ofSeconds(15))
                .until(() ->
                        table.getItems().size() == 1 && !vm.loadingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> table.getSelectionModel().clearAndSelect(0));
        FilmStripViewModel<Image> film = vm.detail().film();
        await().atMost(Duration.ofSeconds(15))
                .until(() -> !vm.detail().loadingProperty().get()
                        && !film.framesLoadingProperty().get()
                        && !film.imageLoadingProperty().get()
                        && vm.detail().tagMarks().list().size() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        return film;
    }

    private static List<Label> marks(FxRobot robot) {
        return robot.lookup("#tagMarkers").queryAs(Pane.class).getChildren().stream()
                .map(Label.class::cast)
                .toList();
    }

    private static Label mark(FxRobot robot, String name) {
        return marks(robot).stream()
                .filter(l -> ((TagMarks.TagMarker) l.getUserData()).tag().name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static void click(FxRobot robot, Node node) {
        robot.interact(() -> node.fireEvent(new MouseEvent(
                MouseEvent.MOUSE_CLICKED,
                1,
                1,
                1,
                1,
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

    @Test
    void tagsAreNamedMarksOnTheTimelineAndClickingOneJumpsToItsFrame(FxRobot robot) {
        FilmStripViewModel<Image> film = openSession(robot);
        List<Label> marks = marks(robot);
        assertThat(marks).as("the tag added after the run marks no moment").hasSize(2);
        assertThat(marks)
                .extracting(Label::getText)
                .as("named while there is room")
                .containsExactlyInAnyOrder("invoice_open", "saved");
        Label saved = mark(robot, "saved");
        Label opened = mark(robot, "invoice_open");
        assertThat(saved.getLayoutX()).isGreaterThan(opened.getLayoutX());

        click(robot, saved);
        assertThat(film.currentSeqProperty().get())
                .as("12 s is the frame at 12 s")
                .isEqualTo(24L);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> Long.valueOf(24).equals(film.imageSeqProperty().get()));
        click(robot, opened);
        assertThat(film.currentSeqProperty().get()).isEqualTo(14L);
        assertThat(robot.lookup("#frameScrubber").queryAs(Slider.class).getValue())
                .isEqualTo(14);
    }

    @Test
    void crowdedMarksShrinkToTicksNamedInTheirTooltips(FxRobot robot) {
        ObservableList<TagMarks.TagMarker> list = FXCollections.observableArrayList();
        Tag a = new Tag("tag_a", id, "invoice_open", Map.of(), Instant.now(), 1_000L);
        Tag b = new Tag("tag_b", id, "saved", Map.of(), Instant.now(), 1_100L);
        Tag c = new Tag("tag_c", id, "far_away", Map.of(), Instant.now(), 9_000L);
        List<TagMarks.TagMarker> clicked = new ArrayList<>();
        TagTrack track = new TagTrack(list, 8, clicked::add);
        Pane root = new Pane(track);
        robot.interact(() -> {
            new Scene(root, 400, 40);
            track.setPrefWidth(400);
            list.setAll(
                    new TagMarks.TagMarker(a, 0.10, 1_000),
                    new TagMarks.TagMarker(b, 0.11, 1_100),
                    new TagMarks.TagMarker(c, 0.90, 9_000));
            root.applyCss();
            root.layout();
        });
        List<Label> marks = track.getChildren().stream().map(Label.class::cast).toList();
        assertThat(marks).hasSize(3);
        assertThat(marks.get(0).getText()).isEqualTo("invoice_open");
        assertThat(marks.get(1).getText()).as("4 px after the first: a tick").isNull();
        assertThat(marks.get(1).getStyleClass()).contains("tag-tick");
        assertThat(marks.get(2).getText()).as("far from the others: named").isEqualTo("far_away");
        assertThat(marks.get(2).getLayoutX() + marks.get(2).getWidth())
                .as("a name near the end goes left of its mark, inside the track")
                .isLessThanOrEqualTo(400);
        Object tip = marks.get(1).getProperties().values().stream()
                .filter(Tooltip.class::isInstance)
                .findFirst()
                .orElseThrow();
        assertThat(((Tooltip) tip).getText()).contains("saved").contains("+00:00:01");
        click(robot, marks.get(1));
        assertThat(clicked).extracting(m -> m.tag().name()).containsExactly("saved");
    }

    @Test
    void theTagListShowsWhoAddedEachAndWhatCameAfterTheRun(FxRobot robot) {
        openSession(robot);
        TableView<Tag> tags = robot.lookup("#detailTags").queryTableView();
        assertThat(tags.getItems()).extracting(Tag::name).containsExactly("invoice_open", "saved", "reviewed");
        assertThat(cells(tags, "When")).containsExactly("+00:00:07", "+00:00:12", "after the run");
        assertThat(cells(tags, "Added by"))
                .as("the key's label, else its id")
                .containsExactly(writerKeyId, "admin (data folder)", "admin (data folder)");
        assertThat(writerKeyId).isNotBlank();
    }

    @Test
    void addingATagChangesNothingElseOnScreen(FxRobot robot) {
        FilmStripViewModel<Image> film = openSession(robot);
        robot.interact(() -> film.select(17));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> Long.valueOf(17).equals(film.imageSeqProperty().get()));
        ScrollPane pane = robot.lookup("#detailPane").queryAs(ScrollPane.class);
        robot.interact(() -> pane.setVvalue(0.6));
        WaitForAsyncUtils.waitForFxEvents();
        List<Session> shown = new ArrayList<>();
        robot.interact(() -> vm.detail().sessionProperty().addListener((o, a, b) -> shown.add(b)));
        List<Number> scrolled = new ArrayList<>();
        robot.interact(() -> pane.vvalueProperty().addListener((o, a, b) -> scrolled.add(b)));

        TextField name = robot.lookup("#tagName").queryAs(TextField.class);
        robot.interact(() -> name.setText("second_look"));
        Button add = robot.lookup("#addTag").queryButton();
        robot.interact(add::fire);
        TableView<Tag> tags = robot.lookup("#detailTags").queryTableView();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> tags.getItems().stream().anyMatch(t -> t.name().equals("second_look")));
        // the list reloads after the tag (its Tags column): wait for it, then look again
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !vm.loadingProperty().get()
                        && !vm.detail().loadingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(shown).as("the detail never went blank").doesNotContainNull();
        assertThat(film.currentSeqProperty().get()).as("same frame").isEqualTo(17L);
        assertThat(film.imageSeqProperty().get()).isEqualTo(17L);
        assertThat(film.currentIndexProperty().get()).isEqualTo(17);
        assertThat(pane.getVvalue()).as("same scroll").isEqualTo(0.6);
        assertThat(scrolled).as("the pane never moved, not even for a moment").isEmpty();
        assertThat(name.getText()).isEmpty();
        assertThat(cells(tags, "When").get(tags.getItems().size() - 1)).isEqualTo("after the run");
        assertThat(fx.admin.sessions().get(id, Include.TAGS).execute().tags())
                .extracting(Tag::name)
                .contains("second_look");
    }

    private static List<String> cells(TableView<Tag> table, String title) {
        @SuppressWarnings("unchecked")
        TableColumn<Tag, String> c = (TableColumn<Tag, String>) table.getColumns().stream()
                .filter(col -> col.getText().equals(title))
                .findFirst()
                .orElseThrow();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < table.getItems().size(); i++) {
            out.add(c.getCellObservableValue(i).getValue());
        }
        return out;
    }
}
