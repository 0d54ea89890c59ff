package com.nusomi.recorder.ui.main;

import com.nusomi.recorder.app.settings.Settings;
import com.nusomi.recorder.ui.common.ScreenFit;
import java.util.List;
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

    private WindowPlacement() {
    }

    /**
     * The size the window first opens at, before it has a place of its own: four fifths of the screen's free area,
     * at least 1200×780 and at most 1600×1000, and never larger than that area. A reviewer on a large monitor gets
     * room for the table and the detail pane side by side; a laptop gets a window that fits.
     */
    static Dimension2D defaultSize(Rectangle2D visual) {
        double width = Math.max(DEFAULT_WIDTH, Math.min(LARGEST_DEFAULT_WIDTH, visual.getWidth() * DEFAULT_SHARE));
        double height = Math.max(DEFAULT_HEIGHT, Math.min(LARGEST_DEFAULT_HEIGHT, visual.getHeight() * DEFAULT_SHARE));
        return new Dimension2D(Math.round(Math.min(width, visual.getWidth())),
                Math.round(Math.min(height, visual.getHeight())));
    }

    /**
     * Sets the stage's size and place from the settings, or {@code defaultSize} when it has none (before it is shown),
     * and remembers them as it closes.
     */
    static void apply(Stage stage, Settings settings, Dimension2D defaultSize) {
        stage.setMinWidth(MIN_WIDTH);
        stage.setMinHeight(MIN_HEIGHT);
        Settings.WindowBounds saved = settings.window;
        Rectangle2D bounds = restoredBounds(saved, ScreenFit.screens());
        if (bounds != null) {
            stage.setX(bounds.getMinX());
            stage.setY(bounds.getMinY());
            stage.setWidth(bounds.getWidth());
            stage.setHeight(bounds.getHeight());
        }
        if (saved != null && saved.maximized) {
            stage.setMaximized(true);
            if (bounds != null) {
                restoreOnceUnmaximised(stage, bounds);
            }
        }
        double width = bounds != null ? bounds.getWidth() : defaultSize.getWidth();
        double height = bounds != null ? bounds.getHeight() : defaultSize.getHeight();
        resizeOnceShown(stage, width, height);
        stage.addEventHandler(WindowEvent.WINDOW_HIDING, e -> remember(stage, settings));
    }

    /**
     * A window that opens maximised has no normal place the window manager knows of: Openbox un-maximised it to the
     * whole screen. The first time it is un-maximised it goes back to the normal place it had when the app closed.
     */
    private static void restoreOnceUnmaximised(Stage stage, Rectangle2D normal) {
        stage.maximizedProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was, Boolean now) {
                if (!now) {
                    stage.maximizedProperty().removeListener(this);
                    stage.setX(normal.getMinX());
                    stage.setY(normal.getMinY());
                    stage.setWidth(normal.getWidth());
                    stage.setHeight(normal.getHeight());
                }
            }
        });
    }

    /**
     * Asks for the size again as the window is first shown. JavaFX 21 on Linux opens a stage at its minimum size (or
     * smaller) under some window managers, whatever size it was given before (JDK-8316423, fixed in JavaFX 22; seen
     * here under Openbox: 1024×700 instead of 1280×800, and a plain 1280×800 scene at 202×225). The same request
     * made once the window is shown is honoured. Only the first showing: a window shown again keeps the size the
     * user gave it.
     */
    static void resizeOnceShown(Stage stage, double width, double height) {
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, new javafx.event.EventHandler<>() {
            @Override
            public void handle(WindowEvent e) {
                stage.removeEventHandler(WindowEvent.WINDOW_SHOWN, this);
                // unconditionally: the stage may still report the size asked for while the window has another
                if (!stage.isMaximized() && !stage.isFullScreen()) {
                    stage.setWidth(width);
                    stage.setHeight(height);
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
        settings.window = new Settings.WindowBounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(),
                false);
    }

    /**
     * Where to open the window: the saved bounds (at least the minimum size) fitted onto the screen that holds them
     * ({@link ScreenFit}); null to open at the default size wherever the toolkit centres it.
     */
    static Rectangle2D restoredBounds(Settings.WindowBounds saved, List<Rectangle2D> screens) {
        return ScreenFit.fit(saved, MIN_WIDTH, MIN_HEIGHT, screens);
    }
}
