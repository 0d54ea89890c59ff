package com.nusomi.recorder.recorder.capture;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * What to black out of one capture, in desktop pixels: the visible parts of the masked windows as disjoint
 * rectangles, or the whole frame when a mask could not be placed ({@link #blackAll()}, failing closed:
 * {@link #reason()} says why).
 *
 * @param rectangles the desktop region to paint black, as disjoint rectangles
 * @param blackAll true when the whole capture must be black
 * @param reason why the whole capture is black, else null
 * @param privateWindows how many windows matched a privacy pattern (visible or not)
 */
public record MaskPlan(List<Rectangle> rectangles, boolean blackAll, String reason, int privateWindows) {
    public MaskPlan {
        rectangles = rectangles.stream().map(Rectangle::new).toList();
    }

    /** Nothing to mask. */
    public static MaskPlan none() {
        return new MaskPlan(List.of(), false, null, 0);
    }

    /** Everything black, for the reason given. */
    public static MaskPlan everything(String reason, int privateWindows) {
        return new MaskPlan(List.of(), true, reason, privateWindows);
    }

    /** How many desktop pixels the plan blacks out within {@code captured} (all of them when black-all). */
    public long maskedPixels(Rectangle captured) {
        if (blackAll) {
            return (long) captured.width * captured.height;
        }
        long n = 0;
        for (Rectangle r : rectangles) {
            Rectangle in = r.intersection(captured);
            if (!in.isEmpty()) {
                n += (long) in.width * in.height;
            }
        }
        return n;
    }

    /**
     * Paints the plan onto a capture of the desktop area {@code captured}. The image may hold more or fewer pixels
     * than the area has desktop pixels (a scaled capture): each rectangle is then scaled with its edges rounded
     * outwards, so no partly covered pixel stays unmasked.
     */
    public void paint(BufferedImage image, Rectangle captured) {
        if (!blackAll && rectangles.isEmpty()) {
            return;
        }
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.BLACK);
            if (blackAll) {
                g.fillRect(0, 0, image.getWidth(), image.getHeight());
                return;
            }
            double sx = (double) image.getWidth() / captured.width;
            double sy = (double) image.getHeight() / captured.height;
            for (Rectangle r : rectangles) {
                int x0 = (int) Math.floor((r.x - captured.x) * sx);
                int y0 = (int) Math.floor((r.y - captured.y) * sy);
                int x1 = (int) Math.ceil((r.x + r.width - captured.x) * sx);
                int y1 = (int) Math.ceil((r.y + r.height - captured.y) * sy);
                g.fillRect(x0, y0, x1 - x0, y1 - y0);
            }
        } finally {
            g.dispose();
        }
    }
}
