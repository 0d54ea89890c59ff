package com.nusomi.recorder.recorder.capture.x11;

/**
 * The X requests the window lookup makes, each for many windows at once so that an implementation can send them
 * all before it waits for the first reply. A window that went away between two requests answers null. The real
 * one is {@link XcbServer}; tests replay recorded answers.
 */
interface XServer extends AutoCloseable {
    /** {@code map_state == IsViewable} and {@code override_redirect} of a window. */
    record Attributes(boolean viewable, boolean overrideRedirect) {}

    /** A window's geometry relative to its parent: the outer corner of its border, its inner size, its border. */
    record Geometry(int x, int y, int width, int height, int border) {}

    /** The root window of the screen. */
    int root();

    /** The atom of a name, interned once. */
    int atom(String name);

    /** Each window's children, bottom of the stack first; null for a window that is gone. */
    int[][] children(int[] windows);

    Attributes[] attributes(int[] windows);

    Geometry[] geometry(int[] windows);

    /**
     * Each window's property value (its raw bytes), or null where the window or the property is absent.
     *
     * @param type the expected type's atom, or 0 for any type
     * @param maxLongs how many 32-bit units to read at most
     */
    byte[][] property(int[] windows, int property, int type, int maxLongs);

    /** What this connects to, for the log ("DISPLAY :1"). */
    String describe();

    @Override
    void close();
}
