package com.nusomi.recorder.recorder.capture.mac;

import com.nusomi.recorder.recorder.capture.DesktopSnapshot;
import com.nusomi.recorder.recorder.capture.DesktopWindow;
import com.nusomi.recorder.recorder.capture.WindowLocator;
import com.nusomi.recorder.recorder.capture.WindowLookupException;
import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Windows on macOS, read from CoreGraphics' window list (see {@link CgWindowList}), front to back. Windows with an
 * alpha of 0 show nothing and are left out. So are other processes' windows at the Dock's level (20) and above:
 * the Dock, the menu bar, status items, pop-up menus and system overlays. The Dock keeps a transparent window over
 * the whole screen at that level; taken for a window above the others it would unmask every private window below
 * it. This process's own windows are kept at any level (our pop-ups are to be masked too).
 *
 * <p>Titles ({@code kCGWindowName}) of other applications' windows are only given to a process with the Screen
 * Recording permission; without it they are null and no privacy pattern matches, but then (macOS 10.15 and later)
 * the system leaves those windows out of our captures too. The active window is taken to be the first window of
 * level 0 in the list, the frontmost normal window: the key window of the active application in nearly every case
 * (NSWorkspace, which knows the active application, is out of JNA's easy reach). It is wrong when the active
 * application has no window on screen, or shows only panels.
 *
 * <p>Bounds are in points, in global display coordinates with the origin at the main display's top-left and y
 * downwards: the space AWT itself uses on macOS for its screen bounds and {@code Robot} areas. On a Retina display
 * a point is 2 x 2 pixels. The frames are left in points rather than multiplied by the main display's scale
 * ({@code CGDisplayPixelsWide} over the width of {@code CGDisplayBounds}): the capture area they are compared with
 * is in points as well, {@code MaskPlan.paint} scales each rectangle to the captured image's pixels, and one scale
 * for the whole desktop would be wrong on a desk mixing Retina and other displays. Fractional bounds are rounded
 * outwards.
 */
public final class MacWindowLocator implements WindowLocator {
    /** {@code kCGDockWindowLevel}: from here up, system furniture rather than applications' windows. */
    static final int DOCK_LAYER = 20;

    private final Supplier<CgWindowList> connector;
    private final long ownPid;
    private CgWindowList windowList;
    private WindowLookupException unavailable;

    /** Loads CoreGraphics and CoreFoundation on the first snapshot. */
    public MacWindowLocator() {
        this(JnaCgWindowList::load, ProcessHandle.current().pid());
    }

    MacWindowLocator(Supplier<CgWindowList> connector, long ownPid) {
        this.connector = connector;
        this.ownPid = ownPid;
    }

    @Override
    public synchronized DesktopSnapshot snapshot() throws WindowLookupException {
        CgWindowList list = windowList();
        try {
            return read(list.onScreenWindows(), ownPid);
        } catch (RuntimeException e) {
            throw new WindowLookupException("cannot read the window list: " + e.getMessage(), e);
        }
    }

    @Override
    public String describe() {
        return "macOS (CoreGraphics window list)";
    }

    @Override
    public synchronized void close() {
        if (windowList != null) {
            windowList.close();
            windowList = null;
        }
    }

    private CgWindowList windowList() throws WindowLookupException {
        if (unavailable != null) {
            throw unavailable; // a library that did not load will not load later
        }
        if (windowList == null) {
            try {
                windowList = connector.get();
            } catch (RuntimeException | LinkageError e) {
                unavailable = new WindowLookupException("CoreGraphics cannot be loaded: " + e.getMessage(), e);
                throw unavailable;
            }
        }
        return windowList;
    }

    static DesktopSnapshot read(List<Map<String, Object>> frontToBack, long ownPid) {
        List<DesktopWindow> topFirst = new ArrayList<>();
        long active = 0;
        for (Map<String, Object> info : frontToBack) {
            Number id = number(info, CgWindowList.NUMBER);
            Number layer = number(info, CgWindowList.LAYER);
            Number alpha = number(info, CgWindowList.ALPHA);
            Number pid = number(info, CgWindowList.OWNER_PID);
            long owner = pid == null ? -1 : pid.longValue();
            int level = layer == null ? 0 : layer.intValue();
            if (id == null || (alpha != null && alpha.doubleValue() <= 0) || (level >= DOCK_LAYER && owner != ownPid)) {
                continue;
            }
            Rectangle frame = frame(info.get(CgWindowList.BOUNDS));
            if (frame != null && frame.isEmpty()) {
                continue;
            }
            String title = info.get(CgWindowList.NAME) instanceof String s && !s.isEmpty() ? s : null;
            topFirst.add(new DesktopWindow(id.longValue(), frame, title, owner));
            if (active == 0 && level == 0) {
                active = id.longValue();
            }
        }
        return new DesktopSnapshot(topFirst, active);
    }

    /**
     * The rectangle of a {@code kCGWindowBounds} dictionary ({@code X}, {@code Y}, {@code Width}, {@code Height}),
     * rounded outwards; null when it is missing or incomplete.
     */
    static Rectangle frame(Object bounds) {
        if (!(bounds instanceof Map<?, ?> b)) {
            return null;
        }
        if (!(b.get("X") instanceof Number x
                && b.get("Y") instanceof Number y
                && b.get("Width") instanceof Number w
                && b.get("Height") instanceof Number h)) {
            return null;
        }
        int left = (int) Math.floor(x.doubleValue());
        int top = (int) Math.floor(y.doubleValue());
        int right = (int) Math.ceil(x.doubleValue() + w.doubleValue());
        int bottom = (int) Math.ceil(y.doubleValue() + h.doubleValue());
        return new Rectangle(left, top, right - left, bottom - top);
    }

    private static Number number(Map<String, Object> info, String key) {
        return info.get(key) instanceof Number n ? n : null;
    }
}
