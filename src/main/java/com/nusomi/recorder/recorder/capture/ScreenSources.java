package com.nusomi.recorder.recorder.capture;

import com.nusomi.recorder.recorder.capture.x11.X11WindowLocator;
import com.nusomi.recorder.recorder.capture.x11.XcbScreenSource;
import java.util.Locale;

/** Picks the screen source of the platform this runs on. */
public final class ScreenSources {
    private ScreenSources() {}

    /**
     * The X server's own pixels where a {@code DISPLAY} is named off Windows and macOS (AWT's {@code Robot} if they
     * cannot be read there); AWT's {@code Robot} elsewhere. Nothing is connected until the first capture.
     */
    public static ScreenSource forThisPlatform() {
        return forOs(System.getProperty("os.name", ""), X11WindowLocator.displayNamed());
    }

    static ScreenSource forOs(String osName, boolean displayNamed) {
        String os = osName.toLowerCase(Locale.ROOT);
        RobotScreenSource robot = new RobotScreenSource();
        if (os.contains("mac") || os.contains("win") || !displayNamed) {
            return robot;
        }
        return new XcbScreenSource(robot);
    }
}
