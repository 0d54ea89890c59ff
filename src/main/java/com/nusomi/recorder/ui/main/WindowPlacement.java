package com.nusomi.recorder.ui.main;

import com.nusomi.recorder.app.settings.Settings;
import com.nusomi.recorder.ui.common.ScreenFit;
import java.util.List;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.event.EventHandler;
import javafx.geometry.Dimension2D;
import javafx.geometry.Rectangle2D;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * The main window opens where it was when the app last closed, at that size and maximised if it was; unless that
 * place is on no screen any more (a monitor unplugged, a smaller display), then it is moved onto the screen it
 * overlaps, or opens centred at its default size. Its place is remembered in the settings as the window closes
 * (the app writes the settings on exit); a maximised or minimised window keeps the normal bounds it had before.
 */
final class WindowPlacement {
    static final double DEFAULT_WIDTH = 1200;
    static final double DEFAULT_HEIGHT = 780;
    static final double LARGEST_DEFAULT_WIDTH = 1600;
    static final double LARGEST_DEFAULT_HEIGHT = 1000;
    /** The share of the screen's free area a first window takes, between the default and the largest sizes. */
    static final double DEFAULT_SHARE = 0.8;

    static final double MIN_WIDTH = 1024;
    static final double MIN_HEIGHT = 700;

    private WindowPlacement() {}

    /**
     * The size the window first opens at, before it has a place of its own: four fifths of the screen's free area,
     * at least 1200×780 and at most 1600×1000, and never larger than that area. A reviewer on a large monitor gets
     * room for the table and the detail pane side by side; a laptop gets a window that fits.
     */
    static Dimension2D defaultSize(Rectangle2D visual) {
        double width = Math.max(DEFAULT_WIDTH, Math.min(LARGEST_DEFAULT_WIDTH, visual.getWidth() * DEFAULT_SHARE));
        double height = Math.max(DEFAULT_HEIGHT, Math.min(LARGEST_DEFAULT_HEIGHT, visual.getHeight() * DEFAULT_SHARE));
        return new Dimension2D(
                Math.round(Math.min(width, visual.getWidth())), Math.round(Math.min(height, visual.getHeight())));
    }

    /**
     * Sets the stage's place and size from the settings, or centres it at its {@link #defaultSize} on {@code screen}
     * (the primary screen's free area) when it has none; before it is shown. Remembers them as it closes.
     */
    static void apply(Stage stage, Settings settings, Rectangle2D screen) {
        stage.setMinWidth(MIN_WIDTH);
        stage.setMinHeight(MIN_HEIGHT);
        Settings.WindowBounds saved = settings.window;
        Rectangle2D restored = restoredBounds(saved, ScreenFit.screens());
        Rectangle2D bounds = restored != null ? restored : defaultBounds(screen);
        place(stage, bounds);
        if (saved != null && saved.maximized) {
            stage.setMaximized(true);
            restoreOnceUnmaximised(stage, bounds);
        }
        placeAgainOnceShown(stage, bounds);
        stage.addEventHandler(WindowEvent.WINDOW_HIDING, e -> remember(stage, settings));
    }

    /** The {@link #defaultSize}, centred on the screen's free area. */
    static Rectangle2D defaultBounds(Rectangle2D screen) {
        Dimension2D size = defaultSize(screen);
        return new Rectangle2D(
                screen.getMinX() + Math.round((screen.getWidth() - size.getWidth()) / 2),
                screen.getMinY() + Math.round((screen.getHeight() - size.getHeight()) / 2),
                size.getWidth(),
                size.getHeight());
    }

    private static void place(Stage stage, Rectangle2D bounds) {
        stage.setX(bounds.getMinX());
        stage.setY(bounds.getMinY());
        stage.setWidth(bounds.getWidth());
        stage.setHeight(bounds.getHeight());
    }

    /**
     * A window that opens maximised has no normal place the window manager knows of: Openbox un-maximised it to the
     * whole screen. The first time it is un-maximised it goes back to the normal place it had when the app closed.
     */
    private static void restoreOnceUnmaximised(Stage stage, Rectangle2D normal) {
        stage.maximizedProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> o, Boolean was, Boolean now) {
                if (!now) {
                    stage.maximizedProperty().removeListener(this);
                    place(stage, normal);
                }
            }
        });
    }

    /**
     * Asks for the place and size again as the window is first shown. Under some window managers JavaFX 21 on Linux
     * does not keep what a stage was given before it was shown (JDK-8316423, fixed in JavaFX 22). Under Openbox the
     * window opened at its minimum size, 1024×700, whatever size was asked for; a bare 1280×800 scene opened at
     * 202×225. It also opened one title bar higher than asked, so a saved place crept up the screen on every start.
     * The same request, made in full once the window is shown, is honoured exactly; the size alone is not (the
     * window then sometimes jumped to 0,0). This runs on the first showing only: a window shown again keeps the
     * place and size the user gave it.
     */
    static void placeAgainOnceShown(Stage stage, Rectangle2D bounds) {
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, new EventHandler<>() {
            @Override
            public void handle(WindowEvent e) {
                stage.removeEventHandler(WindowEvent.WINDOW_SHOWN, this);
                if (!stage.isMaximized() && !stage.isFullScreen()) {
                    place(stage, bounds); // in full, even where the stage reports these values already
                }
            }
        });
    }

    /** Keeps the stage's normal bounds (unless it is maximised or minimised now) and whether it is maximised. */
    static void remember(Stage stage, Settings settings) {
        Settings.WindowBounds last = settings.window;
        if (stage.isIconified() || stage.isMaximized() || stage.isFullScreen()) {
            if (last != null) {
                last.maximized = stage.isMaximized();
            } else if (stage.isMaximized()) {
                settings.window = new Settings.WindowBounds(0, 0, 0, 0, true); // no normal bounds known yet
            }
            return;
        }
        settings.window =
                new Settings.WindowBounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), false);
    }

    /**
     * Where to open the window: the saved bounds (at least the minimum size) fitted onto the screen that holds them
     * ({@link ScreenFit}); null to open at the {@link #defaultBounds default}.
     */
    static Rectangle2D restoredBounds(Settings.WindowBounds saved, List<Rectangle2D> screens) {
        return ScreenFit.fit(saved, MIN_WIDTH, MIN_HEIGHT, screens);
    }
}
