package com.nusomi.recorder.recorder.capture;

/** Which screen to capture: one monitor by its index in {@link ScreenSource#screens()}, or all of them. */
public record ScreenSelection(int index) {
    private static final ScreenSelection ALL = new ScreenSelection(-1);

    public ScreenSelection {
        if (index < -1) {
            throw new IllegalArgumentException("a screen index is 0 or more (or -1 for all)");
        }
    }

    /** The whole virtual desktop: every monitor. */
    public static ScreenSelection all() {
        return ALL;
    }

    /** The primary monitor. */
    public static ScreenSelection primary() {
        return new ScreenSelection(0);
    }

    public static ScreenSelection screen(int index) {
        return new ScreenSelection(index);
    }

    public boolean isAll() {
        return index < 0;
    }
}
