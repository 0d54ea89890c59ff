package com.nusomi.recorder.ui.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nusomi.recorder.app.connection.Connector;
import com.nusomi.recorder.boot.AppContext;
import com.nusomi.recorder.boot.Screens;
import com.nusomi.recorder.client.model.Session;
import com.nusomi.recorder.client.request.CreateSessionRequest;
import com.nusomi.recorder.client.request.FrameUpload;
import com.nusomi.recorder.ui.main.MainWindow;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableView;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
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
 * Redaction from the Sessions detail, in the real main window against a real server: a box drawn with the mouse on
 * frame 3 of 5 and applied to this frame, after a confirmation that says the originals are erased for good, paints
 * exactly that box black on the server's frame, leaves the rest of it and the other frames as they were, and the
 * frame shown (in the editor and in the film strip) reloads with the black box.
 */
@ExtendWith(ApplicationExtension.class)
class RedactionScreenTest {
    static final int W = 320;
    static final int H = 200;
    /** The box drawn, in frame pixels: from (40, 30) to (120, 90). */
    static final int X0 = 40;

    static final int Y0 = 30;
    static final int X1 = 120;
    static final int Y1 = 90;

    @TempDir
    static Path data;

    static SessionsFixture fx;
    static String id;
    /** A second run, redacted from the frame viewer. */
    static String viewerId;

    static final List<byte[]> originals = new ArrayList<>();
    private AppContext ctx;

    @BeforeAll
    static void seed() {
        fx = new SessionsFixture(data.resolve("server"), 0);
        for (int i = 0; i < 5; i++) {
            originals.add(png(gradient(i)));
        }
        id = record("redaction_review");
        viewerId = record("viewer_redaction");
    }

    /** A stopped run of the five gradient frames, half a second apart. */
    private static String record(String workflow) {
        Instant t0 = fx.now.get();
        String sid = fx.admin
                .sessions()
                .create(CreateSessionRequest.builder(workflow).start(true).build())
                .execute()
                .id();
        for (int i = 0; i < originals.size(); i++) {
            fx.admin
                    .frames()
                    .upload(sid, FrameUpload.of(i, t0.plusMillis(i * 500L), "image/png", originals.get(i)))
                    .execute();
        }
        fx.now.set(t0.plusMillis(3_000));
        fx.admin.sessions().stop(sid).execute();
        return sid;
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

    @Test
    void aBoxDrawnOnThisFrameIsBlackOnTheServerAfterTheConfirmationAndTheFrameShownReloads(FxRobot robot)
            throws Exception {
        FilmStripViewModel<Image> film = openSession(robot, id);
        robot.interact(() -> film.select(2));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> Long.valueOf(2).equals(film.imageSeqProperty().get()));

        press(robot, "#redactFrames");
        Pane canvas = robot.lookup("#redactionCanvas").queryAs(Pane.class);
        ImageView shown = (ImageView) canvas.getChildrenUnmodifiable().get(0);
        await().atMost(Duration.ofSeconds(10)).until(() -> shown.getImage() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#redactFrameNumber").queryLabeled().getText()).isEqualTo("Frame 3 of 5");
        assertThat(robot.lookup("#redactThisFrame").queryAs(RadioButton.class).isSelected())
                .as("this frame, unless the user says otherwise")
                .isTrue();
        assertThat(robot.lookup("#applyRedaction").queryButton().isDisabled())
                .as("nothing drawn, nothing to apply")
                .isTrue();

        drag(robot, canvas, X0, Y0, X1, Y1);
        assertThat(robot.lookup("#redactBoxCount").queryLabeled().getText()).isEqualTo("1 box");

        press(robot, "#applyRedaction");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> robot.lookup("#confirmRedaction").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".dialog-pane .header-panel .label")
                        .queryLabeled()
                        .getText())
                .isEqualTo("Paint 1 box solid black on frame 3 of 5?");
        assertThat(robot.lookup(".dialog-pane .content").queryLabeled().getText())
                .contains("erased for good")
                .contains("cannot be undone");
        ButtonBase cancel = robot.lookup(".dialog-pane .button").queryAllAs(ButtonBase.class).stream()
                .filter(b -> b.getText().equals("Cancel"))
                .findFirst()
                .orElseThrow();
        press(cancel);
        assertThat(frameBytes(id, 2)).as("cancelled: nothing changed").isEqualTo(originals.get(2));
        assertThat(robot.lookup("#redactBoxCount").queryLabeled().getText()).isEqualTo("1 box");

        press(robot, "#applyRedaction");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> robot.lookup("#confirmRedaction").tryQuery().isPresent());
        press(robot, "#confirmRedaction");
        Label status = robot.lookup("#redactStatus").queryAs(Label.class);
        await().atMost(Duration.ofSeconds(15)).until(() -> status.getText().contains("redacted"));
        assertThat(status.getText()).isEqualTo("1 frame redacted; the originals are erased.");

        BufferedImage before = decode(originals.get(2));
        BufferedImage after = decode(frameBytes(id, 2));
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                // the box's edges may land a pixel either way of the drawn corners (screen to frame pixels)
                boolean surelyInside = x > X0 && x < X1 - 1 && y > Y0 && y < Y1 - 1;
                boolean surelyOutside = x < X0 - 1 || x > X1 || y < Y0 - 1 || y > Y1;
                if (surelyInside) {
                    assertThat(after.getRGB(x, y) & 0xffffff)
                            .as("inside at %d,%d", x, y)
                            .isZero();
                } else if (surelyOutside) {
                    assertThat(after.getRGB(x, y)).as("outside at %d,%d", x, y).isEqualTo(before.getRGB(x, y));
                }
            }
        }
        for (int seq : new int[] {0, 1, 3, 4}) {
            assertThat(frameBytes(id, seq)).as("frame %d untouched", seq).isEqualTo(originals.get(seq));
        }

        int cx = (X0 + X1) / 2;
        int cy = (Y0 + Y1) / 2;
        await().atMost(Duration.ofSeconds(10)).until(() -> isBlack(shown.getImage(), cx, cy));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> Long.valueOf(2).equals(film.imageSeqProperty().get())
                        && isBlack(film.imageProperty().get(), cx, cy));
        assertThat(robot.lookup("#redactBoxCount").queryLabeled().getText())
                .as("the boxes are spent")
                .isEqualTo("0 boxes");
    }

    @Test
    void redactFromTheFrameViewerPaintsARangeAndTheViewerShowsTheRedactedFrame(FxRobot robot) throws Exception {
        FilmStripViewModel<Image> film = openSession(robot, viewerId);
        robot.interact(() -> film.select(1));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> Long.valueOf(1).equals(film.imageSeqProperty().get()));
        press(robot, "#openViewer");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> robot.lookup("#viewerImage").tryQuery().isPresent());
        ImageView viewer = robot.lookup("#viewerImage").queryAs(ImageView.class);
        Label number = robot.lookup("#viewerFrameNumber").queryAs(Label.class);
        int cx = (X0 + X1) / 2;
        int cy = (Y0 + Y1) / 2;
        await().atMost(Duration.ofSeconds(10))
                .until(() -> number.getText().equals("Frame 2 of 5")
                        && viewer.getImage() != null
                        && !viewer.getImage().isBackgroundLoading()
                        && shows(viewer.getImage(), originals.get(1), cx, cy));

        press(robot, "#viewerRedact");
        Pane canvas = robot.lookup("#redactionCanvas").queryAs(Pane.class);
        ImageView shown = (ImageView) canvas.getChildrenUnmodifiable().get(0);
        await().atMost(Duration.ofSeconds(10)).until(() -> shown.getImage() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#redactFrameNumber").queryLabeled().getText())
                .as("the editor opens on the viewer's frame")
                .isEqualTo("Frame 2 of 5");
        drag(robot, canvas, X0, Y0, X1, Y1);
        press(robot, "#redactRange");
        robot.interact(() -> {
            robot.lookup("#redactFrom").queryTextInputControl().setText("2");
            robot.lookup("#redactTo").queryTextInputControl().setText("4");
        });
        press(robot, "#applyRedaction");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> robot.lookup("#confirmRedaction").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".dialog-pane .header-panel .label")
                        .queryLabeled()
                        .getText())
                .isEqualTo("Paint 1 box solid black on frames 2 to 4 of 5?");
        press(robot, "#confirmRedaction");
        Label status = robot.lookup("#redactStatus").queryAs(Label.class);
        await().atMost(Duration.ofSeconds(15)).until(() -> status.getText().contains("redacted"));
        assertThat(status.getText()).isEqualTo("3 frames redacted; the originals are erased.");

        for (int seq = 0; seq < 5; seq++) {
            if (seq >= 1 && seq <= 3) {
                assertThat(decode(frameBytes(viewerId, seq)).getRGB(cx, cy) & 0xffffff)
                        .as("frame %d redacted", seq)
                        .isZero();
            } else {
                assertThat(frameBytes(viewerId, seq))
                        .as("frame %d untouched", seq)
                        .isEqualTo(originals.get(seq));
            }
        }
        await("the viewer drops its cached picture and shows the redacted frame")
                .atMost(Duration.ofSeconds(10))
                .until(() -> number.getText().equals("Frame 2 of 5") && blackAt(viewer.getImage(), cx, cy));
        press(robot, "#viewerNext");
        await("a frame fetched ahead before the redaction is fetched again")
                .atMost(Duration.ofSeconds(10))
                .until(() -> number.getText().equals("Frame 3 of 5") && blackAt(viewer.getImage(), cx, cy));
        press(robot, "#viewerLast");
        await("frame 5 was outside the range")
                .atMost(Duration.ofSeconds(10))
                .until(() -> number.getText().equals("Frame 5 of 5")
                        && viewer.getImage() != null
                        && shows(viewer.getImage(), originals.get(4), cx, cy));
    }

    /** Whether {@code img} (the frame at any size) is black at frame pixel (x, y). */
    private static boolean blackAt(Image img, int x, int y) {
        return img != null && isBlack(img, (int) (x * img.getWidth() / W), (int) (y * img.getHeight() / H));
    }

    /** Whether {@code img} (the frame at any size) has the original's colour at frame pixel (x, y), within 8. */
    private static boolean shows(Image img, byte[] original, int x, int y) {
        try {
            int want = decode(original).getRGB(x, y);
            int got = img.getPixelReader().getArgb((int) (x * img.getWidth() / W), (int) (y * img.getHeight() / H));
            for (int shift = 0; shift <= 16; shift += 8) {
                if (Math.abs(((want >> shift) & 0xff) - ((got >> shift) & 0xff)) > 8) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private FilmStripViewModel<Image> openSession(FxRobot robot, String sessionId) {
        ButtonBase nav = robot.lookup("#navSessions").query();
        robot.interact(nav::fire);
        SessionsViewModel vm =
                robot.lookup("#sessionsView").queryAs(SessionsView.class).viewModel();
        TableView<Session> table = robot.lookup("#sessionsTable").queryTableView();
        await().atMost(Duration.ofSeconds(15))
                .until(() ->
                        table.getItems().size() == 2 && !vm.loadingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> table.getSelectionModel()
                .clearAndSelect(
                        table.getItems().stream().map(Session::id).toList().indexOf(sessionId)));
        FilmStripViewModel<Image> film = vm.detail().film();
        await().atMost(Duration.ofSeconds(15))
                .until(() -> !vm.detail().loadingProperty().get()
                        && !film.framesLoadingProperty().get()
                        && film.frames().size() == 5
                        && !film.imageLoadingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        return film;
    }

    /** Drags the mouse across the canvas from one frame pixel to another, as the canvas shows the frame. */
    private static void drag(FxRobot robot, Pane canvas, int x0, int y0, int x1, int y1) {
        Image img = ((ImageView) canvas.getChildrenUnmodifiable().get(0)).getImage();
        double s = Math.min(canvas.getWidth() / img.getWidth(), canvas.getHeight() / img.getHeight());
        double ox = (canvas.getWidth() - img.getWidth() * s) / 2;
        double oy = (canvas.getHeight() - img.getHeight() * s) / 2;
        Point2D from = canvas.localToScreen(ox + x0 * s, oy + y0 * s);
        Point2D to = canvas.localToScreen(ox + x1 * s, oy + y1 * s);
        robot.moveTo(from);
        robot.press(MouseButton.PRIMARY);
        robot.moveTo(from.midpoint(to));
        robot.moveTo(to);
        robot.release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void press(FxRobot robot, String query) {
        press(robot.lookup(query).queryAs(ButtonBase.class));
    }

    private static void press(ButtonBase b) {
        assertThat(b.isDisabled()).as("%s can be pressed", b.getText()).isFalse();
        Platform.runLater(b::fire); // a dialog's showAndWait must not block the test thread
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static boolean isBlack(Image img, int x, int y) {
        return img != null && (img.getPixelReader().getArgb(x, y) & 0xffffff) == 0;
    }

    private static byte[] frameBytes(String sessionId, int seq) {
        return fx.admin.frames().get(sessionId, seq).execute().bytes();
    }

    private static BufferedImage gradient(int i) {
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                img.setRGB(x, y, ((x * 255 / W) << 16) | ((y * 255 / H) << 8) | (40 + i * 40));
            }
        }
        return img;
    }

    private static byte[] png(BufferedImage img) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static BufferedImage decode(byte[] bytes) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(bytes));
    }
}
