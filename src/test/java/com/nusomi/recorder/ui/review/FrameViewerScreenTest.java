package com.nusomi.recorder.ui.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.nusomi.recorder.app.connection.Connector;
import com.nusomi.recorder.bench.ReviewSeeder;
import com.nusomi.recorder.boot.AppContext;
import com.nusomi.recorder.boot.Screens;
import com.nusomi.recorder.client.SessionsClient;
import com.nusomi.recorder.client.model.Session;
import com.nusomi.recorder.server.ApiServer;
import com.nusomi.recorder.server.ServerConfig;
import com.nusomi.recorder.ui.TestClock;
import com.nusomi.recorder.ui.sessions.SessionsView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javafx.animation.AnimationTimer;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TableView;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Circle;
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
 * The frame viewer opened from the Sessions screen of the real main window, against a real server holding a
 * session of 12 frames of 320×180 recorded through the client ({@link ReviewSeeder}: a frame a second, an idle
 * gap of 2 min 10 s after the sixth, clicks with their frame positions, key activity, a note and a tag). The app's
 * clock stands still, so playback moves only when the test moves the clock.
 */
@ExtendWith(ApplicationExtension.class)
class FrameViewerScreenTest {
    private static final int W = 320;
    private static final int H = 180;
    private static final int FRAMES = 12;

    @TempDir
    static Path data;

    static final AtomicReference<Instant> serverNow = new AtomicReference<>(Instant.parse("2026-05-07T14:00:00Z"));
    static ApiServer server;
    static String sessionId;
    private final TestClock clock = new TestClock();
    private AppContext ctx;
    private Screens screens;

    @BeforeAll
    static void seed() {
        Clock serverClock = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return serverNow.get();
            }
        };
        server = ApiServer.start(ServerConfig.builder()
                .dataDir(data.resolve("server"))
                .port(0)
                .clock(serverClock)
                .sealInterval(Duration.ofHours(1))
                .build());
        try (SessionsClient client = SessionsClient.builder()
                .baseUrl(server.baseUrl())
                .apiKey(server.adminKey())
                .build()) {
            sessionId = ReviewSeeder.seed(client, FRAMES, W, H, serverNow::set);
        }
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    // the connection is observed through its state, which the tests await
    @SuppressWarnings("FutureReturnValueIgnored")
    @Start
    void start(Stage stage) throws Exception {
        clock.freeze();
        ctx = AppContext.builder()
                .dataDir(Files.createTempDirectory(data, "app"))
                .connector(Connector.remote(server.baseUrl(), server.adminKey()))
                .useKeychain(false)
                .healthPollMillis(60_000)
                .clock(clock)
                .build();
        screens = new Screens(ctx);
        screens.mainWindow().show(stage);
        ctx.connect();
    }

    @AfterEach
    void tearDown() throws Exception {
        WaitForAsyncUtils.asyncFx(screens::close).get();
        ctx.close();
    }

    /** Shows the Sessions screen and selects the seeded session; waits for its first frame in the preview. */
    private static void selectSession(FxRobot robot) {
        ButtonBase nav = robot.lookup("#navSessions").query();
        robot.interact(nav::fire);
        SessionsView view = robot.lookup("#sessionsView").queryAs(SessionsView.class);
        TableView<Session> table = robot.lookup("#sessionsTable").queryTableView();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !table.getItems().isEmpty()
                        && !view.viewModel().loadingProperty().get());
        robot.interact(() -> table.getSelectionModel().clearAndSelect(0));
        assertThat(table.getItems().get(0).id()).isEqualTo(sessionId);
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            var film = view.viewModel().detail().film();
            return film.frames().size() == FRAMES
                    && !film.framesLoadingProperty().get()
                    && film.imageProperty().get() != null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void doubleClick(FxRobot robot, Node node) {
        robot.interact(() -> node.fireEvent(new MouseEvent(
                MouseEvent.MOUSE_CLICKED,
                5,
                5,
                5,
                5,
                MouseButton.PRIMARY,
                2,
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

    /** Opens the viewer by double-clicking the preview; waits for the current frame's image. */
    private static FrameView openByDoubleClick(FxRobot robot) {
        doubleClick(robot, robot.lookup("#framePreviewBox").query());
        return awaitViewer(robot);
    }

    private static FrameView awaitViewer(FxRobot robot) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> robot.lookup("#viewerCanvas").tryQuery().isPresent()
                        && robot.lookup("#viewerCanvas")
                                .query()
                                .getScene()
                                .getWindow()
                                .isShowing());
        FrameView view = robot.lookup("#viewerCanvas").queryAs(FrameView.class);
        awaitImage(view.viewModel());
        robot.interact(() -> {
            ((Stage) view.getScene().getWindow()).requestFocus();
            view.requestFocus();
        });
        return view;
    }

    /** Waits until the current frame's own image is shown. */
    private static void awaitImage(FrameViewerViewModel vm) {
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            int i = vm.indexProperty().get();
            Long seq = vm.imageSeqProperty().get();
            return i >= 0 && seq != null && seq == i && !vm.loadingProperty().get();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String number(FxRobot robot) {
        return robot.lookup("#viewerFrameNumber").queryLabeled().getText();
    }

    private static String stripCaption(FxRobot robot) {
        return robot.lookup("#frameCaption").queryLabeled().getText().replace('\u00a0', ' ');
    }

    private static void press(FxRobot robot, KeyCode key) {
        robot.type(key);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Waits for {@code n} more JavaFX pulses: the moments at which playback would have moved. */
    private static void awaitPulses(FxRobot robot, int n) {
        AtomicInteger pulses = new AtomicInteger();
        AnimationTimer counter = new AnimationTimer() {
            @Override
            public void handle(long now) {
                pulses.incrementAndGet();
            }
        };
        robot.interact(counter::start);
        await().atMost(Duration.ofSeconds(10)).until(() -> pulses.get() >= n);
        robot.interact(counter::stop);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void doubleClickOrEnterOpensTheFrameAndArrowsStepWithOneNumbering(FxRobot robot) throws Exception {
        selectSession(robot);
        assertThat(stripCaption(robot)).contains("Frame 1 of 12");
        FrameView view = openByDoubleClick(robot);
        FrameViewerViewModel vm = view.viewModel();
        assertThat(number(robot)).isEqualTo("Frame 1 of 12");
        assertThat(view.getScene().getWindow())
                .isNotSameAs(robot.lookup("#sessionsView").query().getScene().getWindow());
        ImageView image = robot.lookup("#viewerImage").queryAs(ImageView.class);
        assertThat(image.getImage()).isNotNull();

        press(robot, KeyCode.RIGHT);
        assertThat(number(robot)).isEqualTo("Frame 2 of 12");
        awaitImage(vm);
        assertThat(stripCaption(robot))
                .as("the film strip follows, numbered alike")
                .contains("Frame 2 of 12");
        press(robot, KeyCode.END);
        assertThat(number(robot)).isEqualTo("Frame 12 of 12");
        press(robot, KeyCode.RIGHT);
        assertThat(number(robot)).as("no frame after the last").isEqualTo("Frame 12 of 12");
        press(robot, KeyCode.LEFT);
        assertThat(number(robot)).isEqualTo("Frame 11 of 12");
        assertThat(robot.lookup("#viewerScrubber").queryAs(Slider.class).getValue())
                .isEqualTo(10);
        press(robot, KeyCode.HOME);
        assertThat(number(robot)).isEqualTo("Frame 1 of 12");
        press(robot, KeyCode.RIGHT);
        press(robot, KeyCode.RIGHT);
        awaitImage(vm);
        assertThat(((Stage) view.getScene().getWindow()).getTitle()).startsWith("Frame 3 of 12");
        assertThat(stripCaption(robot)).contains("Frame 3 of 12");

        press(robot, KeyCode.ESCAPE);
        assertThat(view.getScene().getWindow().isShowing()).as("Esc closes it").isFalse();

        // Enter on the preview opens it again, at the frame the strip shows
        robot.interact(() -> robot.lookup("#framePreviewBox").query().requestFocus());
        press(robot, KeyCode.ENTER);
        FrameView again = awaitViewer(robot);
        assertThat(again.getScene().getWindow().isShowing()).isTrue();
        assertThat(number(robot)).isEqualTo("Frame 3 of 12");
        assertThat(again.viewModel().imageSeqProperty().get()).isEqualTo(2L);

        // and the button does too
        press(robot, KeyCode.ESCAPE);
        ButtonBase open = robot.lookup("#openViewer").query();
        robot.interact(open::fire);
        assertThat(awaitViewer(robot).getScene().getWindow().isShowing()).isTrue();
    }

    @Test
    void zoomStepsRealSizeFitWheelAndDrag(FxRobot robot) {
        selectSession(robot);
        FrameView view = openByDoubleClick(robot);
        ZoomModel zoom = view.viewModel().zoom();
        Label percent = robot.lookup("#viewerZoom").queryAs(Label.class);
        assertThat(zoom.fitProperty().get()).isTrue();
        double fit = zoom.scaleProperty().get();
        assertThat(fit)
                .as("a small frame fitted to a large window is drawn larger than it is")
                .isGreaterThan(1);
        assertThat(zoom.widthProperty().get()).isCloseTo(W * fit, within(0.01));

        press(robot, KeyCode.MINUS);
        assertThat(zoom.scaleProperty().get()).isCloseTo(fit / ZoomModel.STEP, within(1e-9));
        press(robot, KeyCode.PLUS);
        press(robot, KeyCode.PLUS);
        assertThat(zoom.scaleProperty().get()).isCloseTo(fit * ZoomModel.STEP, within(1e-9));
        press(robot, KeyCode.DIGIT1);
        assertThat(zoom.scaleProperty().get()).isEqualTo(1);
        assertThat(percent.getText()).isEqualTo("100%");
        assertThat(robot.lookup("#viewerImage").queryAs(ImageView.class).getFitWidth())
                .isEqualTo(W);
        press(robot, KeyCode.DIGIT0);
        assertThat(zoom.scaleProperty().get()).isEqualTo(fit);
        assertThat(zoom.fitProperty().get()).isTrue();

        ButtonBase in = robot.lookup("#viewerZoomIn").query();
        ButtonBase actual = robot.lookup("#viewerActualSize").query();
        robot.interact(actual::fire);
        assertThat(zoom.scaleProperty().get()).isEqualTo(1);
        robot.interact(in::fire);
        assertThat(zoom.scaleProperty().get()).isCloseTo(ZoomModel.STEP, within(1e-9));

        // a notch of the wheel up zooms in around the pointer: the frame's point under it stays there
        robot.interact(
                () -> zoom.zoomAt(4 / zoom.scaleProperty().get() * fit, view.getWidth() / 2, view.getHeight() / 2));
        double s0 = zoom.scaleProperty().get();
        double px = view.getWidth() / 3;
        double py = view.getHeight() / 2.5;
        double frameX = (px - zoom.xProperty().get()) / s0;
        double frameY = (py - zoom.yProperty().get()) / s0;
        Point2D at = view.localToScene(px, py);
        robot.interact(() -> view.fireEvent(new ScrollEvent(
                ScrollEvent.SCROLL,
                at.getX(),
                at.getY(),
                at.getX(),
                at.getY(),
                false,
                false,
                false,
                false,
                false,
                false,
                0,
                40,
                0,
                40,
                ScrollEvent.HorizontalTextScrollUnits.NONE,
                0,
                ScrollEvent.VerticalTextScrollUnits.NONE,
                0,
                0,
                null)));
        assertThat(zoom.scaleProperty().get()).as("the wheel zooms in").isCloseTo(s0 * ZoomModel.STEP, within(1e-9));
        assertThat(zoom.xProperty().get() + frameX * zoom.scaleProperty().get()).isCloseTo(px, within(1.0));
        assertThat(zoom.yProperty().get() + frameY * zoom.scaleProperty().get()).isCloseTo(py, within(1.0));

        // zoomed far in, the frame is larger than the window: a drag pans it by as much
        robot.interact(() -> zoom.zoomAt(16, view.getWidth() / 2, view.getHeight() / 2));
        double x = zoom.xProperty().get();
        double y = zoom.yProperty().get();
        robot.drag(view, MouseButton.PRIMARY).moveBy(-60, -40).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(zoom.xProperty().get()).isCloseTo(x - 60, within(1.0));
        assertThat(zoom.yProperty().get()).isCloseTo(y - 40, within(1.0));
    }

    @Test
    void playAdvancesWithTheClockPauseStopsAndSkipIdleSaysWhatItSkipped(FxRobot robot) {
        selectSession(robot);
        FrameView view = openByDoubleClick(robot);
        FrameViewerViewModel vm = view.viewModel();
        Slider scrubber = robot.lookup("#viewerScrubber").queryAs(Slider.class);

        press(robot, KeyCode.SPACE);
        assertThat(vm.playingProperty().get()).isTrue();
        assertThat(robot.lookup("#viewerPlay").queryButton().getText()).isEqualTo("Pause");
        clock.advance(Duration.ofSeconds(1));
        await().atMost(Duration.ofSeconds(10)).until(() -> vm.indexProperty().get() == 1);
        clock.advance(Duration.ofSeconds(1));
        await().atMost(Duration.ofSeconds(10)).until(() -> vm.indexProperty().get() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(scrubber.getValue()).as("the scrubber follows").isEqualTo(2);
        assertThat(number(robot)).isEqualTo("Frame 3 of 12");

        press(robot, KeyCode.SPACE);
        assertThat(vm.playingProperty().get()).isFalse();
        clock.advance(Duration.ofSeconds(5));
        awaitPulses(robot, 5);
        assertThat(vm.indexProperty().get())
                .as("paused: the clock moves, the frame does not")
                .isEqualTo(2);
        assertThat(stripCaption(robot)).as("the strip catches up on pause").contains("Frame 3 of 12");

        // at 4×, a second of recording takes a quarter second
        robot.interact(() -> vm.playback().speedProperty().set(4));
        press(robot, KeyCode.SPACE);
        clock.advance(Duration.ofMillis(250));
        await().atMost(Duration.ofSeconds(10)).until(() -> vm.indexProperty().get() == 3);
        press(robot, KeyCode.SPACE);

        // skip idle: from the sixth frame, the 2 min 10 s with nothing in them pass in a second
        CheckBox skip = robot.lookup("#viewerSkipIdle").queryAs(CheckBox.class);
        robot.interact(() -> {
            vm.playback().speedProperty().set(1);
            skip.setSelected(true);
        });
        press(robot, KeyCode.RIGHT);
        press(robot, KeyCode.RIGHT);
        assertThat(number(robot)).isEqualTo("Frame 6 of 12");
        press(robot, KeyCode.SPACE);
        clock.advance(Duration.ofMillis(Playback.IDLE_KEEP_MS));
        await().atMost(Duration.ofSeconds(10)).until(() -> vm.indexProperty().get() == 6);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#viewerStatus").queryLabeled().getText()).isEqualTo("Skipped 2 min 9 s idle");
        press(robot, KeyCode.SPACE);
        assertThat(vm.playingProperty().get()).isFalse();
    }

    @Test
    void aClickIsARingWhereItLandedAndOverlaysTurnOff(FxRobot robot) {
        selectSession(robot);
        FrameView view = openByDoubleClick(robot);
        FrameViewerViewModel vm = view.viewModel();
        Pane overlay = robot.lookup("#viewerOverlay").queryAs(Pane.class);
        assertThat(overlay.getChildren()).as("no click before the first frame").isEmpty();

        press(robot, KeyCode.RIGHT); // frame 2: the click 300 ms before it
        awaitImage(vm);
        assertRingOnTheClick(robot, 1);
        press(robot, KeyCode.PLUS);
        press(robot, KeyCode.PLUS);
        assertRingOnTheClick(robot, 1);

        press(robot, KeyCode.RIGHT); // frame 3: key activity
        Pane captions = robot.lookup("#viewerCaptions").queryAs(Pane.class);
        assertThat(captions.getChildren())
                .extracting(n -> ((Label) n).getText())
                .containsExactly("12 keys, Ctrl");
        press(robot, KeyCode.RIGHT); // frame 4: the note
        assertThat(captions.getChildren())
                .extracting(n -> ((Label) n).getText())
                .containsExactly("Note: invoice saved");

        ButtonBase toggle = robot.lookup("#viewerOverlays").query();
        robot.interact(toggle::fire);
        assertThat(vm.overlaysShownProperty().get()).isFalse();
        assertThat(overlay.isVisible()).isFalse();
        assertThat(captions.isVisible()).isFalse();
        press(robot, KeyCode.O);
        assertThat(overlay.isVisible()).isTrue();
        assertThat(captions.isVisible()).isTrue();
        press(robot, KeyCode.END);
        assertThat(captions.getChildren())
                .extracting(n -> ((Label) n).getText())
                .contains("Tag: reviewed");
    }

    /** The ring's centre, in the scene, is where the click before frame {@code i} landed on the drawn frame. */
    private static void assertRingOnTheClick(FxRobot robot, int i) {
        WaitForAsyncUtils.waitForFxEvents();
        Circle ring = robot.lookup("#clickMarker").queryAs(Circle.class);
        ImageView image = robot.lookup("#viewerImage").queryAs(ImageView.class);
        double perPixel = image.getFitWidth() / W;
        Point2D origin = image.localToScene(0, 0);
        Point2D centre = ring.localToScene(ring.getCenterX(), ring.getCenterY());
        assertThat(centre.getX()).isCloseTo(origin.getX() + ReviewSeeder.clickX(i, W) * perPixel, within(0.5));
        assertThat(centre.getY()).isCloseTo(origin.getY() + (H / 3) * perPixel, within(0.5));
        assertThat(robot.lookup("#clickMarker").queryAll()).hasSize(1);
    }
}
