package com.nusomi.recorder.recorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.nusomi.recorder.client.Include;
import com.nusomi.recorder.client.SessionsClient;
import com.nusomi.recorder.client.model.Event;
import com.nusomi.recorder.client.model.Frame;
import com.nusomi.recorder.client.model.Session;
import com.nusomi.recorder.client.model.SessionStatus;
import com.nusomi.recorder.client.model.Tag;
import com.nusomi.recorder.recorder.capture.ScreenSelection;
import com.nusomi.recorder.recorder.capture.ScreenSource;
import com.nusomi.recorder.recorder.capture.SyntheticScreenSource;
import com.nusomi.recorder.recorder.input.InputListener;
import com.nusomi.recorder.recorder.input.InputSource;
import com.nusomi.recorder.recorder.input.MouseButton;
import com.nusomi.recorder.recorder.input.NativeHookInputSource;
import com.nusomi.recorder.recorder.input.SyntheticInputSource;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** A recording with synthetic screen and input against the real local server: frames, events, pause, notes, tags. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecordingTest {
    private static final Duration HOUR = Duration.ofHours(1);

    private LocalServer server;
    private SessionsClient client;
    private final List<RecorderService> services = new ArrayList<>();

    @BeforeAll
    void startServer(@TempDir Path serverDir) {
        server = new LocalServer(serverDir);
        client = server.newClient();
    }

    @AfterAll
    void stopServer() {
        client.close();
        server.close();
    }

    @AfterEach
    void closeServices() {
        services.forEach(RecorderService::close);
        services.clear();
    }

    private RecorderService service(Path dataDir, ScreenSource screen, InputSource input, CollectingListener listener) {
        RecorderService s = RecorderService.builder(client, dataDir)
                .screenSource(screen)
                .inputSource(input)
                .listener(listener)
                .build();
        services.add(s);
        return s;
    }

    private static List<Frame> frames(SessionsClient client, String id) {
        List<Frame> out = new ArrayList<>();
        client.frames().listAll(id).forEach(out::add);
        return out;
    }

    private static List<Event> events(SessionsClient client, String id) {
        List<Event> out = new ArrayList<>();
        client.events().listAll(id).forEach(out::add);
        return out;
    }

    @Test
    void identicalConsecutiveFramesAreNotSent(@TempDir Path data) {
        SyntheticScreenSource screen = new SyntheticScreenSource(160, 100, false);
        CollectingListener l = new CollectingListener();
        RecorderService svc = service(data, screen, new SyntheticInputSource(), l);
        Session s = LocalServer.newRecordingSession(client);
        Recording r = svc.start(
                s.id(),
                s.startedAt(),
                RecorderOptions.builder().captureInterval(Duration.ofMillis(20)).build());

        await().atMost(10, TimeUnit.SECONDS).until(() -> screen.captures() >= 10);
        screen.advance();
        long seen = screen.captures();
        await().atMost(10, TimeUnit.SECONDS).until(() -> screen.captures() >= seen + 10);
        r.stop().join();

        assertThat(frames(client, s.id())).extracting(Frame::seq).containsExactly(0L, 1L);
        assertThat(r.stats().framesUnchanged()).isGreaterThanOrEqualTo(16);
        assertThat(r.stats().framesRecorded()).isEqualTo(2);
    }

    @Test
    void aClickTriggersAFrameAndAClickEvent(@TempDir Path data) {
        SyntheticScreenSource screen = new SyntheticScreenSource(160, 100, true);
        SyntheticInputSource input = new SyntheticInputSource();
        CollectingListener l = new CollectingListener();
        RecorderService svc = service(data, screen, input, l);
        Session s = LocalServer.newRecordingSession(client);
        Recording r = svc.start(
                s.id(),
                s.startedAt(),
                RecorderOptions.builder()
                        .captureInterval(HOUR)
                        .clickCaptureDelay(Duration.ZERO)
                        .build());
        await().atMost(5, TimeUnit.SECONDS).until(() -> l.framesRecorded() == 1); // the first frame, at start

        input.click(640, 380, MouseButton.SECONDARY);

        await().atMost(5, TimeUnit.SECONDS).until(() -> l.framesRecorded() == 2);
        r.stop().join();
        assertThat(frames(client, s.id())).hasSize(2);
        List<Event> events = events(client, s.id());
        assertThat(events).hasSize(1);
        assertThat(events.get(0).type()).isEqualTo("click");
        assertThat(events.get(0).data())
                .containsEntry("x", 640)
                .containsEntry("y", 380)
                .containsEntry("button", "secondary");
        assertThat(events.get(0).data().get("window")).isNull(); // no window locator: unknown
        assertThat(r.inputCaptureAvailable()).isTrue();
    }

    @Test
    void pauseStopsCaptureAndResumeRestartsItWithMarkers(@TempDir Path data) {
        SyntheticScreenSource screen = new SyntheticScreenSource(160, 100, true);
        SyntheticInputSource input = new SyntheticInputSource();
        CollectingListener l = new CollectingListener();
        RecorderService svc = service(data, screen, input, l);
        Session s = LocalServer.newRecordingSession(client);
        Recording r = svc.start(
                s.id(),
                s.startedAt(),
                RecorderOptions.builder().captureInterval(Duration.ofMillis(20)).build());
        await().atMost(5, TimeUnit.SECONDS).until(() -> l.framesRecorded() >= 3);

        r.pause().join();
        assertThat(r.state()).isEqualTo(RecordingState.PAUSED);
        long framesAtPause = l.framesRecorded();
        long capturesAtPause = screen.captures();
        input.click(10, 10, MouseButton.PRIMARY);
        input.type("abc");
        await().during(300, TimeUnit.MILLISECONDS)
                .atMost(2, TimeUnit.SECONDS)
                .until(() -> screen.captures() == capturesAtPause);
        r.captureNow().join();
        assertThat(l.framesRecorded()).isEqualTo(framesAtPause);

        r.resume().join();
        await().atMost(5, TimeUnit.SECONDS).until(() -> l.framesRecorded() >= framesAtPause + 3);
        r.stop().join();

        List<Event> events = events(client, s.id());
        assertThat(events).extracting(Event::type).containsExactly("marker", "marker");
        assertThat(events.get(0).data()).isEqualTo(Map.of("kind", "pause"));
        assertThat(events.get(1).data()).isEqualTo(Map.of("kind", "resume"));
        Instant pausedAt = events.get(0).at();
        Instant resumedAt = events.get(1).at();
        assertThat(frames(client, s.id()))
                .noneMatch(
                        f -> f.capturedAt().isAfter(pausedAt) && f.capturedAt().isBefore(resumedAt));
        assertThat(l.states)
                .containsSubsequence(
                        RecordingState.RECORDING,
                        RecordingState.PAUSED,
                        RecordingState.RECORDING,
                        RecordingState.STOPPING,
                        RecordingState.STOPPED);
    }

    @Test
    void keyEventsCarryCountsAndModifiersNeverTheCharacters(@TempDir Path data) {
        SyntheticScreenSource screen = new SyntheticScreenSource(160, 100, false);
        SyntheticInputSource input = new SyntheticInputSource();
        RecorderService svc = service(data, screen, input, new CollectingListener());
        Session s = LocalServer.newRecordingSession(client);
        Recording r = svc.start(
                s.id(),
                s.startedAt(),
                RecorderOptions.builder().captureInterval(HOUR).build());

        input.pressModifier("ctrl");
        input.type("hunter2", "ctrl");
        input.type("secret words");
        input.click(5, 5, MouseButton.PRIMARY); // flushes the burst
        input.type("more");
        r.stop().join();

        List<Event> events = events(client, s.id());
        List<Event> keys = events.stream().filter(e -> e.type().equals("key")).toList();
        assertThat(keys).hasSize(2);
        assertThat(keys.get(0).data()).isEqualTo(Map.of("keys", 19, "modifiers", List.of("ctrl")));
        assertThat(keys.get(1).data()).isEqualTo(Map.of("keys", 4, "modifiers", List.of()));
        assertThat(events.toString())
                .doesNotContain("hunter2")
                .doesNotContain("secret")
                .doesNotContain("more");
    }

    @Test
    void keyTextIsKeptOnlyWhenAskedFor(@TempDir Path data) {
        SyntheticInputSource input = new SyntheticInputSource();
        RecorderService svc = service(data, new SyntheticScreenSource(80, 60, false), input, new CollectingListener());
        Session s = LocalServer.newRecordingSession(client);
        Recording r = svc.start(
                s.id(),
                s.startedAt(),
                RecorderOptions.builder()
                        .captureInterval(HOUR)
                        .recordKeyText(true)
                        .build());
        input.type("Hi", "shift");
        r.stop().join();
        Event key = events(client, s.id()).get(0);
        assertThat(key.data())
                .containsEntry("keys", 2)
                .containsEntry("text", "Hi")
                .containsEntry("modifiers", List.of("shift"));
    }

    @Test
    void notesAndTagsAreRecorded(@TempDir Path data) {
        RecorderService svc = service(
                data, new SyntheticScreenSource(80, 60, false), new SyntheticInputSource(), new CollectingListener());
        Session s = LocalServer.newRecordingSession(client);
        Recording r = svc.start(
                s.id(),
                s.startedAt(),
                RecorderOptions.builder().captureInterval(HOUR).build());
        r.note("Vendor field was empty").join();
        r.tag("submitted_for_approval", "{\"approver\":\"anna@acme.com\"}").join();
        r.tag("checked", null).join();
        assertThatThrownBy(() -> r.tag("Bad Name", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> r.tag("ok_name", "[1]")).isInstanceOf(IllegalArgumentException.class);
        r.stop().join();

        Event note = events(client, s.id()).get(0);
        assertThat(note.type()).isEqualTo("note");
        assertThat(note.data()).isEqualTo(Map.of("text", "Vendor field was empty"));
        Session after = client.sessions().get(s.id(), Include.TAGS).execute();
        assertThat(after.tags()).extracting(Tag::name).containsExactly("submitted_for_approval", "checked");
        assertThat(after.tags().get(0).data()).isEqualTo(Map.of("approver", "anna@acme.com"));
        assertThat(after.status()).isIn(SessionStatus.STOPPED, SessionStatus.SEALED);
        assertThatThrownBy(() -> r.note("too late").join()).hasMessageContaining("stopped");
    }

    @Test
    void withoutInputHooksFramesAndNotesAreStillRecorded(@TempDir Path data) {
        CollectingListener l = new CollectingListener();
        RecorderService svc =
                service(data, new SyntheticScreenSource(80, 60, true), new SyntheticInputSource("no X11 DISPLAY"), l);
        Session s = LocalServer.newRecordingSession(client);
        Recording r = svc.start(
                s.id(),
                s.startedAt(),
                RecorderOptions.builder().captureInterval(Duration.ofMillis(30)).build());
        assertThat(r.inputCaptureAvailable()).isFalse();
        assertThat(r.inputUnavailableReason()).contains("DISPLAY");
        assertThat(l.warned(RecorderWarning.Kind.INPUT_UNAVAILABLE)).isTrue();
        r.note("still works").join();
        await().atMost(5, TimeUnit.SECONDS).until(() -> l.framesRecorded() >= 3);
        r.stop().join();
        assertThat(frames(client, s.id())).hasSizeGreaterThanOrEqualTo(3);
        assertThat(events(client, s.id())).extracting(Event::type).containsExactly("note");
    }

    @Test
    void nativeHooksReportUnavailableWhenHeadless() {
        // surefire runs AWT headless: the real hook must refuse cleanly, with a reason
        Assumptions.assumeTrue(GraphicsEnvironment.isHeadless());
        assertThatThrownBy(() -> new NativeHookInputSource().start(new InputListener() {
                    @Override
                    public void onClick(int x, int y, MouseButton button) {}

                    @Override
                    public void onKeyPressed(boolean modifierKey, Set<String> modifiers) {}

                    @Override
                    public void onKeyTyped(char c) {}
                }))
                .isInstanceOf(InputSource.InputUnavailableException.class)
                .hasMessageContaining("headless");
    }

    @Test
    void ownWindowsAreBlackedOutBeforeEncoding(@TempDir Path data) throws Exception {
        CollectingListener l = new CollectingListener();
        RecorderService svc = service(data, new SyntheticScreenSource(200, 100, false), new SyntheticInputSource(), l);
        Session s = LocalServer.newRecordingSession(client);
        Recording r = svc.start(
                s.id(),
                s.startedAt(),
                RecorderOptions.builder()
                        .captureInterval(HOUR)
                        .ownWindows(() -> List.of(new Rectangle(100, 0, 500, 500)))
                        .build());
        r.stop().join();
        assertThat(l.captureErrors).isEmpty();
        byte[] jpeg = client.frames().get(s.id(), 0).execute().bytes();
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(jpeg));
        assertThat(brightness(img.getRGB(150, 50))).isLessThan(20); // blacked out
        assertThat(brightness(img.getRGB(50, 10))).isGreaterThan(150); // left as it was
        Files.exists(data);
    }

    private static int brightness(int rgb) {
        return (((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff)) / 3;
    }

    @Test
    void aScreenThatComesBackBlackIsReportedWhileRecordingAndClearedWhenItShowsAgain(@TempDir Path data)
            throws Exception {
        CollectingListener l = new CollectingListener();
        boolean[] dark = {true};
        ScreenSource screen = new ScreenSource() {
            private int n;

            @Override
            public List<Rectangle> screens() {
                return List.of(new Rectangle(0, 0, 64, 48));
            }

            @Override
            public Capture capture(ScreenSelection selection) {
                BufferedImage img = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
                if (!dark[0]) {
                    img.setRGB(n++ % 64, 0, 0xffffff); // something on screen, changing
                }
                return new Capture(img, screens().get(0));
            }
        };
        RecorderService svc = service(data, screen, new SyntheticInputSource(), l);
        Session s = LocalServer.newRecordingSession(client);
        Recording r = svc.start(
                s.id(),
                s.startedAt(),
                RecorderOptions.builder().captureInterval(HOUR).build());
        r.captureNow().get();
        assertThat(l.warned(RecorderWarning.Kind.SCREEN_BLACK))
                .as("after two black captures")
                .isFalse();
        r.captureNow().get();
        r.captureNow().get();
        assertThat(l.warnings)
                .filteredOn(w -> w.kind() == RecorderWarning.Kind.SCREEN_BLACK)
                .singleElement()
                .satisfies(w -> assertThat(w.message()).contains("comes back black"));
        dark[0] = false;
        r.captureNow().get();
        assertThat(l.warned(RecorderWarning.Kind.SCREEN_VISIBLE_AGAIN)).isTrue();
        r.stop().join();
    }

    @Test
    void aClickOnTheRecordedMonitorCarriesItsPositionInTheFrame(@TempDir Path data) throws Exception {
        CollectingListener l = new CollectingListener();
        // the recorded monitor is the second one, right of a 1600 px wide first one
        ScreenSource second = new ScreenSource() {
            @Override
            public List<Rectangle> screens() {
                return List.of(new Rectangle(0, 0, 1600, 1000), new Rectangle(1600, 0, 64, 48));
            }

            @Override
            public Capture capture(ScreenSelection selection) {
                return new Capture(new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB), bounds(selection));
            }
        };
        SyntheticInputSource input = new SyntheticInputSource();
        RecorderService svc = service(data, second, input, l);
        Session s = LocalServer.newRecordingSession(client);
        Recording r = svc.start(
                s.id(),
                s.startedAt(),
                RecorderOptions.builder()
                        .captureInterval(HOUR)
                        .captureOnClick(false)
                        .screen(ScreenSelection.screen(1))
                        .build());
        r.captureNow().get();
        input.click(1610, 20, MouseButton.PRIMARY);
        input.click(100, 20, MouseButton.PRIMARY);
        r.stop().join();
        List<Event> clicks = new ArrayList<>();
        client.events().listAll(s.id()).forEach(e -> {
            if (e.type().equals("click")) {
                clicks.add(e);
            }
        });
        assertThat(clicks).hasSize(2);
        assertThat(clicks.get(0).data())
                .containsEntry("x", 1610)
                .containsEntry("frame_x", 10)
                .containsEntry("frame_y", 20);
        assertThat(clicks.get(1).data()).containsEntry("x", 100).doesNotContainKey("frame_x");
    }
}
