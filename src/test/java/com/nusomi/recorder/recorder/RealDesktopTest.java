package com.nusomi.recorder.recorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.nusomi.recorder.client.SessionsClient;
import com.nusomi.recorder.client.model.Event;
import com.nusomi.recorder.client.model.Session;
import com.nusomi.recorder.desktop.XDesktop;
import com.nusomi.recorder.recorder.capture.RobotScreenSource;
import com.nusomi.recorder.recorder.capture.ScreenSelection;
import com.nusomi.recorder.recorder.capture.ScreenSource;
import com.nusomi.recorder.recorder.capture.SyntheticScreenSource;
import com.nusomi.recorder.recorder.input.GlobalInputHook;
import com.nusomi.recorder.recorder.input.NativeHookInputSource;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real capture paths: AWT Robot and jnativehook, driven by xdotool, on the display tests' Xvfb with Openbox
 * (see the pom's display-tests execution).
 */
@Tag("display")
@ExtendWith(XDesktop.class)
class RealDesktopTest {

    @Test
    void robotCapturesTheScreenAndHooksSeeXdotoolClicksAndKeys(@TempDir Path serverDir, @TempDir Path data)
            throws Exception {
        assumeFalse(GraphicsEnvironment.isHeadless(), "needs a display");
        ScreenSource robot = new RobotScreenSource();
        Rectangle primary = robot.bounds(ScreenSelection.primary());
        ScreenSource.Capture shot = robot.capture(ScreenSelection.primary());
        assertThat(shot.image().getWidth()).isEqualTo(primary.width);
        assertThat(shot.image().getHeight()).isEqualTo(primary.height);

        CollectingListener l = new CollectingListener();
        try (LocalServer server = new LocalServer(serverDir);
                SessionsClient client = server.newClient();
                RecorderService svc = RecorderService.builder(client, data)
                        .listener(l)
                        .screenSource(robot)
                        .inputSource(new NativeHookInputSource())
                        .build()) {
            Session s = LocalServer.newRecordingSession(client);
            Recording r = svc.start(
                    s.id(),
                    s.startedAt(),
                    RecorderOptions.builder()
                            .captureInterval(Duration.ofHours(1))
                            .keyFlushInterval(Duration.ofMillis(500))
                            .build());
            assertThat(r.inputCaptureAvailable()).as(r.inputUnavailableReason()).isTrue();
            await().atMost(10, TimeUnit.SECONDS).until(() -> l.framesRecorded() >= 1);

            xdotool("mousemove", "200", "150", "click", "3");
            xdotool("type", "--delay", "20", "secret");
            xdotool("key", "ctrl+a");
            await().atMost(10, TimeUnit.SECONDS)
                    .until(() -> l.recordedEventIds().size() >= 2);
            r.stop().get(30, TimeUnit.SECONDS);

            List<Event> events = new ArrayList<>();
            client.events().listAll(s.id()).forEach(events::add);
            assertThat(events).anySatisfy(e -> {
                assertThat(e.type()).isEqualTo("click");
                assertThat(e.data())
                        .containsEntry("x", 200)
                        .containsEntry("y", 150)
                        .containsEntry("button", "secondary");
            });
            int keys = events.stream()
                    .filter(e -> e.type().equals("key"))
                    .mapToInt(e -> ((Number) e.data().get("keys")).intValue())
                    .sum();
            assertThat(keys).isGreaterThanOrEqualTo(7);
            assertThat(events.toString()).doesNotContain("secret");
            assertThat(events)
                    .filteredOn(e -> e.type().equals("key"))
                    .as("ctrl+a")
                    .anySatisfy(e ->
                            assertThat(e.data().get("modifiers").toString()).contains("ctrl"))
                    .allSatisfy(e -> assertThat(e.data().keySet()).isEqualTo(Set.of("keys", "modifiers")));
            assertThat(client.sessions().get(s.id()).execute().frameCount()).isGreaterThanOrEqualTo(1);
        }
    }

    /**
     * jnativehook 2.2.2 shuts its own event dispatcher down when the hook is unregistered and never makes a new
     * one: a recorder that unregistered per recording saw no input from the second recording on. The hook is now
     * registered once for the process and each recording (here on a rebuilt recorder, as after a connection
     * switch) only adds its listener.
     */
    @Test
    void aSecondRecordingOnARebuiltRecorderStillSeesClicks(@TempDir Path serverDir, @TempDir Path data)
            throws Exception {
        assumeFalse(GraphicsEnvironment.isHeadless(), "needs a display");
        GlobalInputHook hook = GlobalInputHook.system();
        try (LocalServer server = new LocalServer(serverDir);
                SessionsClient client = server.newClient()) {
            int registrations = -1;
            for (int round = 1; round <= 3; round++) {
                CollectingListener l = new CollectingListener();
                try (RecorderService svc = RecorderService.builder(client, data)
                        .listener(l)
                        .screenSource(new SyntheticScreenSource(80, 60, false))
                        .inputSource(new NativeHookInputSource(hook))
                        .build()) {
                    Session s = LocalServer.newRecordingSession(client);
                    Recording r = svc.start(
                            s.id(),
                            s.startedAt(),
                            RecorderOptions.builder()
                                    .captureInterval(Duration.ofHours(1))
                                    .captureOnClick(false)
                                    .eventFlushInterval(Duration.ofMillis(100))
                                    .build());
                    assertThat(r.inputCaptureAvailable())
                            .as(r.inputUnavailableReason())
                            .isTrue();
                    registrations = round == 1 ? hook.registrations() : registrations;
                    xdotool("mousemove", String.valueOf(100 + round), "120", "click", "1");
                    await("round " + round)
                            .atMost(10, TimeUnit.SECONDS)
                            .until(() -> !l.recordedEventIds().isEmpty());
                    r.stop().get(30, TimeUnit.SECONDS);
                    assertThat(r.inputLost()).isFalse();
                    List<Event> events = new ArrayList<>();
                    client.events().listAll(s.id()).forEach(events::add);
                    int x = 100 + round;
                    assertThat(events)
                            .as("round %d", round)
                            .anySatisfy(e -> assertThat(e.data()).containsEntry("x", x));
                }
            }
            assertThat(hook.registrations()).as("registered once").isEqualTo(registrations);
            assertThat(hook.failure()).isNull();
        } finally {
            hook.close();
        }
    }

    private static void xdotool(String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add("xdotool");
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).inheritIO().start();
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
    }
}
