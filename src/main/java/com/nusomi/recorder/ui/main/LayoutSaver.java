package com.nusomi.recorder.ui.main;

import com.nusomi.recorder.app.settings.Settings;
import com.nusomi.recorder.ui.common.Debouncer;
import java.time.Duration;
import javafx.beans.value.ChangeListener;
import javafx.stage.Stage;

/**
 * Writes the layout to the settings file once nothing has moved for {@link #QUIET} (once after a drag, not at every
 * step of it), so that a crash does not lose it: the main window's place, the mini recorder's, the Sessions screen's
 * columns and detail pane. The file is written off the UI thread; a window that is closing is saved as the app quits
 * instead.
 */
public final class LayoutSaver {
    /** How long the window's place and the screens' layout must stay put before they are written to disk. */
    public static final Duration QUIET = Duration.ofSeconds(1);

    private final Debouncer quiet;
    private final Settings settings;
    private final Runnable save;
    private Stage stage;

    /**
     * @param quiet waits for {@link #QUIET}
     * @param save writes the settings (off the UI thread)
     */
    public LayoutSaver(Debouncer quiet, Settings settings, Runnable save) {
        this.quiet = quiet;
        this.settings = settings;
        this.save = save;
    }

    /** The main window, shown: from now on (not for the place it opened at) a move or a resize is a change. */
    void watch(Stage shown) {
        this.stage = shown;
        ChangeListener<Object> moved = (o, before, now) -> changed();
        shown.xProperty().addListener(moved);
        shown.yProperty().addListener(moved);
        shown.widthProperty().addListener(moved);
        shown.heightProperty().addListener(moved);
        shown.maximizedProperty().addListener(moved);
    }

    /** The window's place or a screen's layout changed: saved once it is left alone (while the window shows). */
    public void changed() {
        quiet.trigger(() -> {
            if (stage != null && stage.isShowing()) {
                rememberPlacement();
                save.run();
            }
        });
    }

    /** Keeps the window's place in the settings (done as it closes; call it when the app quits otherwise). */
    public void rememberPlacement() {
        if (stage != null && stage.isShowing()) {
            WindowPlacement.remember(stage, settings);
        }
    }
}
