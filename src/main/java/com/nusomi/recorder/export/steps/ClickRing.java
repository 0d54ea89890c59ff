package com.nusomi.recorder.export.steps;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;

/** The ring a guide or a video draws where a click landed: red, outlined in white so it shows on any picture. */
public final class ClickRing {
    /** The ring's colour. */
    public static final Color COLOR = new Color(0xE5, 0x1A, 0x1A);

    /** The radius of the ring's centre line, in pixels of the picture it is drawn on (at scale 1). */
    public static final int RADIUS = 22;

    /** The width of the red line (at scale 1). */
    public static final int WIDTH = 5;

    private ClickRing() {}

    /** Draws the ring centred on {@code x}, {@code y}, {@code scale} times its usual size. */
    public static void draw(Graphics2D g, double x, double y, double scale) {
        Object aa = g.getRenderingHint(RenderingHints.KEY_ANTIALIASING);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        double r = RADIUS * scale;
        double w = WIDTH * scale;
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke((float) (w + 4 * scale)));
        g.draw(new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r));
        g.setColor(COLOR);
        g.setStroke(new BasicStroke((float) w));
        g.draw(new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r));
        g.fill(new Ellipse2D.Double(x - 2 * scale, y - 2 * scale, 4 * scale, 4 * scale));
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, aa);
    }
}
