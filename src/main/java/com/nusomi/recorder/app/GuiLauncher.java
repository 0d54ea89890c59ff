package com.nusomi.recorder.app;

import javafx.application.Application;

/**
 * Starts the GUI. Not an {@link Application} itself, so that the shaded jar runs with JavaFX on the class path
 * ({@code java -jar session-recorder.jar}).
 */
public final class GuiLauncher {
    private GuiLauncher() {
    }

    /** Blocks until the last window closes. */
    public static void launch(String... args) {
        Application.launch(App.class, args);
    }
}
