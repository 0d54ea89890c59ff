package com.nusomi.recorder.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.kwhat.jnativehook.mouse.NativeMouseEvent;
import com.nusomi.recorder.app.connection.Connector;
import com.nusomi.recorder.boot.AppContext;
import com.nusomi.recorder.client.SessionsClient;
import com.nusomi.recorder.client.model.Event;
import com.nusomi.recorder.client.model.Session;
import com.nusomi.recorder.client.request.CreateSessionRequest;
import com.nusomi.recorder.recorder.RecorderListener;
import com.nusomi.recorder.recorder.RecorderOptions;
import com.nusomi.recorder.recorder.RecorderService;
import com.nusomi.recorder.recorder.Recording;
import com.nusomi.recorder.recorder.capture.SyntheticScreenSource;
import com.nusomi.recorder.recorder.capture.WindowLocator;
import com.nusomi.recorder.recorder.input.FakeGlobalScreen;
import com.nusomi.recorder.recorder.input.GlobalInputHook;
import com.nusomi.recorder.recorder.input.NativeHookInputSource;
import com.nusomi.recorder.recorder.spool.EntryInfo;
import com.nusomi.recorder.server.ApiServer;
import com.nusomi.recorder.server.ServerConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The global input hook across recorder rebuilds (each connection switch makes a new client, so a new recorder):
 * registered once, every recording's listener fed, unregistered when the app closes. On a fake of jnativehook
 * 2.2.2's GlobalScreen that shuts its dispatcher down as the real one does.
 */
class InputHookLifecycleTest {
    @TempDir
    Path serverDir;

    @TempDir
    Path data;

    private ApiServer server;
    private final List<SessionsClient> clients = new ArrayList<>();
    private final FakeGlobalScreen screen = new FakeGlobalScreen();
    private final GlobalInputHook hook = new GlobalInputHook(screen);
    private final AtomicInteger eventsRecorded = new AtomicInteger();
    private final RecorderListener counting = new RecorderListener() {
        @Override
        public void onRecorded(EntryInfo entry) {
            eventsRecorded.addAndGet(entry.eventIds().size());
        }
    };

    @BeforeEach
    void startServer() {
        server = ApiServer.start(
                ServerConfig.builder().dataDir(serverDir).port(0).build());
    }

    @AfterEach
    void stopServer() {
        hook.close();
        clients.forEach(SessionsClient::close);
        server.close();
    }

    /** A client as a connection switch makes one: a new instance each time. */
    private SessionsClient newClient() {
        SessionsClient c = SessionsClient.builder()
                .baseUrl(server.baseUrl())
                .apiKey(server.adminKey())
                .build();
        clients.add(c);
        return c;
    }

    private RecorderHost host() {
        RecorderHost host = new RecorderHost(
                data,
                () -> new SyntheticScreenSource(80, 60, false),
                () -> new NativeHookInputSource(hook),
                () -> WindowLocator.NONE);
        host.addListener(counting);
        return host;
    }

    private Recording record(RecorderService service, SessionsClient client) {
        Session s = client.sessions()
                .create(CreateSessionRequest.builder("hook_test").start(true).build())
                .execute();
        return service.start(
                s.id(),
                s.startedAt(),
                RecorderOptions.builder()
                        .captureInterval(Duration.ofHours(1))
                        .captureOnClick(false)
                        .eventFlushInterval(Duration.ofMillis(50))
                        .build());
    }

    /** A click through the hook, until the recorder has it in its journal. */
    private void clickAndAwait(int x) {
        int before = eventsRecorded.get();
        assertThat(screen.click(x, 5, NativeMouseEvent.BUTTON1))
                .as("click %d dispatched", x)
                .isTrue();
        await().atMost(10, TimeUnit.SECONDS).until(() -> eventsRecorded.get() > before);
    }

    private List<Integer> clickXs(String sessionId) {
        List<Integer> xs = new ArrayList<>();
        for (Event e : newClient().events().listAll(sessionId)) {
            if (e.type().equals("click")) {
                xs.add(((Number) e.data().get("x")).intValue());
            }
        }
        return xs;
    }

    @Test
    void theHookIsRegisteredOnceAcrossRebuildsAndEveryRecordingGetsClicks() throws Exception {
        try (RecorderHost host = host()) {
            RecorderService previous = null;
            for (int i = 1; i <= 5; i++) {
                SessionsClient client = newClient();
                host.use(client); // a connection switch between recordings: the recorder is rebuilt
                RecorderService service = host.service();
                assertThat(service).as("rebuild %d", i).isNotNull().isNotSameAs(previous);
                previous = service;

                Recording r = record(service, client);
                clickAndAwait(100 + i);
                r.stop().get(30, TimeUnit.SECONDS);

                assertThat(clickXs(r.sessionId())).as("recording %d", i).containsExactly(100 + i);
            }
        }
        assertThat(screen.registerCalls()).isEqualTo(1);
        assertThat(screen.unregisterCalls())
                .as("stops and rebuilds leave the hook alone")
                .isZero();
        assertThat(screen.rejected()).isZero();
        assertThat(screen.listeners()).isZero();
    }

    @Test
    void switchesDuringARecordingKeepItsClicksAndTheNextRecorderGetsThemToo() throws Exception {
        try (RecorderHost host = host()) {
            SessionsClient first = newClient();
            host.use(first);
            RecorderService service = host.service();
            Recording r = record(service, first);
            for (int i = 1; i <= 5; i++) {
                host.use(newClient()); // not while recording: the recorder stays
                clickAndAwait(i);
            }
            assertThat(host.service()).isSameAs(service);
            r.stop().get(30, TimeUnit.SECONDS);
            assertThat(clickXs(r.sessionId())).containsExactly(1, 2, 3, 4, 5);

            SessionsClient after = newClient();
            host.use(after); // the app reconnects once the recording has ended
            assertThat(host.service()).isNotSameAs(service);
            Recording next = record(host.service(), after);
            clickAndAwait(42);
            next.stop().get(30, TimeUnit.SECONDS);
            assertThat(clickXs(next.sessionId())).containsExactly(42);
        }
        assertThat(screen.registerCalls()).isEqualTo(1);
        assertThat(screen.rejected()).isZero();
    }

    @Test
    void theAppRegistersThroughItsHookAndUnregistersItWhenItCloses() throws Exception {
        AppContext context = AppContext.builder()
                .dataDir(data)
                .connector(Connector.remote(server.baseUrl(), server.adminKey()))
                .tasks(new DirectTaskRunner())
                .useKeychain(false)
                .screenSource(() -> new SyntheticScreenSource(80, 60, false))
                .windowLocator(() -> WindowLocator.NONE)
                .inputHook(hook)
                .build();
        try {
            context.recorder().addListener(counting);
            for (int i = 0; i < 3; i++) { // connection switches as Settings makes them
                RecorderService before = context.recorder().service();
                context.connection()
                        .reconnect(Connector.remote(server.baseUrl(), server.adminKey()), "switch")
                        .get(10, TimeUnit.SECONDS);
                await().atMost(10, TimeUnit.SECONDS)
                        .until(() -> context.recorder().service() != null
                                && context.recorder().service() != before);
                Recording r = record(context.recorder().service(), newClient());
                clickAndAwait(200 + i);
                r.stop().get(30, TimeUnit.SECONDS);
                assertThat(clickXs(r.sessionId())).containsExactly(200 + i);
            }
            assertThat(context.recorder().inputSource())
                    .isInstanceOfSatisfying(
                            NativeHookInputSource.class,
                            s -> assertThat(s.hook()).isSameAs(context.inputHook()));
            assertThat(screen.registerCalls()).isEqualTo(1);
            assertThat(screen.unregisterCalls()).isZero();
        } finally {
            context.close();
        }

        assertThat(screen.unregisterCalls()).isEqualTo(1);
        assertThat(screen.isRegistered()).isFalse();
        assertThat(hook.registered()).isFalse();
    }
}
