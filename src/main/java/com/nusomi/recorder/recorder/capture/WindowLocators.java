package com.nusomi.recorder.recorder.capture;

import com.nusomi.recorder.recorder.capture.x11.X11WindowLocator;
import java.util.Locale;

/** Picks the window locator of the platform this runs on. */
public final class WindowLocators {
    private WindowLocators() {
    }

    /**
     * X11 where a {@code DISPLAY} is named (under Wayland that is XWayland, which sees only X11 windows); nothing
     * elsewhere. Nothing is connected until the first snapshot.
     */
    public static WindowLocator forThisPlatform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (!os.contains("win") && !os.contains("mac") && X11WindowLocator.displayNamed()) {
            return new X11WindowLocator();
        }
        return WindowLocator.NONE;
    }
}
