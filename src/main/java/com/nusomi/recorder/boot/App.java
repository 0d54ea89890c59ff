package com.nusomi.recorder.boot;

import com.nusomi.recorder.app.support.StartupTrace;
import com.nusomi.recorder.files.DataFolder;
import com.nusomi.recorder.ui.main.MainWindow;
import com.nusomi.recorder.ui.main.ThemeSupport;
import javafx.application.Application;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JavaFX application: builds the {@link AppContext} from the environment ({@code --data DIR} or
 * {@code SESSION_RECORDER_DATA} for the data folder) and connects in the background, then the {@link Screens}, and
 * shows the main window at once. {@link #stop()} closes the screens' registrations, then the client, the embedded
 * server and the executor.
 */
public final class App extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(App.class);

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
        context = AppContext.builder()
                .dataDir(DataFolder.resolve(
                        GuiLauncher.dataArgument(getParameters().getRaw())))
                .environment(System.getenv())
                .build();
        StartupTrace.mark("context built");
        context.connect().exceptionally(e -> {
            LOG.warn("Connecting failed", e);
            return null;
        });
        StartupTrace.mark("init done");
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
