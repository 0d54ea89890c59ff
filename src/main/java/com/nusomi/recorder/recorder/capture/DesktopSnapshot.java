package com.nusomi.recorder.recorder.capture;

import java.util.List;

/**
 * The visible top-level windows of the desktop at one moment, in stacking order with the topmost first, and the
 * id of the active (focused) window. Minimised, unmapped and cloaked windows are not in it.
 *
 * @param topFirst the visible windows, topmost first
 * @param activeId the active window's {@link DesktopWindow#id()}, or 0 when none or unknown
 */
public record DesktopSnapshot(List<DesktopWindow> topFirst, long activeId) {
    /** A desktop with no window seen. */
    public static final DesktopSnapshot EMPTY = new DesktopSnapshot(List.of(), 0);

    public DesktopSnapshot {
        topFirst = List.copyOf(topFirst);
    }

    /** The active window, or null when none is known. */
    public DesktopWindow active() {
        if (activeId == 0) {
            return null;
        }
        for (DesktopWindow w : topFirst) {
            if (w.id() == activeId) {
                return w;
            }
        }
        return null;
    }

    /** The topmost window whose frame holds the desktop point, or null when none does. */
    public DesktopWindow topmostAt(int x, int y) {
        for (DesktopWindow w : topFirst) {
            if (w.hasFrame() && w.frame().contains(x, y)) {
                return w;
            }
        }
        return null;
    }
}
