package com.nusomi.recorder.recorder.capture;

import com.nusomi.recorder.recorder.capture.mac.MacWindowLocator;
import com.nusomi.recorder.recorder.capture.win.Win32WindowLocator;
import com.nusomi.recorder.recorder.capture.x11.X11WindowLocator;
import java.util.Locale;

/** Picks the window locator of the platform this runs on. */
public final class WindowLocators {
    private WindowLocators() {}

    /**
     * Win32 on Windows, CoreGraphics on macOS, X11 elsewhere where a {@code DISPLAY} is named (under Wayland that is
     * XWayland, which sees only X11 windows); nothing otherwise. No native library is loaded and nothing is
     * connected until the first snapshot.
     */
    public static WindowLocator forThisPlatform() {
        return forOs(System.getProperty("os.name", ""), X11WindowLocator.displayNamed());
    }

    static WindowLocator forOs(String osName, boolean displayNamed) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("mac")) {
            return new MacWindowLocator();
        }
        if (os.contains("win")) {
            return new Win32WindowLocator();
        }
        if (displayNamed) {
            return new X11WindowLocator();
        }
        return WindowLocator.NONE;
    }
}
