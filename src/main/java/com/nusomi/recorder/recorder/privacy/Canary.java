package com.nusomi.recorder.recorder.privacy;

import java.awt.Rectangle;

/**
 * One canary window of the privacy check: its title, its colour and where it is asked to stand (the window manager
 * adds its decorations around it).
 */
public record Canary(String title, int rgb, Rectangle bounds) {
    /** The colour of a window that must be masked (a privacy match, or one of the recorder's own). */
    public static final int MASKED = 0xff00ff;
    /** The colour of the recorder's own canary. */
    public static final int OWN = 0x0000ff;
    /** The colour of the ordinary window in front, which must be recorded. */
    public static final int FRONT = 0x00ff00;

    /** As an argument of {@link CanaryWindows}: {@code rgb,x,y,w,h,title}. */
    public String spec() {
        return String.format("%06x,%d,%d,%d,%d,%s", rgb, bounds.x, bounds.y, bounds.width, bounds.height, title);
    }

    static Canary parse(String spec) {
        String[] p = spec.split(",", 6);
        if (p.length != 6) {
            throw new IllegalArgumentException("not a canary: " + spec);
        }
        return new Canary(
                p[5],
                Integer.parseInt(p[0], 16),
                new Rectangle(
                        Integer.parseInt(p[1]),
                        Integer.parseInt(p[2]),
                        Integer.parseInt(p[3]),
                        Integer.parseInt(p[4])));
    }
}
