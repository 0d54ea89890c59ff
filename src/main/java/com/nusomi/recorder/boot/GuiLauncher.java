package com.nusomi.recorder.boot;

import com.nusomi.recorder.app.AppLog;
import com.nusomi.recorder.files.DataFolder;
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
        AppLog.install(DataFolder.resolve(App.dataArgument(List.of(args))));
        Application.launch(App.class, args);
    }
}
