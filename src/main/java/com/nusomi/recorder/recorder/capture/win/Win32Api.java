package com.nusomi.recorder.recorder.capture.win;

/**
 * The user32 and DWM calls the window lookup makes, one native call each, windows named by their {@code HWND}'s
 * value. A window that went away between two calls answers as the call does for a bad handle (false, null, 0). The
 * real one is {@link JnaWin32Api}; tests replay recorded answers.
 */
interface Win32Api {
    /** A {@code RECT}: screen coordinates of the left, top, right and bottom edges (right and bottom exclusive). */
    record Rect(int left, int top, int right, int bottom) {}

    /**
     * {@code SetThreadDpiAwarenessContext(PER_MONITOR_AWARE_V2)} (else {@code PER_MONITOR_AWARE}) for the calling
     * thread.
     *
     * @return the thread's previous context, to hand to {@link #restoreAwareness(long)}; 0 when nothing changed
     */
    long enterPerMonitorAwareness();

    /** Puts back the context {@link #enterPerMonitorAwareness()} returned; nothing for 0. */
    void restoreAwareness(long previous);

    /** {@code EnumWindows}: the top-level windows, topmost first. */
    long[] topLevelWindows();

    /** {@code IsWindowVisible}. */
    boolean isVisible(long hwnd);

    /** {@code IsIconic}: minimised. */
    boolean isIconic(long hwnd);

    /** {@code DwmGetWindowAttribute(DWMWA_CLOAKED)}: why it is cloaked, 0 when it is not or the call failed. */
    int cloaked(long hwnd);

    /** {@code GetWindowLongW(GWL_EXSTYLE)}: the extended window styles, 0 when unreadable. */
    int exStyle(long hwnd);

    /** {@code DwmGetWindowAttribute(DWMWA_EXTENDED_FRAME_BOUNDS)}, or null when the call failed. */
    Rect extendedFrameBounds(long hwnd);

    /** {@code GetWindowRect}, or null when the call failed. */
    Rect windowRect(long hwnd);

    /** {@code GetWindowThreadProcessId}: the owning process, 0 when the call failed. */
    long processId(long hwnd);

    /**
     * {@code GetWindowTextW}: the title, "" when none. For a window of this process it sends {@code WM_GETTEXT} to
     * the window's thread and waits for the answer: use {@link #internalWindowText(long)} for those.
     */
    String windowText(long hwnd);

    /** {@code InternalGetWindowText}: the title as stored by the system, without a message; "" when none. */
    String internalWindowText(long hwnd);

    /** {@code GetForegroundWindow}, 0 when none. */
    long foregroundWindow();
}
