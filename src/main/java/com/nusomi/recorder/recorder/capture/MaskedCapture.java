package com.nusomi.recorder.recorder.capture;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.function.Supplier;

/**
 * A capture of the screen with the masks of its moment painted: the one path by which a recording and the privacy
 * check take frames. The desktop's windows are read just before and just after the capture and both plans are
 * painted, so a masked window that moves during the capture is covered where it was and where it went. When the
 * windows cannot be read, {@link Masks#planWithoutDesktop} decides (failing closed where privacy patterns are set).
 */
public final class MaskedCapture {
    /**
     * One masked capture.
     *
     * @param rgb the pixels, masks painted (plain RGB, ready to encode)
     * @param bounds the desktop area they show
     * @param plan the plan to report: a black-all one if either moment's was, else the later one
     * @param screenBlack true when the screen itself came back black, before any mask (a capture the platform
     *     refuses, as Wayland does for other applications' windows)
     * @param desktop the windows as read just after the capture, or null when they could not be read
     */
    public record Frame(
            BufferedImage rgb, Rectangle bounds, MaskPlan plan, boolean screenBlack, DesktopSnapshot desktop) {}

    private final ScreenSource screen;
    private final WindowLocator windows;
    private final Masks masks;
    private final Supplier<List<Rectangle>> ownFallback;

    /**
     * @param ownFallback the app's own windows' rectangles, blacked out whole when the desktop cannot be read
     */
    public MaskedCapture(
            ScreenSource screen, WindowLocator windows, Masks masks, Supplier<List<Rectangle>> ownFallback) {
        this.screen = screen;
        this.windows = windows;
        this.masks = masks;
        this.ownFallback = ownFallback;
    }

    public Masks masks() {
        return masks;
    }

    /** Captures the selected screen and paints its masks. */
    public Frame capture(ScreenSelection selection) throws Exception {
        MaskPlan before = plan(read());
        ScreenSource.Capture c = screen.capture(selection);
        Look desktop = read();
        MaskPlan after = plan(desktop);
        BufferedImage rgb = FrameEncoder.toRgb(c.image());
        boolean black = isBlack(rgb);
        before.paint(rgb, c.bounds());
        after.paint(rgb, c.bounds());
        return new Frame(rgb, c.bounds(), before.blackAll() ? before : after, black, desktop.snapshot());
    }

    /** True when every pixel of a grid 8 pixels apart is black (a few thousand reads for 1080p). */
    static boolean isBlack(BufferedImage rgb) {
        for (int y = 0; y < rgb.getHeight(); y += 8) {
            for (int x = 0; x < rgb.getWidth(); x += 8) {
                int p = rgb.getRGB(x, y);
                if (((p >> 16) & 0xff) > 8 || ((p >> 8) & 0xff) > 8 || (p & 0xff) > 8) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The masks of this instant, failing closed when the desktop cannot be read. */
    public MaskPlan plan() {
        return plan(read());
    }

    /** One look at the desktop: its snapshot, or why there is none. */
    private record Look(DesktopSnapshot snapshot, String whyNone) {}

    private Look read() {
        if (!windows.supported()) {
            return new Look(null, windows.describe());
        }
        try {
            return new Look(windows.snapshot(), null);
        } catch (WindowLookupException e) {
            return new Look(null, e.getMessage());
        }
    }

    private MaskPlan plan(Look desktop) {
        return desktop.snapshot() != null
                ? masks.plan(desktop.snapshot())
                : masks.planWithoutDesktop(desktop.whyNone(), ownFallback.get());
    }
}
