package com.nusomi.recorder.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nusomi.recorder.client.SessionsClient;
import com.nusomi.recorder.client.model.Event;
import com.nusomi.recorder.client.model.Session;
import com.nusomi.recorder.client.request.CreateSessionRequest;
import com.nusomi.recorder.desktop.Tools;
import com.nusomi.recorder.desktop.XDesktop;
import com.nusomi.recorder.desktop.XTerm;
import com.nusomi.recorder.recorder.RecorderListener;
import com.nusomi.recorder.recorder.RecorderOptions;
import com.nusomi.recorder.recorder.Recording;
import com.nusomi.recorder.recorder.capture.SyntheticScreenSource;
import com.nusomi.recorder.recorder.capture.x11.X11WindowLocator;
import com.nusomi.recorder.recorder.input.GlobalInputHook;
import com.nusomi.recorder.recorder.input.NativeHookInputSource;
import com.nusomi.recorder.recorder.spool.EntryInfo;
import com.nusomi.recorder.server.ApiServer;
import com.nusomi.recorder.server.ServerConfig;
import java.awt.Color;
import java.awt.EventQueue;
import java.awt.Frame;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Global input on a real desktop (Xvfb + Openbox, jnativehook, clicks and keys sent by xdotool), through the app's
 * recorder host as the app uses it: the hook outlives connection switches, and input to the recorder's own
 * windows is not recorded as the operator's work.
 */
@Tag("display")
@ExtendWith(XDesktop.class)
class RealInputTest {
    private final List<AutoCloseable> closing = new ArrayList<>();
    private final GlobalInputHook hook = GlobalInputHook.system();

    @AfterEach
    void close() throws Exception {
        for (int i = closing.size() - 1; i >= 0; i--) {
            closing.get(i).close();
        }
        hook.close();
    }

    private SessionsClient server(Path dir) {
        ApiServer s =
                ApiServer.start(ServerConfig.builder().dataDir(dir).port(0).build());
        SessionsClient c = SessionsClient.builder()
                .baseUrl(s.baseUrl())
                .apiKey(s.adminKey())
                .build();
        closing.add(s);
        closing.add(c);
        return c;
    }

    private RecorderHost host(Path data) {
        RecorderHost host = new RecorderHost(
                data,
                () -> new SyntheticScreenSource(80, 60, false),
                () -> new NativeHookInputSource(hook),
                X11WindowLocator::new);
        closing.add(host);
        return host;
    }

    private static RecorderOptions options() {
        return RecorderOptions.builder()
                .captureInterval(Duration.ofHours(1))
                .captureOnClick(false)
                .keyFlushInterval(Duration.ofMillis(200))
                .eventFlushInterval(Duration.ofMillis(100))
                .build();
    }

    /** Waits until the window manager has given the focus to the window of this title (a click asks it to). */
    private static void activeIs(String title) {
        try (X11WindowLocator x = new X11WindowLocator()) {
            await("focus on " + title).atMost(10, TimeUnit.SECONDS).until(() -> {
                var active = x.snapshot().active();
                return active != null && title.equals(active.title());
            });
        }
    }

    private static List<Event> events(SessionsClient client, String id) {
        List<Event> out = new ArrayList<>();
        client.events().listAll(id).forEach(out::add);
        return out;
    }

    @Test
    void clicksArriveAfterEachOfFiveConnectionSwitchesDuringARecordingAndAfterIt(
            @TempDir Path a, @TempDir Path b, @TempDir Path data) throws Exception {
        SessionsClient embedded = server(a);
        SessionsClient other = server(b);
        RecorderHost host = host(data);
        List<EntryInfo> recorded = new CopyOnWriteArrayList<>();
        host.addListener(new RecorderListener() {
            @Override
            public void onRecorded(EntryInfo entry) {
                recorded.add(entry);
            }
        });
        host.use(embedded);
        Session s = embedded.sessions()
                .create(CreateSessionRequest.builder("switching").start(true).build())
                .execute();
        Recording r = host.service().start(s.id(), s.startedAt(), options());
        for (int i = 1; i <= 5; i++) {
            host.use(i % 2 == 1 ? other : embedded); // what a saved connection setting does
            int x = 200 + i;
            int before = recorded.size();
            Tools.xdotool("mousemove", String.valueOf(x), "300", "click", "1");
            await("click after switch " + i).atMost(10, TimeUnit.SECONDS).until(() -> recorded.size() > before);
        }
        r.stop().get(30, TimeUnit.SECONDS);
        assertThat(events(embedded, s.id()))
                .filteredOn(e -> e.type().equals("click"))
                .extracting(e -> e.data().get("x"))
                .containsExactly(201, 202, 203, 204, 205);

        // and the recordings after it, each on the connection switched to
        for (int i = 1; i <= 5; i++) {
            SessionsClient target = i % 2 == 1 ? other : embedded;
            host.use(target);
            await().atMost(10, TimeUnit.SECONDS).until(() -> host.service() != null);
            Session next = target.sessions()
                    .create(CreateSessionRequest.builder("after_switch")
                            .start(true)
                            .build())
                    .execute();
            Recording rec = host.service().start(next.id(), next.startedAt(), options());
            int before = recorded.size();
            Tools.xdotool("mousemove", String.valueOf(400 + i), "300", "click", "1");
            await("click on recording " + i).atMost(10, TimeUnit.SECONDS).until(() -> recorded.size() > before);
            rec.stop().get(30, TimeUnit.SECONDS);
            int x = 400 + i;
            assertThat(events(target, next.id()))
                    .as("recording %d", i)
                    .anySatisfy(e -> assertThat(e.data()).containsEntry("x", x));
        }
        assertThat(hook.failure()).isNull();
    }

    @Test
    void clicksAndKeysInTheRecordersOwnWindowAreNotRecordedAsWork(@TempDir Path a, @TempDir Path data)
            throws Exception {
        SessionsClient client = server(a);
        RecorderHost host = host(data);
        host.use(client);
        await().atMost(10, TimeUnit.SECONDS).until(() -> host.service() != null);
        Frame[] own = new Frame[1];
        EventQueue.invokeAndWait(() -> {
            own[0] = new Frame("Session Recorder (test)");
            own[0].setBackground(Color.BLUE);
            own[0].setBounds(100, 100, 400, 300);
            own[0].setVisible(true);
        });
        closing.add(() -> EventQueue.invokeAndWait(own[0]::dispose));
        XTerm other = XTerm.open("Other window", "#ffff00", 700, 600, 400, 200);
        closing.add(other);
        XTerm work = XTerm.open("Work window", "#00ff00", 700, 200, 400, 300);
        closing.add(work);
        Tools.xdotool("search", "--sync", "--name", "^Session Recorder \\(test\\)$");

        work.raise();
        activeIs("Work window"); // where the operator is when the recording starts
        Session s = client.sessions()
                .create(CreateSessionRequest.builder("own_input").start(true).build())
                .execute();
        Recording r = host.service().start(s.id(), s.startedAt(), options());
        r.captureNow().get(10, TimeUnit.SECONDS); // the first look at the desktop, before anything moves
        Tools.xdotool("mousemove", "300", "250", "click", "1");
        activeIs("Session Recorder (test)");
        Tools.xdotool("type", "--delay", "20", "notwork");
        Tools.xdotool("mousemove", "900", "350", "click", "1");
        activeIs("Work window");
        Tools.xdotool("type", "--delay", "20", "work");
        Tools.xdotool("mousemove", "900", "750", "click", "1");
        activeIs("Other window");
        r.captureNow().get(10, TimeUnit.SECONDS); // a frame looks at the desktop, as every second
        r.stop().get(30, TimeUnit.SECONDS);

        List<Event> events = events(client, s.id());
        assertThat(events)
                .filteredOn(e -> e.type().equals("click"))
                .extracting(e -> e.data().get("window"))
                .as("clicks in the work windows only")
                .containsExactly("Work window", "Other window");
        assertThat(events)
                .filteredOn(e -> e.type().equals("click"))
                .first()
                .satisfies(e -> assertThat(e.data()).containsEntry("x", 900).containsEntry("y", 350));
        // the recording began in the work window; the recorder's own focus is no change; the other window is
        assertThat(events)
                .filteredOn(e -> e.type().equals("window_focus"))
                .extracting(e -> e.data().get("window"))
                .as("%s", events)
                .containsExactly("Other window");
        int keys = events.stream()
                .filter(e -> e.type().equals("key"))
                .mapToInt(e -> ((Number) e.data().get("keys")).intValue())
                .sum();
        assertThat(keys)
                .as("only the 4 keys typed into the work window: %s", events)
                .isEqualTo(4);
    }
}
