package com.nusomi.recorder.recorder.capture;

import java.awt.AWTException;
import java.awt.Graphics2D;
import java.awt.GraphicsConfiguration;
import java.awt.GraphicsDevice;
import java.awt.GraphicsEnvironment;
import java.awt.Image;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.MultiResolutionImage;
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

    /**
     * The monitors in device pixels, the ones window lookup and input hooks use: Java's bounds times the
     * monitor's scale (they differ where Java scales its UI, {@code sun.java2d.uiScale} or the desktop's scaling).
     */
    @Override
    public List<Rectangle> screens() {
        GraphicsEnvironment env = GraphicsEnvironment.getLocalGraphicsEnvironment();
        if (GraphicsEnvironment.isHeadless()) {
            return List.of();
        }
        GraphicsDevice primary = env.getDefaultScreenDevice();
        List<Rectangle> out = new ArrayList<>();
        out.add(devicePixels(primary.getDefaultConfiguration()));
        for (GraphicsDevice d : env.getScreenDevices()) {
            if (d != primary) {
                out.add(devicePixels(d.getDefaultConfiguration()));
            }
        }
        return out;
    }

    /**
     * Captures the selection at device resolution: where Java scales its UI, the capture is asked for in Java's
     * units and the full-resolution variant kept, so that frames, masks and clicks share one pixel grid.
     */
    @Override
    public synchronized Capture capture(ScreenSelection selection) throws AWTException {
        if (GraphicsEnvironment.isHeadless()) {
            throw new AWTException("no display: AWT runs headless");
        }
        if (robot == null) {
            robot = new Robot();
        }
        Rectangle area = bounds(selection);
        double scale = primaryScale();
        if (scale == 1) {
            return new Capture(robot.createScreenCapture(area), area);
        }
        Rectangle javaArea = new Rectangle(
                (int) Math.floor(area.x / scale),
                (int) Math.floor(area.y / scale),
                (int) Math.ceil(area.width / scale),
                (int) Math.ceil(area.height / scale));
        MultiResolutionImage shot = robot.createMultiResolutionScreenCapture(javaArea);
        Image largest = null;
        for (Image variant : shot.getResolutionVariants()) {
            if (largest == null || variant.getWidth(null) > largest.getWidth(null)) {
                largest = variant;
            }
        }
        return new Capture(toBuffered(largest), area);
    }

    private static Rectangle devicePixels(GraphicsConfiguration gc) {
        Rectangle b = gc.getBounds();
        AffineTransform t = gc.getDefaultTransform();
        double sx = t.getScaleX();
        double sy = t.getScaleY();
        return new Rectangle(
                (int) Math.round(b.x * sx), (int) Math.round(b.y * sy), (int) Math.round(b.width * sx), (int)
                        Math.round(b.height * sy));
    }

    private static double primaryScale() {
        return GraphicsEnvironment.getLocalGraphicsEnvironment()
                .getDefaultScreenDevice()
                .getDefaultConfiguration()
                .getDefaultTransform()
                .getScaleX();
    }

    private static BufferedImage toBuffered(Image image) {
        if (image instanceof BufferedImage b) {
            return b;
        }
        BufferedImage out = new BufferedImage(image.getWidth(null), image.getHeight(null), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return out;
    }
}
