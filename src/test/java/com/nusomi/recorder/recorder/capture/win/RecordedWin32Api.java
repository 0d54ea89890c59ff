package com.nusomi.recorder.recorder.capture.win;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Replays the answers user32 and DWM gave (or would give) for each window, in {@code EnumWindows} order, and
 * notes every call made, for tests of {@link Win32WindowLocator}. Answers come from a JSON fixture next to the
 * tests or are written in the test.
 */
final class RecordedWin32Api implements Win32Api {
    static final long PREVIOUS_CONTEXT = 0x0000_6011L;

    /** What the calls answer for one window; bounds are {@code RECT}s as [left, top, right, bottom] or null. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    // the array is a payload handed over without copying; changing the record would be invasive
    @SuppressWarnings("ArrayRecordComponent")
    record Window(
            String hwnd,
            boolean visible,
            boolean iconic,
            int cloaked,
            String exStyle,
            int[] extendedFrameBounds,
            int[] windowRect,
            long pid,
            String text) {
        long id() {
            return Long.decode(hwnd);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Desktop(String foreground, List<Window> windows) {}

    final List<String> calls = new ArrayList<>();
    private final Map<Long, Window> windows = new LinkedHashMap<>();
    private final long foreground;
    private RuntimeException enumFailure;

    RecordedWin32Api(long foreground, List<Window> topFirst) {
        this.foreground = foreground;
        topFirst.forEach(w -> windows.put(w.id(), w));
    }

    static RecordedWin32Api fromResource(String name) {
        try (InputStream in = RecordedWin32Api.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            Desktop d = new ObjectMapper().readValue(in, Desktop.class);
            return new RecordedWin32Api(Long.decode(d.foreground()), d.windows());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A visible, ordinary window with the same bounds from DWM and GetWindowRect. */
    static Window plain(long hwnd, long pid, String title, int left, int top, int right, int bottom) {
        int[] r = {left, top, right, bottom};
        return new Window("0x" + Long.toHexString(hwnd), true, false, 0, "0x100", r, r, pid, title);
    }

    /** EnumWindows throws this from now on. */
    RecordedWin32Api failingEnumeration(RuntimeException e) {
        enumFailure = e;
        return this;
    }

    @Override
    public long enterPerMonitorAwareness() {
        calls.add("SetThreadDpiAwarenessContext(PER_MONITOR_AWARE_V2)");
        return PREVIOUS_CONTEXT;
    }

    @Override
    public void restoreAwareness(long previous) {
        calls.add("SetThreadDpiAwarenessContext(0x" + Long.toHexString(previous) + ")");
    }

    @Override
    public long[] topLevelWindows() {
        calls.add("EnumWindows");
        if (enumFailure != null) {
            throw enumFailure;
        }
        return windows.keySet().stream().mapToLong(Long::longValue).toArray();
    }

    @Override
    public boolean isVisible(long hwnd) {
        return window(hwnd, "IsWindowVisible").visible();
    }

    @Override
    public boolean isIconic(long hwnd) {
        return window(hwnd, "IsIconic").iconic();
    }

    @Override
    public int cloaked(long hwnd) {
        return window(hwnd, "DwmGetWindowAttribute(DWMWA_CLOAKED)").cloaked();
    }

    @Override
    public int exStyle(long hwnd) {
        return Long.decode(window(hwnd, "GetWindowLongW(GWL_EXSTYLE)").exStyle())
                .intValue();
    }

    @Override
    public Rect extendedFrameBounds(long hwnd) {
        return rect(window(hwnd, "DwmGetWindowAttribute(DWMWA_EXTENDED_FRAME_BOUNDS)")
                .extendedFrameBounds());
    }

    @Override
    public Rect windowRect(long hwnd) {
        return rect(window(hwnd, "GetWindowRect").windowRect());
    }

    @Override
    public long processId(long hwnd) {
        return window(hwnd, "GetWindowThreadProcessId").pid();
    }

    @Override
    public String windowText(long hwnd) {
        return window(hwnd, "GetWindowTextW").text();
    }

    @Override
    public String internalWindowText(long hwnd) {
        return window(hwnd, "InternalGetWindowText").text();
    }

    @Override
    public long foregroundWindow() {
        calls.add("GetForegroundWindow");
        return foreground;
    }

    private Window window(long hwnd, String call) {
        calls.add(call + " 0x" + Long.toHexString(hwnd));
        Window w = windows.get(hwnd);
        if (w == null) {
            throw new AssertionError(call + " for a window EnumWindows did not give: 0x" + Long.toHexString(hwnd));
        }
        return w;
    }

    private static Rect rect(int[] r) {
        return r == null ? null : new Rect(r[0], r[1], r[2], r[3]);
    }
}
