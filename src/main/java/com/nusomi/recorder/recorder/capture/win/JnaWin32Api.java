package com.nusomi.recorder.recorder.capture.win;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.User32;
import com.sun.jna.platform.win32.WinDef.HWND;
import com.sun.jna.platform.win32.WinDef.RECT;
import com.sun.jna.platform.win32.WinUser.WNDENUMPROC;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.win32.StdCallLibrary;
import com.sun.jna.win32.W32APIOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link Win32Api} through JNA: jna-platform's user32 binding, and the calls it lacks declared here ({@link Extra},
 * {@link Dwm}). The libraries are loaded by {@link #load()}, on the locator's first snapshot, never when a class
 * loads. Holds no native resource.
 */
final class JnaWin32Api implements Win32Api {
    private static final int GWL_EXSTYLE = -20;
    private static final int DWMWA_EXTENDED_FRAME_BOUNDS = 9;
    private static final int DWMWA_CLOAKED = 14;
    /** {@code DPI_AWARENESS_CONTEXT_PER_MONITOR_AWARE} and {@code ..._V2}: pseudo-handles -3 and -4. */
    private static final long PER_MONITOR_AWARE = -3;

    private static final long PER_MONITOR_AWARE_V2 = -4;
    private static final int MAX_TITLE_CHARS = 32_767;
    private static final int MAX_OWN_TITLE_CHARS = 1_024;

    /** The user32 calls jna-platform's {@link User32} lacks. */
    interface Extra extends StdCallLibrary {
        boolean IsIconic(HWND hwnd);

        int InternalGetWindowText(HWND hwnd, char[] text, int maxCount);

        /** Windows 10 1607 and later; {@code context} is a {@code DPI_AWARENESS_CONTEXT} pseudo-handle. */
        Pointer SetThreadDpiAwarenessContext(Pointer context);
    }

    /** dwmapi: {@code DwmGetWindowAttribute}, which answers an {@code HRESULT} (0 for success). */
    interface Dwm extends StdCallLibrary {
        int DwmGetWindowAttribute(HWND hwnd, int attribute, Pointer value, int size);
    }

    private final User32 user32;
    private final Extra extra;
    private final Dwm dwm;
    private boolean awarenessUnavailable;

    private JnaWin32Api(User32 user32, Extra extra, Dwm dwm) {
        this.user32 = user32;
        this.extra = extra;
        this.dwm = dwm;
    }

    /**
     * Loads user32 and dwmapi.
     *
     * @throws UnsatisfiedLinkError where they are missing (any platform but Windows)
     */
    static JnaWin32Api load() {
        return new JnaWin32Api(
                Native.load("user32", User32.class, W32APIOptions.DEFAULT_OPTIONS),
                Native.load("user32", Extra.class, W32APIOptions.DEFAULT_OPTIONS),
                Native.load("dwmapi", Dwm.class, W32APIOptions.DEFAULT_OPTIONS));
    }

    @Override
    public long enterPerMonitorAwareness() {
        if (awarenessUnavailable) {
            return 0;
        }
        try {
            Pointer previous = extra.SetThreadDpiAwarenessContext(new Pointer(PER_MONITOR_AWARE_V2));
            if (previous == null) { // V2 is Windows 10 1703 and later
                previous = extra.SetThreadDpiAwarenessContext(new Pointer(PER_MONITOR_AWARE));
            }
            return previous == null ? 0 : Pointer.nativeValue(previous);
        } catch (UnsatisfiedLinkError e) { // before Windows 10 1607: the process's own awareness applies
            awarenessUnavailable = true;
            return 0;
        }
    }

    @Override
    public void restoreAwareness(long previous) {
        if (previous != 0) {
            extra.SetThreadDpiAwarenessContext(new Pointer(previous));
        }
    }

    @Override
    public long[] topLevelWindows() {
        List<Long> found = new ArrayList<>();
        WNDENUMPROC collect = (hwnd, data) -> {
            found.add(Pointer.nativeValue(hwnd.getPointer()));
            return true;
        };
        if (!user32.EnumWindows(collect, null)) {
            throw new IllegalStateException("EnumWindows failed (error " + Native.getLastError() + ")");
        }
        return found.stream().mapToLong(Long::longValue).toArray();
    }

    @Override
    public boolean isVisible(long hwnd) {
        return user32.IsWindowVisible(hwnd(hwnd));
    }

    @Override
    public boolean isIconic(long hwnd) {
        return extra.IsIconic(hwnd(hwnd));
    }

    @Override
    public int cloaked(long hwnd) {
        IntByReference value = new IntByReference();
        return dwm.DwmGetWindowAttribute(hwnd(hwnd), DWMWA_CLOAKED, value.getPointer(), 4) == 0 ? value.getValue() : 0;
    }

    @Override
    public int exStyle(long hwnd) {
        return user32.GetWindowLong(hwnd(hwnd), GWL_EXSTYLE);
    }

    @Override
    public Rect extendedFrameBounds(long hwnd) {
        Memory rect = new Memory(16);
        if (dwm.DwmGetWindowAttribute(hwnd(hwnd), DWMWA_EXTENDED_FRAME_BOUNDS, rect, 16) != 0) {
            return null;
        }
        return new Rect(rect.getInt(0), rect.getInt(4), rect.getInt(8), rect.getInt(12));
    }

    @Override
    public Rect windowRect(long hwnd) {
        RECT r = new RECT();
        return user32.GetWindowRect(hwnd(hwnd), r) ? new Rect(r.left, r.top, r.right, r.bottom) : null;
    }

    @Override
    public long processId(long hwnd) {
        IntByReference pid = new IntByReference();
        return user32.GetWindowThreadProcessId(hwnd(hwnd), pid) == 0 ? 0 : Integer.toUnsignedLong(pid.getValue());
    }

    @Override
    public String windowText(long hwnd) {
        HWND h = hwnd(hwnd);
        int length = user32.GetWindowTextLength(h);
        if (length <= 0) {
            return "";
        }
        char[] text = new char[Math.min(length, MAX_TITLE_CHARS) + 1];
        int n = user32.GetWindowText(h, text, text.length);
        return new String(text, 0, Math.max(0, n));
    }

    @Override
    public String internalWindowText(long hwnd) {
        char[] text = new char[MAX_OWN_TITLE_CHARS];
        int n = extra.InternalGetWindowText(hwnd(hwnd), text, text.length);
        return new String(text, 0, Math.max(0, n));
    }

    @Override
    public long foregroundWindow() {
        HWND h = user32.GetForegroundWindow();
        return h == null ? 0 : Pointer.nativeValue(h.getPointer());
    }

    private static HWND hwnd(long value) {
        return new HWND(new Pointer(value));
    }
}
