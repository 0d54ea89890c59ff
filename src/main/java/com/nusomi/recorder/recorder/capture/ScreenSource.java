package com.nusomi.recorder.recorder.capture;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Where frames come from: the real screen ({@link ScreenSources#forThisPlatform}: the X server's own pixels, or AWT's
 * {@link RobotScreenSource}) or generated images ({@link SyntheticScreenSource}). Closing frees what a source holds
 * (an X connection); a source used after that opens it again.
 */
public interface ScreenSource extends AutoCloseable {
    /** A captured image and the desktop area it shows (in desktop coordinates, for blacking out windows). */
    record Capture(BufferedImage image, Rectangle bounds) {}

    /** The monitors' bounds in desktop coordinates; index 0 is the primary one. */
    List<Rectangle> screens();

    /**
     * Captures the selected screen (or all of them). The image may be the same object from one capture to the next
     * (the X11 source reuses its own): use it, or copy it, before capturing again.
     */
    Capture capture(ScreenSelection selection) throws Exception;

    @Override
    default void close() {}

    /** The area a selection covers: one monitor's bounds, or the union of all of them. */
    default Rectangle bounds(ScreenSelection selection) {
        List<Rectangle> screens = screens();
        if (screens.isEmpty()) {
            throw new IllegalStateException("no screen");
        }
        if (selection.isAll()) {
            Rectangle union = new Rectangle(screens.get(0));
            screens.forEach(union::add);
            return union;
        }
        if (selection.index() >= screens.size()) {
            throw new IllegalArgumentException(
                    "no screen " + selection.index() + " (there are " + screens.size() + ")");
        }
        return new Rectangle(screens.get(selection.index()));
    }
}
