package com.nusomi.recorder.ui.main;

import com.nusomi.recorder.app.settings.Settings;
import java.util.List;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
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
    static final double MIN_WIDTH = 1024;
    static final double MIN_HEIGHT = 700;
    /** How much of the window's top strip (where its title bar is) must lie on a screen to use the saved place. */
    private static final double GRIP_WIDTH = 120;
    private static final double GRIP_HEIGHT = 24;

    private WindowPlacement() {
    }

    /** Sets the stage's size and place from the settings (before it is shown), and remembers them as it closes. */
    static void apply(Stage stage, Settings settings) {
        stage.setMinWidth(MIN_WIDTH);
        stage.setMinHeight(MIN_HEIGHT);
        Settings.WindowBounds saved = settings.window;
        Rectangle2D bounds = restoredBounds(saved, Screen.getScreens().stream().map(Screen::getVisualBounds).toList());
        if (bounds != null) {
            stage.setX(bounds.getMinX());
            stage.setY(bounds.getMinY());
            stage.setWidth(bounds.getWidth());
            stage.setHeight(bounds.getHeight());
        }
        if (saved != null && saved.maximized) {
            stage.setMaximized(true);
        }
        stage.addEventHandler(WindowEvent.WINDOW_HIDING, e -> remember(stage, settings));
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
     * Where to open the window: the saved bounds (at least the minimum size), moved and shrunk onto the screen that
     * holds enough of its top strip; null to open at the default size wherever the toolkit centres it (nothing
     * saved, nothing usable saved, or no screen holds it any more).
     */
    static Rectangle2D restoredBounds(Settings.WindowBounds saved, List<Rectangle2D> screens) {
        if (saved == null || !Double.isFinite(saved.x) || !Double.isFinite(saved.y)
                || !Double.isFinite(saved.width) || !Double.isFinite(saved.height)
                || saved.width <= 0 || saved.height <= 0) {
            return null;
        }
        double w = Math.max(MIN_WIDTH, saved.width);
        double h = Math.max(MIN_HEIGHT, saved.height);
        for (Rectangle2D screen : screens) {
            double overlapW = Math.min(saved.x + w, screen.getMaxX()) - Math.max(saved.x, screen.getMinX());
            double overlapH = Math.min(saved.y + GRIP_HEIGHT, screen.getMaxY()) - Math.max(saved.y, screen.getMinY());
            if (overlapW >= GRIP_WIDTH && overlapH >= GRIP_HEIGHT) {
                double fitW = Math.min(w, screen.getWidth());
                double fitH = Math.min(h, screen.getHeight());
                double x = Math.max(screen.getMinX(), Math.min(saved.x, screen.getMaxX() - fitW));
                double y = Math.max(screen.getMinY(), Math.min(saved.y, screen.getMaxY() - fitH));
                return new Rectangle2D(x, y, fitW, fitH);
            }
        }
        return null;
    }
}
