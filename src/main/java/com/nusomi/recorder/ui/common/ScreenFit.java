package com.nusomi.recorder.ui.common;

import com.nusomi.recorder.app.settings.Settings.WindowBounds;
import java.util.List;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;

/**
 * Puts a remembered window place back on the screens there are now: kept where it was if enough of its top strip
 * (where a title bar or a drag handle is) lies on a screen, moved and shrunk to fit inside that screen; none when
 * no screen holds it any more (a monitor unplugged, a smaller display).
 */
public final class ScreenFit {
    /** How much of the window's top strip must lie on a screen for the place to count. */
    private static final double GRIP_WIDTH = 120;

    private static final double GRIP_HEIGHT = 24;

    private ScreenFit() {}

    /** The visual bounds (less task bars and docks) of every screen now. Call on the FX thread. */
    public static List<Rectangle2D> screens() {
        return Screen.getScreens().stream().map(Screen::getVisualBounds).toList();
    }

    /**
     * The saved place, at least {@code minWidth} × {@code minHeight}, fitted onto the screen that holds it; null
     * when nothing usable was saved or no screen holds it.
     */
    public static Rectangle2D fit(WindowBounds saved, double minWidth, double minHeight, List<Rectangle2D> screens) {
        if (saved == null
                || !Double.isFinite(saved.x)
                || !Double.isFinite(saved.y)
                || !Double.isFinite(saved.width)
                || !Double.isFinite(saved.height)
                || saved.width <= 0
                || saved.height <= 0) {
            return null;
        }
        double w = Math.max(minWidth, saved.width);
        double h = Math.max(minHeight, saved.height);
        for (Rectangle2D screen : screens) {
            double overlapW = Math.min(saved.x + w, screen.getMaxX()) - Math.max(saved.x, screen.getMinX());
            double overlapH = Math.min(saved.y + GRIP_HEIGHT, screen.getMaxY()) - Math.max(saved.y, screen.getMinY());
            if (overlapW >= Math.min(GRIP_WIDTH, w) && overlapH >= GRIP_HEIGHT) {
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
