package com.nusomi.recorder.desktop;

/** For benchmarks run by hand under xvfb-run: makes sure Openbox and the X tools are there, without JUnit's hooks. */
public final class XDesktopAccess {
    private XDesktopAccess() {}

    /** True once the desktop is ready (Openbox started on the display when none runs). */
    public static boolean ready() {
        return XDesktop.ensure() == null;
    }
}
