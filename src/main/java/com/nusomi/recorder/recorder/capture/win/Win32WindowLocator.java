package com.nusomi.recorder.recorder.capture.win;

import com.nusomi.recorder.recorder.capture.DesktopSnapshot;
import com.nusomi.recorder.recorder.capture.DesktopWindow;
import com.nusomi.recorder.recorder.capture.WindowLocator;
import com.nusomi.recorder.recorder.capture.WindowLookupException;
import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Windows on Windows, read through user32 and DWM (see {@link Win32Api}). {@code EnumWindows} lists the top-level
 * windows topmost first; invisible, minimised, cloaked (another virtual desktop, a suspended store app) and empty
 * ones are left out, and so are click-through overlays ({@code WS_EX_LAYERED | WS_EX_TRANSPARENT}, such as a
 * graphics driver's full-screen overlay): what they draw is mostly transparent, and counting them as windows above
 * would unmask every private window below. The frame is DWM's extended frame bounds, the window as drawn
 * ({@code GetWindowRect} adds the invisible resize borders of Windows 10 and later), else {@code GetWindowRect},
 * else unknown. Titles come from {@code GetWindowTextW}; this process's own windows are read with
 * {@code InternalGetWindowText}, which sends no {@code WM_GETTEXT} to their UI thread (a thread that waits for the
 * capture thread would otherwise deadlock with it).
 *
 * <p>Coordinates are physical pixels of the virtual screen only for a per-monitor DPI aware caller. For an unaware
 * one, {@code GetWindowRect} answers scaled (virtualised) values for windows on scaled monitors while the extended
 * frame bounds are never scaled, so the two would not even agree; a system-aware caller gets scaled values on
 * monitors whose scale differs from the primary's. Each snapshot therefore sets its own thread to
 * {@code PER_MONITOR_AWARE_V2} (else {@code PER_MONITOR_AWARE}) with {@code SetThreadDpiAwarenessContext} and puts
 * the previous context back at once. That is safe: it touches only the calling thread, and only windows created and
 * values answered meanwhile, and the snapshot creates no window and dispatches no message. The process-wide
 * {@code SetProcessDpiAwarenessContext} is not used: it can be set once, before the first window, and the toolkits
 * set it. Before Windows 10 1607 the call does not exist and the process's own awareness applies. Note that AWT
 * works in scaled user space: at 150 % its screen bounds and {@code Robot} areas are not physical pixels, so a
 * capture there must convert these frames (to be checked on Windows; not testable here).
 */
public final class Win32WindowLocator implements WindowLocator {
    private static final int WS_EX_TRANSPARENT = 0x0000_0020;
    private static final int WS_EX_LAYERED = 0x0008_0000;

    private final Supplier<Win32Api> connector;
    private final long ownPid;
    private Win32Api api;
    private WindowLookupException unavailable;

    /** Loads user32 and dwmapi on the first snapshot. */
    public Win32WindowLocator() {
        this(JnaWin32Api::load, ProcessHandle.current().pid());
    }

    Win32WindowLocator(Supplier<Win32Api> connector, long ownPid) {
        this.connector = connector;
        this.ownPid = ownPid;
    }

    @Override
    public synchronized DesktopSnapshot snapshot() throws WindowLookupException {
        Win32Api w = api();
        try {
            long previous = w.enterPerMonitorAwareness();
            try {
                return read(w, ownPid);
            } finally {
                w.restoreAwareness(previous);
            }
        } catch (RuntimeException e) {
            throw new WindowLookupException("cannot read the windows: " + e.getMessage(), e);
        }
    }

    @Override
    public String describe() {
        return "Win32 (user32, DWM)";
    }

    private Win32Api api() throws WindowLookupException {
        if (unavailable != null) {
            throw unavailable; // a library that did not load will not load later
        }
        if (api == null) {
            try {
                api = connector.get();
            } catch (RuntimeException | LinkageError e) {
                unavailable = new WindowLookupException("user32 or dwmapi cannot be loaded: " + e.getMessage(), e);
                throw unavailable;
            }
        }
        return api;
    }

    static DesktopSnapshot read(Win32Api w, long ownPid) {
        List<DesktopWindow> topFirst = new ArrayList<>();
        for (long hwnd : w.topLevelWindows()) {
            DesktopWindow window = visibleWindow(w, hwnd, ownPid);
            if (window != null) {
                topFirst.add(window);
            }
        }
        return new DesktopSnapshot(topFirst, w.foregroundWindow());
    }

    /** The window as it stands, or null when it shows nothing. */
    private static DesktopWindow visibleWindow(Win32Api w, long hwnd, long ownPid) {
        if (!w.isVisible(hwnd) || w.isIconic(hwnd) || w.cloaked(hwnd) != 0 || clickThrough(w.exStyle(hwnd))) {
            return null;
        }
        Win32Api.Rect bounds = w.extendedFrameBounds(hwnd);
        Rectangle frame = frame(bounds != null ? bounds : w.windowRect(hwnd));
        if (frame != null && frame.isEmpty()) {
            return null;
        }
        long pid = w.processId(hwnd);
        String title = pid == ownPid ? w.internalWindowText(hwnd) : w.windowText(hwnd);
        return new DesktopWindow(hwnd, frame, title == null || title.isEmpty() ? null : title, pid == 0 ? -1 : pid);
    }

    /** A {@code RECT} as a rectangle, or null. */
    static Rectangle frame(Win32Api.Rect r) {
        return r == null ? null : new Rectangle(r.left(), r.top(), r.right() - r.left(), r.bottom() - r.top());
    }

    private static boolean clickThrough(int exStyle) {
        return (exStyle & (WS_EX_LAYERED | WS_EX_TRANSPARENT)) == (WS_EX_LAYERED | WS_EX_TRANSPARENT);
    }
}
