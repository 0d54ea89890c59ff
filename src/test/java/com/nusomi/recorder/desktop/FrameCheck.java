package com.nusomi.recorder.desktop;

import com.nusomi.recorder.recorder.capture.FrameEncoder;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Compares a stored (masked, JPEG) frame with an unmasked screenshot of the same moment, pixel by pixel, against
 * where the masks should be: given by the test from the windows' independently read frames and their stacking.
 * The reference is the screenshot with those masks painted, through the same JPEG encoder at the same quality: a
 * frame masked exactly there matches it to within a few levels everywhere, and a mask one pixel off shows along
 * its edge. Masked pixels are judged on their own: any that is not black has leaked, whatever the reference says.
 * Pixels within {@link #EDGE} of a mask's edge are left out of the leak count (JPEG rings an edge).
 */
public final class FrameCheck {
    /** Pixels this close to a mask edge are not judged. */
    public static final int EDGE = 2;
    /** A masked pixel whose brightest channel is above this has leaked. */
    public static final int BLACK = 48;

    /** Where a mask should be: inside one of the masked frames and inside none of the frames above them. */
    public record Expected(List<Rectangle> maskedFrames, List<Rectangle> framesAbove) {
        public boolean masked(int x, int y) {
            for (Rectangle a : framesAbove) {
                if (a.contains(x, y)) {
                    return false;
                }
            }
            for (Rectangle m : maskedFrames) {
                if (m.contains(x, y)) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * The counts of one comparison.
     *
     * @param maskPixels pixels that should be black
     * @param leakedPixels of those, pixels that are not
     * @param frontPixels pixels of the front window (visible, not masked)
     * @param frontRecorded of those, pixels that match the screenshot
     * @param otherPixels every other judged pixel
     * @param otherMismatched of those, pixels that do not match the screenshot
     */
    public record Result(
            long maskPixels,
            long leakedPixels,
            long frontPixels,
            long frontRecorded,
            long otherPixels,
            long otherMismatched) {
        /** Share of the front window's visible pixels that were recorded (1 when there is no front window). */
        public double foregroundFidelity() {
            return frontPixels == 0 ? 1 : (double) frontRecorded / frontPixels;
        }

        @Override
        public String toString() {
            return String.format(
                    "mask %d px (%d leaked), front %d px (fidelity %.4f), other %d px (%d differ)",
                    maskPixels, leakedPixels, frontPixels, foregroundFidelity(), otherPixels, otherMismatched);
        }
    }

    private FrameCheck() {}

    /**
     * Compares {@code stored} pixel by pixel with the reference made from {@code shot} and the expected masks.
     *
     * @param stored the frame as the server returns it
     * @param shot an unmasked screenshot of the same area at the same moment
     * @param area the desktop area both show
     * @param expected where the masks should be
     * @param front the front window's frame (counted for fidelity), or null
     * @param tolerance the largest difference of a channel that still matches the reference
     * @param quality the JPEG quality the recorder used
     */
    public static Result compare(
            BufferedImage stored,
            BufferedImage shot,
            Rectangle area,
            Expected expected,
            Rectangle front,
            int tolerance,
            float quality)
            throws IOException {
        BufferedImage reference = reference(shot, area, expected, quality);
        if (stored.getWidth() != area.width || stored.getHeight() != area.height) {
            throw new AssertionError("stored frame is " + stored.getWidth() + "x" + stored.getHeight() + ", not "
                    + area.width + "x" + area.height);
        }
        long mask = 0;
        long leaked = 0;
        long frontPx = 0;
        long frontOk = 0;
        long other = 0;
        long otherBad = 0;
        for (int y = 0; y < area.height; y++) {
            for (int x = 0; x < area.width; x++) {
                int dx = area.x + x;
                int dy = area.y + y;
                boolean masked = expected.masked(dx, dy);
                int s = stored.getRGB(x, y);
                if (masked) {
                    if (!nearEdge(expected, dx, dy, true)) {
                        mask++;
                        if (brightest(s) > BLACK) {
                            leaked++;
                        }
                    }
                    continue;
                }
                boolean matches = diff(s, reference.getRGB(x, y)) <= tolerance;
                if (front != null && front.contains(dx, dy) && insideBy(front, dx, dy, EDGE)) {
                    frontPx++;
                    if (matches) {
                        frontOk++;
                    }
                } else {
                    other++;
                    if (!matches) {
                        otherBad++;
                    }
                }
            }
        }
        return new Result(mask, leaked, frontPx, frontOk, other, otherBad);
    }

    /** The screenshot with the expected masks painted, encoded and decoded as the recorder does. */
    static BufferedImage reference(BufferedImage shot, Rectangle area, Expected expected, float quality)
            throws IOException {
        BufferedImage rgb = FrameEncoder.toRgb(shot);
        if (rgb == shot) {
            rgb = new BufferedImage(shot.getWidth(), shot.getHeight(), BufferedImage.TYPE_INT_RGB);
            rgb.getGraphics().drawImage(shot, 0, 0, null);
        }
        for (int y = 0; y < area.height; y++) {
            for (int x = 0; x < area.width; x++) {
                if (expected.masked(area.x + x, area.y + y)) {
                    rgb.setRGB(x, y, 0);
                }
            }
        }
        try (FrameEncoder encoder = new FrameEncoder(quality)) {
            return ImageIO.read(new ByteArrayInputStream(encoder.jpeg(rgb)));
        }
    }

    /** Pixels of a colour (each channel within 60 of it) anywhere in the image. */
    public static long count(BufferedImage image, int rgb) {
        long n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (diff(image.getRGB(x, y), rgb) <= 60) {
                    n++;
                }
            }
        }
        return n;
    }

    private static boolean nearEdge(Expected e, int x, int y, boolean masked) {
        for (int d = 1; d <= EDGE; d++) {
            if (e.masked(x - d, y) != masked
                    || e.masked(x + d, y) != masked
                    || e.masked(x, y - d) != masked
                    || e.masked(x, y + d) != masked) {
                return true;
            }
        }
        return false;
    }

    private static boolean insideBy(Rectangle r, int x, int y, int inset) {
        return x >= r.x + inset && y >= r.y + inset && x < r.x + r.width - inset && y < r.y + r.height - inset;
    }

    private static int brightest(int rgb) {
        return Math.max((rgb >> 16) & 0xff, Math.max((rgb >> 8) & 0xff, rgb & 0xff));
    }

    static int diff(int a, int b) {
        int dr = Math.abs(((a >> 16) & 0xff) - ((b >> 16) & 0xff));
        int dg = Math.abs(((a >> 8) & 0xff) - ((b >> 8) & 0xff));
        int db = Math.abs((a & 0xff) - (b & 0xff));
        return Math.max(dr, Math.max(dg, db));
    }
}
