package com.nusomi.recorder.recorder.capture;

import java.awt.Rectangle;

/**
 * One top-level window as it stands on the desktop at one moment.
 *
 * @param id the platform's id of the application's window (X11 client window, Win32 HWND, CGWindowID)
 * @param frame its on-screen bounds in desktop pixels, decorations and title bar included; null when they could not
 *     be read (a mask then fails closed)
 * @param title its title, or null when it has none or it could not be read
 * @param pid the id of the process that owns it, or -1 when unknown
 */
public record DesktopWindow(long id, Rectangle frame, String title, long pid) {
    public DesktopWindow {
        frame = frame == null ? null : new Rectangle(frame);
    }

    /** True when its on-screen bounds are known. */
    public boolean hasFrame() {
        return frame != null;
    }

    @Override
    public Rectangle frame() {
        return frame == null ? null : new Rectangle(frame);
    }
}
