package com.nusomi.recorder.recorder.capture.mac;

import java.util.List;
import java.util.Map;

/**
 * CoreGraphics' window list: {@code CGWindowListCopyWindowInfo(kCGWindowListOptionOnScreenOnly |
 * kCGWindowListExcludeDesktopElements, kCGNullWindowID)}, front to back, each window's dictionary read into a map
 * under the keys below: numbers as {@link Number}, strings as {@link String}, {@link #BOUNDS} as a map of
 * {@code X}, {@code Y}, {@code Width} and {@code Height}. A key the window server left out is absent. The real one
 * is {@link JnaCgWindowList}; tests replay recorded answers.
 */
interface CgWindowList extends AutoCloseable {
    /** The {@code CGWindowID}. */
    String NUMBER = "kCGWindowNumber";
    /** The window level: 0 for normal windows, 3 floating, 20 the Dock, 24 the menu bar, 101 pop-up menus. */
    String LAYER = "kCGWindowLayer";
    /** Its bounds in points, in global display coordinates with the origin at the main display's top-left. */
    String BOUNDS = "kCGWindowBounds";

    String ALPHA = "kCGWindowAlpha";
    String OWNER_PID = "kCGWindowOwnerPID";
    /** The title: absent for other applications' windows without the Screen Recording permission. */
    String NAME = "kCGWindowName";
    /** The keys read, those of {@link #BOUNDS} aside. */
    List<String> KEYS = List.of(NUMBER, LAYER, BOUNDS, ALPHA, OWNER_PID, NAME);
    /** The keys of the bounds dictionary (what {@code CGRectMakeWithDictionaryRepresentation} reads). */
    List<String> BOUNDS_KEYS = List.of("X", "Y", "Width", "Height");

    /**
     * The on-screen windows, frontmost first.
     *
     * @throws IllegalStateException when there is no window server to ask (outside a GUI session)
     */
    List<Map<String, Object>> onScreenWindows();

    @Override
    void close();
}
