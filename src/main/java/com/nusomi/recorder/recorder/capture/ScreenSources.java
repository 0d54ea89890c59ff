package com.nusomi.recorder.recorder.capture;

import com.nusomi.recorder.recorder.capture.x11.X11WindowLocator;
import com.nusomi.recorder.recorder.capture.x11.XcbScreenSource;
import java.util.Locale;

/** Picks the screen source of the platform this runs on. */
public final class ScreenSources {
    private ScreenSources() {}

    /** {@code -Drecorder.capture=robot}: AWT's {@code Robot} everywhere (to compare, or should a server misbehave). */
    static final String CHOICE = "recorder.capture";

    /**
     * The X server's own pixels where a {@code DISPLAY} is named off Windows and macOS (AWT's {@code Robot} if they
     * cannot be read there); AWT's {@code Robot} elsewhere, or with {@code -Drecorder.capture=robot}. Nothing is
     * connected until the first capture.
     */
    public static ScreenSource forThisPlatform() {
        return forOs(System.getProperty("os.name", ""), X11WindowLocator.displayNamed(), System.getProperty(CHOICE));
    }

    static ScreenSource forOs(String osName, boolean displayNamed, String choice) {
        String os = osName.toLowerCase(Locale.ROOT);
        RobotScreenSource robot = new RobotScreenSource();
        if (os.contains("mac") || os.contains("win") || !displayNamed || "robot".equals(choice)) {
            return robot;
        }
        return new XcbScreenSource(robot);
    }
}
