package com.nusomi.recorder.boot;

import com.nusomi.recorder.app.support.NativeHeap;
import com.nusomi.recorder.app.support.StartupTrace;
import com.nusomi.recorder.files.DataFolder;
import com.nusomi.recorder.ui.main.MainWindow;
import com.nusomi.recorder.ui.main.ThemeSupport;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JavaFX application: builds the {@link AppContext} from the environment ({@code --data DIR} or
 * {@code SESSION_RECORDER_DATA} for the data folder) and connects in the background, then the {@link Screens}, and
 * shows the main window at once. {@link #stop()} closes the screens' registrations, then the client, the embedded
 * server and the executor. A long-running desktop process: its native heap is trimmed every minute ({@link
 * NativeHeap}).
 */
public final class App extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(App.class);

    /** The context {@link GuiLauncher} prepared before launching JavaFX, until {@link #init} takes it. */
    private static final AtomicReference<CompletableFuture<AppContext>> PREPARED = new AtomicReference<>();

    private AppContext context;
    private Screens screens;
    private MainWindow window;

    /**
     * Runs on the launcher thread before {@link #start}: reads the settings and starts connecting (the embedded
     * server's start-up) in the background, so that it overlaps with building and showing the window.
     */
    @Override
    public void init() {
        StartupTrace.mark("init");
        CompletableFuture<AppContext> prepared = PREPARED.getAndSet(null);
        if (prepared == null) {
            context = prepare(getParameters().getRaw());
            return;
        }
        try {
            context = prepared.join();
        } catch (CompletionException e) {
            // fails as building it here would have (a data folder that cannot be used, say)
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    /**
     * Builds the context and starts connecting (the embedded server's start-up) in the background. {@link
     * GuiLauncher} calls it before JavaFX is launched, so that the server starts while the toolkit starts; {@link
     * #init} takes that context, or calls it itself when the app was launched otherwise.
     */
    static AppContext prepare(List<String> args) {
        AppContext context = AppContext.builder()
                .dataDir(DataFolder.resolve(GuiLauncher.dataArgument(args)))
                .environment(System.getenv())
                .build();
        StartupTrace.mark("context built");
        context.connect().exceptionally(e -> {
            LOG.warn("Connecting failed", e);
            return null;
        });
        StartupTrace.mark("connecting");
        NativeHeap.keepTrimmed(context.executor().scheduler());
        return context;
    }

    /**
     * Prepares the context for the next {@link #init} on a thread of its own, while JavaFX starts (the launcher
     * calls it just before it launches JavaFX).
     */
    static void prepareEarly(List<String> args) {
        CompletableFuture<AppContext> future = new CompletableFuture<>();
        PREPARED.set(future);
        Thread t = new Thread(
                () -> {
                    try {
                        future.complete(prepare(args));
                    } catch (RuntimeException | Error e) {
                        future.completeExceptionally(e);
                    }
                },
                "app-prepare");
        t.setDaemon(true);
        t.start();
    }

    /** Closes a context prepared for an {@link #init} that will not come (JavaFX failed to start). */
    static void closePrepared() {
        CompletableFuture<AppContext> prepared = PREPARED.getAndSet(null);
        if (prepared != null) {
            try {
                prepared.join().close(); // waits for a start still under way
            } catch (CompletionException e) {
                // building it failed: there is nothing to close
            }
        }
    }

    @Override
    public void start(Stage stage) {
        StartupTrace.mark("start");
        ThemeSupport.applyUserAgent(ThemeSupport.isDark(context.settings().theme, System.getenv()));
        StartupTrace.mark("theme set");
        screens = new Screens(context);
        window = screens.mainWindow();
        StartupTrace.mark("MainWindow built");
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> StartupTrace.mark("shown"));
        window.show(stage);
        StartupProbe.attachIfAsked(stage, window.recordViewModel());
    }

    @Override
    public void stop() {
        if (window != null) {
            window.rememberPlacement(); // a quit that did not close the window first (Platform.exit)
        }
        if (screens != null) {
            screens.close();
        }
        if (context != null) {
            try {
                context.settingsStore().saveNow(context.settings());
            } catch (Exception e) {
                // the last write went through the executor already; nothing more to do
            }
            context.close();
        }
    }
}
