package com.nusomi.recorder.recorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.github.kwhat.jnativehook.mouse.NativeMouseEvent;
import com.nusomi.recorder.client.SessionsClient;
import com.nusomi.recorder.client.model.Event;
import com.nusomi.recorder.client.model.Session;
import com.nusomi.recorder.recorder.capture.SyntheticScreenSource;
import com.nusomi.recorder.recorder.input.FakeGlobalScreen;
import com.nusomi.recorder.recorder.input.GlobalInputHook;
import com.nusomi.recorder.recorder.input.InputSource;
import com.nusomi.recorder.recorder.input.MouseButton;
import com.nusomi.recorder.recorder.input.NativeHookInputSource;
import com.nusomi.recorder.recorder.input.SyntheticInputSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recorder's input watchdog: a hook that stops (or is refused) is reported at once, with a warning and an
 * {@code input_lost} marker in the session's events; a restart brings input back behind an {@code input_restored}
 * marker.
 */
class InputLossTest {
    private static final Duration HOUR = Duration.ofHours(1);

    @TempDir
    Path serverDir;

    @TempDir
    Path data;

    private LocalServer server;
    private SessionsClient client;
    private final FakeGlobalScreen screen = new FakeGlobalScreen();
    private final GlobalInputHook hook = new GlobalInputHook(screen);
    private final CollectingListener listener = new CollectingListener();
    private RecorderService service;

    @BeforeEach
    void start() {
        server = new LocalServer(serverDir);
        client = server.newClient();
    }

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
        hook.close();
        client.close();
        server.close();
    }

    private Recording record(InputSource input) {
        service = RecorderService.builder(client, data)
                .screenSource(new SyntheticScreenSource(80, 60, false))
                .inputSource(input)
                .listener(listener)
                .inputCheckInterval(Duration.ofMillis(50))
                .build();
        Session s = LocalServer.newRecordingSession(client);
        return service.start(
                s.id(),
                s.startedAt(),
                RecorderOptions.builder()
                        .captureInterval(HOUR)
                        .captureOnClick(false)
                        .eventFlushInterval(Duration.ofMillis(50))
                        .build());
    }

    private List<Event> events(String id) {
        List<Event> out = new ArrayList<>();
        client.events().listAll(id).forEach(out::add);
        return out;
    }

    private void awaitEvents(int n) {
        await().atMost(10, TimeUnit.SECONDS)
                .until(() -> listener.recordedEventIds().size() >= n);
    }

    private long warnings(RecorderWarning.Kind kind) {
        synchronized (listener.warnings) {
            return listener.warnings.stream().filter(w -> w.kind() == kind).count();
        }
    }

    @Test
    void aHookThatDiesIsMarkedAndReportedAndARestartBringsClicksBack() throws Exception {
        Recording r = record(new NativeHookInputSource(hook));
        screen.click(10, 10, NativeMouseEvent.BUTTON1);
        awaitEvents(1);

        screen.die("X connection lost");

        await().atMost(10, TimeUnit.SECONDS).until(() -> listener.warned(RecorderWarning.Kind.INPUT_LOST));
        awaitEvents(2);
        assertThat(r.inputLost()).isTrue();
        assertThat(listener.warnings)
                .filteredOn(w -> w.kind() == RecorderWarning.Kind.INPUT_LOST)
                .singleElement()
                .satisfies(w -> {
                    assertThat(w.sessionId()).isEqualTo(r.sessionId());
                    assertThat(w.message()).contains("X connection lost");
                });
        assertThat(screen.click(20, 20, NativeMouseEvent.BUTTON1))
                .as("nothing arrives while lost")
                .isFalse();

        r.restartInput().get(10, TimeUnit.SECONDS);

        assertThat(r.inputLost()).isFalse();
        assertThat(listener.warned(RecorderWarning.Kind.INPUT_RESTORED)).isTrue();
        assertThat(screen.click(30, 30, NativeMouseEvent.BUTTON1)).isTrue();
        awaitEvents(4);
        r.stop().get(30, TimeUnit.SECONDS);

        List<Event> events = events(r.sessionId());
        assertThat(events).extracting(Event::type).containsExactly("click", "marker", "marker", "click");
        assertThat(events.get(1).data()).isEqualTo(Map.of("kind", "input_lost"));
        assertThat(events.get(2).data()).isEqualTo(Map.of("kind", "input_restored"));
        assertThat(events.get(3).data()).containsEntry("x", 30);
        assertThat(warnings(RecorderWarning.Kind.INPUT_LOST))
                .as("reported once, not every second")
                .isEqualTo(1);
        assertThat(screen.registerCalls()).isEqualTo(2);
        assertThat(screen.rejected()).isZero();
    }

    @Test
    void aRefusedRegistrationIsALossFromTheStartThatCanBeRestarted() throws Exception {
        screen.refuse("permission denied");

        Recording r = record(new NativeHookInputSource(hook));

        await().atMost(10, TimeUnit.SECONDS).until(() -> listener.warned(RecorderWarning.Kind.INPUT_LOST));
        assertThat(r.inputCaptureAvailable()).isTrue();
        assertThat(r.inputLost()).isTrue();
        assertThat(r.inputLostReason()).contains("permission denied");
        assertThat(listener.warned(RecorderWarning.Kind.INPUT_UNAVAILABLE)).isFalse();

        screen.refuse(null);
        r.restartInput().get(10, TimeUnit.SECONDS);
        screen.click(40, 40, NativeMouseEvent.BUTTON3);
        awaitEvents(3);
        r.stop().get(30, TimeUnit.SECONDS);

        List<Event> events = events(r.sessionId());
        assertThat(events)
                .extracting(e ->
                        e.type() + (e.type().equals("marker") ? ":" + e.data().get("kind") : ""))
                .containsExactly("marker:input_lost", "marker:input_restored", "click");
    }

    @Test
    void aRestartThatFailsLeavesInputLostWithoutARestoredMarker() throws Exception {
        SyntheticInputSource input = new SyntheticInputSource();
        Recording r = record(input);
        input.loseInput("the hook thread ended");
        await().atMost(10, TimeUnit.SECONDS).until(() -> listener.warned(RecorderWarning.Kind.INPUT_LOST));
        input.refuseRestart("still no display");

        assertThatThrownBy(() -> r.restartInput().get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasMessageContaining("still no display");

        assertThat(r.inputLost()).isTrue();
        assertThat(input.restarts()).isEqualTo(1);
        assertThat(listener.warned(RecorderWarning.Kind.INPUT_RESTORED)).isFalse();
        r.stop().get(30, TimeUnit.SECONDS);
        assertThat(events(r.sessionId())).extracting(e -> e.data().get("kind")).containsExactly("input_lost");
        assertThat(warnings(RecorderWarning.Kind.INPUT_LOST)).isEqualTo(1);
    }

    @Test
    void whileInputWorksTheWatchdogWritesNothing() throws Exception {
        SyntheticInputSource input = new SyntheticInputSource();
        Recording r = record(input);
        r.restartInput().get(10, TimeUnit.SECONDS); // nothing lost: nothing to do
        input.click(1, 2, MouseButton.PRIMARY);
        awaitEvents(1);
        r.stop().get(30, TimeUnit.SECONDS);

        assertThat(events(r.sessionId())).extracting(Event::type).containsExactly("click");
        assertThat(input.restarts()).isZero();
        assertThat(listener.warned(RecorderWarning.Kind.INPUT_LOST)).isFalse();
    }
}
