package com.nusomi.recorder.ui;

import com.nusomi.recorder.app.connection.Connector;
import com.nusomi.recorder.app.settings.Settings;
import com.nusomi.recorder.app.settings.SettingsStore;
import com.nusomi.recorder.boot.AppContext;
import com.nusomi.recorder.boot.Screens;
import com.nusomi.recorder.client.SessionsClient;
import com.nusomi.recorder.recorder.capture.SyntheticScreenSource;
import com.nusomi.recorder.recorder.capture.WindowLocator;
import com.nusomi.recorder.recorder.input.SyntheticInputSource;
import com.nusomi.recorder.server.ApiServer;
import com.nusomi.recorder.server.ServerConfig;
import com.nusomi.recorder.ui.main.MainWindow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A real local server in a temp data folder, a client for the test's own checks, and the app's main window
 * wired to that server and folder (never the user's data folder).
 */
public final class AppFixture implements AutoCloseable, AfterEachCallback {
    public final Path dataDir;
    public ApiServer server;
    public final SessionsClient client;
    public AppContext context;
    public Screens screens;
    public MainWindow window;
    /** The recorder's screen and input: synthetic, so that tests neither need nor capture a real desktop. */
    public final SyntheticScreenSource screen = new SyntheticScreenSource(320, 200, true);

    public final SyntheticInputSource input = new SyntheticInputSource();
    /** The app's clock (the Record screen's timer reads it): the system's until a test freezes it. */
    public final TestClock clock = new TestClock();

    public AppFixture() throws IOException {
        dataDir = Files.createTempDirectory("session-recorder-ui-test");
        server = ApiServer.start(ServerConfig.builder().dataDir(dataDir).port(0).build());
        client = SessionsClient.builder()
                .baseUrl(server.baseUrl())
                .apiKey(server.adminKey())
                .build();
    }

    /**
     * A fixture for one test, as a field: {@code @RegisterExtension final AppFixture app = AppFixture.create();}.
     * JUnit makes one per test and closes it after the test's own {@code @AfterEach} methods have run.
     */
    public static AppFixture create() {
        try {
            return new AppFixture();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        close();
    }

    /** Builds the app on the test's folder and server, shows it on the stage, and connects. */
    // the connection is observed through its state, which the tests await
    @SuppressWarnings("FutureReturnValueIgnored")
    public MainWindow show(Stage stage) {
        context = AppContext.builder()
                .dataDir(dataDir)
                .connector(Connector.remote(server.baseUrl(), server.adminKey()))
                .useKeychain(false)
                .healthPollMillis(2_000)
                .screenSource(() -> screen)
                .inputSource(() -> input)
                .windowLocator(() -> WindowLocator.NONE)
                .clock(clock)
                .build();
        context.settings().captureIntervalSeconds = 0.25;
        screens = new Screens(context);
        window = screens.mainWindow();
        window.show(stage);
        context.connect();
        return window;
    }

    /** The app on a new stage of its own, shown: a new context, which reads the settings the last one wrote. */
    public Stage showOnANewStage() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
                    Stage stage = new Stage();
                    show(stage);
                    return stage;
                })
                .get();
    }

    /** Quits as the app does: the window closes, the settings are written, the context is closed. */
    public void quit(Stage stage) throws Exception {
        WaitForAsyncUtils.asyncFx(stage::hide).get();
        context.settingsStore().saveNow(context.settings());
        closeApp();
    }

    /** Ends as a crash would: the context goes and the window with it, and nothing is written on the way out. */
    public void crash(Stage stage) throws Exception {
        closeApp();
        WaitForAsyncUtils.asyncFx(stage::hide).get();
    }

    /** The settings as the file in the data folder has them now. */
    public Settings settingsOnDisk() {
        return new SettingsStore(dataDir, Runnable::run).load();
    }

    /** Stops the server (as if it crashed) and returns its port. */
    public int stopServer() {
        int port = server.port();
        server.close();
        return port;
    }

    public void restartServer(int port) {
        server = ApiServer.start(
                ServerConfig.builder().dataDir(dataDir).port(port).build());
    }

    /** Closes the screens' registrations, then the context, as the app does when it quits. */
    private void closeApp() {
        // on the FX thread, as App.stop() does: the screens' nodes may change as they let go
        if (Platform.isFxApplicationThread()) {
            screens.close();
        } else {
            WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(screens::close));
        }
        context.close();
        context = null;
    }

    @Override
    public void close() throws IOException {
        if (context != null) {
            closeApp();
        }
        client.close();
        server.close();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
