package com.nusomi.recorder.boot;

import com.nusomi.recorder.app.AppLog;
import com.nusomi.recorder.files.DataFolder;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;

/**
 * Starts the GUI. Not an {@link Application} itself, so that the shaded jar runs with JavaFX on the class path
 * ({@code java -jar session-recorder.jar}).
 */
public final class GuiLauncher {
    private GuiLauncher() {}

    /** Blocks until the last window closes. */
    public static void launch(String... args) {
        installLog(args);
        App.prepareEarly(List.of(args)); // the context and the embedded server start while JavaFX starts
        try {
            Application.launch(App.class, args);
        } catch (RuntimeException | Error e) {
            App.closePrepared(); // JavaFX did not start (no display?): the server started for it stops too
            throw e;
        }
    }

    /**
     * Points the log at the data folder's file. Before anything makes a logger: slf4j-simple reads its configuration
     * once, at its first logger, so this class touches nothing that has one ({@link App} has: its class initialiser
     * alone would leave the whole run's log on standard error and the file empty).
     */
    static void installLog(String... args) {
        AppLog.install(DataFolder.resolve(dataArgument(List.of(args))));
    }

    /** The folder of {@code --data DIR} or {@code --data=DIR}, or null for the default. */
    static Path dataArgument(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--data") && i + 1 < args.size()) {
                return Path.of(args.get(i + 1));
            }
            if (a.startsWith("--data=")) {
                return Path.of(a.substring("--data=".length()));
            }
        }
        return null;
    }
}
