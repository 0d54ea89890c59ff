package com.nusomi.recorder.recorder.capture;

import java.awt.Rectangle;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds windows on the desktop: the rectangles of windows whose title matches a pattern (to black them out for
 * privacy) and the title of the active window (for click events). Java alone cannot see other applications'
 * windows; on X11 that needs tools such as {@code xdotool} or {@code wmctrl}, on Windows and macOS native calls.
 * {@link #NONE} is the default: it finds nothing, so title-based privacy blackouts are not applied and click
 * events carry no window title until a real implementation is plugged in.
 */
public interface WindowLocator {
    WindowLocator NONE = new WindowLocator() {
        @Override
        public List<Rectangle> windowsMatching(Pattern titlePattern) {
            return List.of();
        }

        @Override
        public String activeWindowTitle() {
            return null;
        }
    };

    /** Rectangles (desktop coordinates) of visible windows whose title matches. */
    List<Rectangle> windowsMatching(Pattern titlePattern);

    /** The active window's title, or null when unknown. */
    String activeWindowTitle();
}
