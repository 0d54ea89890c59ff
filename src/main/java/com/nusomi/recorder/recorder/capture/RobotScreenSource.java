package com.nusomi.recorder.recorder.capture;

import java.awt.AWTException;
import java.awt.GraphicsDevice;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.Robot;
import java.util.ArrayList;
import java.util.List;

/**
 * Captures the real screen with AWT's {@link Robot} (about 5 ms for 1080p, ten times faster than JavaFX's).
 * Monitors come from {@link GraphicsEnvironment}, the default screen first. Fails (on capture) where there is no
 * display or AWT runs headless.
 */
public final class RobotScreenSource implements ScreenSource {
    private static final String GTK_VERSION = "jdk.gtk.version";

    private Robot robot;

    public RobotScreenSource() {
        preferGtk3();
    }

    /**
     * Asks AWT for GTK 3 unless a version was chosen already. Call before AWT's toolkit first loads GTK (the
     * first window or {@code Robot}); later it changes nothing. JDK 17's AWT on its own loads GTK 2, whose
     * capture path leaves X events queued for good (about 30 KiB of native memory per 1080p capture) and takes
     * twice as long as GTK 3's. In the app JavaFX's glass has already asked for GTK 3, which AWT must match in
     * one process anyway; this makes every other process (benchmarks, tools) capture the same way.
     */
    public static void preferGtk3() {
        if (System.getProperty(GTK_VERSION) == null) {
            System.setProperty(GTK_VERSION, "3");
        }
    }

    @Override
    public List<Rectangle> screens() {
        GraphicsEnvironment env = GraphicsEnvironment.getLocalGraphicsEnvironment();
        if (GraphicsEnvironment.isHeadless()) {
            return List.of();
        }
        GraphicsDevice primary = env.getDefaultScreenDevice();
        List<Rectangle> out = new ArrayList<>();
        out.add(primary.getDefaultConfiguration().getBounds());
        for (GraphicsDevice d : env.getScreenDevices()) {
            if (d != primary) {
                out.add(d.getDefaultConfiguration().getBounds());
            }
        }
        return out;
    }

    @Override
    public synchronized Capture capture(ScreenSelection selection) throws AWTException {
        if (GraphicsEnvironment.isHeadless()) {
            throw new AWTException("no display: AWT runs headless");
        }
        if (robot == null) {
            robot = new Robot();
        }
        Rectangle area = bounds(selection);
        return new Capture(robot.createScreenCapture(area), area);
    }
}
