package com.nusomi.recorder.recorder;

import static org.assertj.core.api.Assertions.assertThat;

import com.nusomi.recorder.client.SessionsClient;
import com.nusomi.recorder.client.model.Session;
import com.nusomi.recorder.desktop.FrameCheck;
import com.nusomi.recorder.desktop.Tools;
import com.nusomi.recorder.desktop.XDesktop;
import com.nusomi.recorder.desktop.XTerm;
import com.nusomi.recorder.recorder.capture.DesktopSnapshot;
import com.nusomi.recorder.recorder.capture.DesktopWindow;
import com.nusomi.recorder.recorder.capture.ScreenSelection;
import com.nusomi.recorder.recorder.capture.ScreenSource;
import com.nusomi.recorder.recorder.capture.ScreenSources;
import com.nusomi.recorder.recorder.capture.WindowLocator;
import com.nusomi.recorder.recorder.capture.WindowLookupException;
import com.nusomi.recorder.recorder.capture.x11.X11WindowLocator;
import com.nusomi.recorder.recorder.input.SyntheticInputSource;
import java.awt.Color;
import java.awt.EventQueue;
import java.awt.Frame;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Window;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Masks on a real desktop: Xvfb with Openbox, real xterms stacked, moved and resized, the real screen capture and
 * the real X11 window lookup. Each stored frame is compared pixel by pixel with an unmasked screenshot taken at the
 * same moment, against masks placed from geometry read independently ({@code xwininfo}, {@code xprop}).
 */
@Tag("display")
@ExtendWith(XDesktop.class)
class RealWindowsMaskTest {
    private static final String PRIVATE_TITLE = "Invoice terminal";
    private static final int MAGENTA = 0xff00ff;
    private static final int GREEN = 0x00ff00;
    private static final int YELLOW = 0xffff00;
    private static final int BLUE = 0x0000ff;
    private static final float QUALITY = 0.9f;
    /** A channel may differ this much from the reference (the same JPEG encoding of the expected picture). */
    private static final int TOLERANCE = 12;

    private final List<AutoCloseable> opened = new ArrayList<>();

    @AfterEach
    void closeWindows() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
    }

    @Test
    void privateWindowIsMaskedWholeWhereVisibleAndAWindowInFrontIsRecorded(@TempDir Path server, @TempDir Path data)
            throws Exception {
        XTerm secret = open(PRIVATE_TITLE, "#ff00ff", 200, 150, 500, 360);
        XTerm front = open("Front window", "#00ff00", 480, 330, 420, 300);
        try (Run run = new Run(server, data, new X11WindowLocator())) {
            run.step(MAGENTA, secret, GREEN, front);
            List<Shot> shots = run.finish();
            FrameCheck.Result r = check(shots.get(0), List.of(secret.frame()), List.of(front.frame()), front.frame());
            System.out.println("[privacy figures] private window under a front window: " + r);
            assertThat(r.leakedPixels()).as(r.toString()).isZero();
            assertThat(r.maskPixels())
                    .as("the private window's visible frame, title bar included")
                    .isGreaterThan(100_000);
            assertThat(r.foregroundFidelity()).as(r.toString()).isGreaterThanOrEqualTo(0.99);
            assertThat(r.otherMismatched()).as(r.toString()).isZero();
            assertThat(FrameCheck.count(shots.get(0).stored, MAGENTA))
                    .as("magenta anywhere")
                    .isZero();
        }
    }

    @Test
    void ownWindowIsMaskedOnlyWhereVisible(@TempDir Path server, @TempDir Path data) throws Exception {
        XTerm behind = open("Behind window", "#ffff00", 150, 150, 500, 300);
        Window own = ownWindow("Recorder own window", 400, 250, 500, 400);
        XTerm front = open("Front window", "#00ff00", 700, 450, 400, 300);
        String ownId = Tools.xdotool("search", "--name", "^Recorder own window$")
                .strip()
                .split("\\s+", -1)[0];
        try (Run run = new Run(server, data, new X11WindowLocator())) {
            run.step(BLUE, null, GREEN, front);
            List<Shot> shots = run.finish();
            Rectangle ownFrame = XTerm.frameOf(ownId);
            FrameCheck.Result r = check(shots.get(0), List.of(ownFrame), List.of(front.frame()), front.frame());
            assertThat(r.leakedPixels()).as(r.toString()).isZero();
            assertThat(r.foregroundFidelity()).as(r.toString()).isGreaterThanOrEqualTo(0.99);
            assertThat(r.otherMismatched()).as(r.toString()).isZero();
            assertThat(FrameCheck.count(shots.get(0).stored, BLUE))
                    .as("the own window's colour")
                    .isZero();
            assertThat(FrameCheck.count(shots.get(0).stored, YELLOW))
                    .as("the window behind, where uncovered")
                    .isGreaterThan(10_000);
        } finally {
            EventQueue.invokeAndWait(own::dispose);
            assertThat(behind.title).isNotEmpty();
        }
    }

    @Test
    void masksFollowAPrivateWindowThatMovesAndResizes(@TempDir Path server, @TempDir Path data) throws Exception {
        XTerm secret = open(PRIVATE_TITLE, "#ff00ff", 100, 100, 400, 300);
        XTerm front = open("Front window", "#00ff00", 900, 600, 300, 200);
        int[][] places = {{100, 100, 400, 300}, {650, 220, 520, 380}, {300, 480, 360, 240}};
        try (Run run = new Run(server, data, new X11WindowLocator())) {
            List<Rectangle> frames = new ArrayList<>();
            for (int[] p : places) {
                secret.place(p[0], p[1], p[2], p[3]);
                front.raise();
                frames.add(secret.frame());
                run.step(MAGENTA, secret, GREEN, front);
            }
            List<Shot> shots = run.finish();
            assertThat(shots).hasSize(places.length);
            for (int i = 0; i < shots.size(); i++) {
                FrameCheck.Result r =
                        check(shots.get(i), List.of(frames.get(i)), List.of(front.frame()), front.frame());
                assertThat(r.leakedPixels()).as("place %d: %s", i, r).isZero();
                assertThat(r.otherMismatched()).as("place %d: %s", i, r).isZero();
                assertThat(FrameCheck.count(shots.get(i).stored, MAGENTA))
                        .as("magenta at place %d", i)
                        .isZero();
            }
        }
    }

    @Test
    void aPrivateWindowWhosePlaceCannotBeReadBlacksOutTheWholeFrame(@TempDir Path server, @TempDir Path data)
            throws Exception {
        open(PRIVATE_TITLE, "#ff00ff", 200, 150, 500, 360);
        XTerm front = open("Front window", "#00ff00", 480, 330, 420, 300);
        WindowLocator real = new X11WindowLocator();
        WindowLocator blind = new WindowLocator() {
            @Override
            public DesktopSnapshot snapshot() throws WindowLookupException {
                DesktopSnapshot s = real.snapshot();
                return new DesktopSnapshot(
                        s.topFirst().stream()
                                .map(w -> PRIVATE_TITLE.equals(w.title())
                                        ? new DesktopWindow(w.id(), null, w.title(), w.pid())
                                        : w)
                                .toList(),
                        s.activeId());
            }

            @Override
            public String describe() {
                return "X11 without the private window's place";
            }
        };
        try (Run run = new Run(server, data, blind)) {
            run.step(MAGENTA, null, GREEN, front);
            List<Shot> shots = run.finish();
            Rectangle all = run.area;
            FrameCheck.Result r = check(shots.get(0), List.of(all), List.of(), null);
            assertThat(r.leakedPixels()).as(r.toString()).isZero();
            assertThat(run.listener.warnings).anySatisfy(w -> {
                assertThat(w.kind()).isEqualTo(RecorderWarning.Kind.FRAMES_BLACKED_OUT);
                assertThat(w.message()).contains(PRIVATE_TITLE);
            });
        }
    }

    private XTerm open(String title, String colour, int x, int y, int w, int h) throws Exception {
        XTerm t = XTerm.open(title, colour, x, y, w, h);
        opened.add(t);
        return t;
    }

    private static Window ownWindow(String title, int x, int y, int w, int h) throws Exception {
        Window[] f = new Window[1];
        EventQueue.invokeAndWait(() -> {
            f[0] = new Frame(title);
            f[0].setBackground(new Color(BLUE));
            f[0].setBounds(x, y, w, h);
            f[0].setVisible(true);
        });
        return f[0];
    }

    private static FrameCheck.Result check(Shot shot, List<Rectangle> masked, List<Rectangle> above, Rectangle front)
            throws IOException {
        String dump = System.getProperty("recorder.test.dump");
        if (dump != null) {
            try {
                ImageIO.write(
                        shot.stored,
                        "png",
                        Path.of(dump, "stored-" + shot.seq + ".png").toFile());
                ImageIO.write(
                        shot.screenshot,
                        "png",
                        Path.of(dump, "shot-" + shot.seq + ".png").toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return FrameCheck.compare(
                shot.stored,
                shot.screenshot,
                shot.area,
                new FrameCheck.Expected(masked, above),
                front,
                TOLERANCE,
                QUALITY);
    }

    /** A stored frame and the screenshot taken right after it was captured. */
    private static final class Shot {
        final BufferedImage screenshot;
        final Rectangle area;
        final long seq;
        BufferedImage stored;

        Shot(BufferedImage screenshot, Rectangle area, long seq) {
            this.screenshot = screenshot;
            this.area = area;
            this.seq = seq;
        }
    }

    /** One recording of the real screen with the given window lookup; frames taken on demand. */
    private static final class Run implements AutoCloseable {
        final CollectingListener listener = new CollectingListener();
        final LocalServer server;
        final SessionsClient client;
        final RecorderService service;
        final Session session;
        final Recording recording;
        final Robot robot = new Robot();
        final Rectangle area;
        final List<Shot> shots = new ArrayList<>();

        Run(Path serverDir, Path data, WindowLocator windows) throws Exception {
            // the shipped source (on X11 the X server's own pixels); the screenshots it is checked against come from
            // AWT's Robot, another path to the same screen
            ScreenSource screen = ScreenSources.forThisPlatform();
            area = screen.bounds(ScreenSelection.primary());
            server = new LocalServer(serverDir);
            client = server.newClient();
            service = RecorderService.builder(client, data)
                    .listener(listener)
                    .screenSource(screen)
                    .inputSource(new SyntheticInputSource())
                    .windowLocator(windows)
                    .build();
            session = LocalServer.newRecordingSession(client);
            recording = service.start(
                    session.id(),
                    session.startedAt(),
                    RecorderOptions.builder()
                            .captureInterval(Duration.ofHours(1))
                            .captureOnClick(false)
                            .jpegQuality(QUALITY)
                            .privacyTitlePatterns(List.of(Pattern.compile(PRIVATE_TITLE)))
                            .build());
            // the first frame is taken at once; wait for it so that later frames are ours
            Awaitility.await()
                    .atMost(10, TimeUnit.SECONDS)
                    .until(() -> listener.framesRecorded() + recording.stats().framesUnchanged() >= 1);
        }

        /** Waits until both windows show their colours, then takes a frame and a screenshot of that moment. */
        void step(int maskedColour, XTerm masked, int frontColour, XTerm front) throws Exception {
            waitPainted(front, frontColour);
            if (masked != null) {
                waitPainted(masked, maskedColour);
            }
            recording.captureNow().get(10, TimeUnit.SECONDS);
            BufferedImage shot = robot.createScreenCapture(area);
            // an unchanged picture is not stored again: the newest stored frame is then the one of this moment
            List<Long> seqs = listener.recordedSeqs();
            assertThat(seqs).as("a frame was stored").isNotEmpty();
            shots.add(new Shot(shot, area, seqs.get(seqs.size() - 1)));
        }

        private void waitPainted(XTerm t, int rgb) throws Exception {
            Rectangle c = t.client();
            Awaitility.await()
                    .atMost(10, TimeUnit.SECONDS)
                    .until(() -> FrameCheck.count(
                                    robot.createScreenCapture(
                                            new Rectangle(c.x + c.width / 2, c.y + c.height / 2, 4, 4)),
                                    rgb)
                            == 16);
        }

        /** Stops the recording and reads back the frames taken by {@link #step}, oldest first. */
        List<Shot> finish() throws Exception {
            recording.stop().get(30, TimeUnit.SECONDS);
            for (Shot shot : shots) {
                byte[] bytes =
                        client.frames().get(session.id(), shot.seq).execute().bytes();
                shot.stored = ImageIO.read(new ByteArrayInputStream(bytes));
            }
            return shots;
        }

        @Override
        public void close() {
            service.close();
            client.close();
            server.close();
        }
    }
}
