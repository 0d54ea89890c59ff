package com.nusomi.recorder.recorder.capture.x11;

import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import java.awt.Rectangle;
import java.util.HashMap;
import java.util.Map;

/**
 * {@link XServer} over one XCB connection of its own (X calls are not shared with the toolkits' connections), and
 * the root window's pixels for {@link XcbScreenSource}. Every batch sends all its requests first, then reads the
 * replies. Not thread-safe: the locator and the screen source each serialise their calls on their own connection.
 */
final class XcbServer implements XServer {
    private static final int MAP_STATE_VIEWABLE = 2;

    private static final byte IMAGE_FORMAT_Z_PIXMAP = 2;
    private static final int VISUAL_CLASS_TRUE_COLOR = 4;
    private static final int ALL_PLANES = -1;

    private final Xcb xcb;
    private final Pointer c;
    private final Pointer screen;
    private final int root;
    private final String display;
    private final Map<String, Integer> atoms = new HashMap<>();
    private XcbShm shm;
    private XcbShm.LibC libc;

    private XcbServer(Xcb xcb, Pointer c, Pointer screen, String display) {
        this.xcb = xcb;
        this.c = c;
        this.screen = screen;
        this.root = screen.getInt(0);
        this.display = display;
    }

    /**
     * Connects to the display named (null: {@code $DISPLAY}).
     *
     * @throws IllegalStateException when libxcb is missing or the display refuses the connection
     */
    static XcbServer connect(String displayName) {
        Xcb xcb;
        try {
            xcb = Xcb.load();
        } catch (UnsatisfiedLinkError e) {
            throw new IllegalStateException("libxcb is not available: " + e.getMessage(), e);
        }
        IntByReference screen = new IntByReference();
        Pointer c = xcb.xcb_connect(displayName, screen);
        if (c == null || xcb.xcb_connection_has_error(c) != 0) {
            if (c != null) {
                xcb.xcb_disconnect(c);
            }
            throw new IllegalStateException("cannot connect to the X display "
                    + (displayName != null ? displayName : System.getenv("DISPLAY")));
        }
        Xcb.ScreenIterator it = xcb.xcb_setup_roots_iterator(xcb.xcb_get_setup(c));
        for (int i = 0; i < screen.getValue() && it.rem > 0; i++) {
            xcb.xcb_screen_next(it);
            it.read();
        }
        String name = displayName != null ? displayName : System.getenv("DISPLAY");
        return new XcbServer(xcb, c, it.data, name);
    }

    /** True while the connection is usable (X closes it on a protocol error or when the server goes). */
    boolean healthy() {
        return xcb.xcb_connection_has_error(c) == 0;
    }

    @Override
    public int root() {
        return root;
    }

    @Override
    public int atom(String name) {
        Integer known = atoms.get(name);
        if (known != null) {
            return known;
        }
        Xcb.Cookie cookie = xcb.xcb_intern_atom(c, (byte) 0, (short) name.length(), name);
        PointerByReference error = new PointerByReference();
        Pointer reply = checked(xcb.xcb_intern_atom_reply(c, cookie, error), error);
        int atom = 0;
        if (reply != null) {
            atom = reply.getInt(8);
            Native.free(Pointer.nativeValue(reply));
        }
        if (atom != 0) {
            atoms.put(name, atom);
        }
        return atom;
    }

    @Override
    public int[][] children(int[] windows) {
        Xcb.Cookie[] cookies = new Xcb.Cookie[windows.length];
        for (int i = 0; i < windows.length; i++) {
            cookies[i] = xcb.xcb_query_tree(c, windows[i]);
        }
        int[][] out = new int[windows.length][];
        for (int i = 0; i < windows.length; i++) {
            PointerByReference error = new PointerByReference();
            Pointer reply = checked(xcb.xcb_query_tree_reply(c, cookies[i], error), error);
            if (reply != null) {
                int n = xcb.xcb_query_tree_children_length(reply);
                out[i] =
                        n == 0 ? new int[0] : xcb.xcb_query_tree_children(reply).getIntArray(0, n);
                Native.free(Pointer.nativeValue(reply));
            }
        }
        return out;
    }

    @Override
    public Attributes[] attributes(int[] windows) {
        Xcb.Cookie[] cookies = new Xcb.Cookie[windows.length];
        for (int i = 0; i < windows.length; i++) {
            cookies[i] = xcb.xcb_get_window_attributes(c, windows[i]);
        }
        Attributes[] out = new Attributes[windows.length];
        for (int i = 0; i < windows.length; i++) {
            PointerByReference error = new PointerByReference();
            Pointer reply = checked(xcb.xcb_get_window_attributes_reply(c, cookies[i], error), error);
            if (reply != null) {
                // xcb_get_window_attributes_reply_t: map_state at byte 26, override_redirect at 27
                out[i] = new Attributes(reply.getByte(26) == MAP_STATE_VIEWABLE, reply.getByte(27) != 0);
                Native.free(Pointer.nativeValue(reply));
            }
        }
        return out;
    }

    @Override
    public Geometry[] geometry(int[] windows) {
        Xcb.Cookie[] cookies = new Xcb.Cookie[windows.length];
        for (int i = 0; i < windows.length; i++) {
            cookies[i] = xcb.xcb_get_geometry(c, windows[i]);
        }
        Geometry[] out = new Geometry[windows.length];
        for (int i = 0; i < windows.length; i++) {
            PointerByReference error = new PointerByReference();
            Pointer reply = checked(xcb.xcb_get_geometry_reply(c, cookies[i], error), error);
            if (reply != null) {
                // xcb_get_geometry_reply_t: x, y (int16) at 12, 14; width, height, border_width (uint16) at 16..20
                out[i] = new Geometry(
                        reply.getShort(12),
                        reply.getShort(14),
                        reply.getShort(16) & 0xffff,
                        reply.getShort(18) & 0xffff,
                        reply.getShort(20) & 0xffff);
                Native.free(Pointer.nativeValue(reply));
            }
        }
        return out;
    }

    @Override
    public byte[][] property(int[] windows, int property, int type, int maxLongs) {
        byte[][] out = new byte[windows.length][];
        if (property == 0) {
            return out;
        }
        Xcb.Cookie[] cookies = new Xcb.Cookie[windows.length];
        for (int i = 0; i < windows.length; i++) {
            cookies[i] = xcb.xcb_get_property(c, (byte) 0, windows[i], property, type, 0, maxLongs);
        }
        for (int i = 0; i < windows.length; i++) {
            PointerByReference error = new PointerByReference();
            Pointer reply = checked(xcb.xcb_get_property_reply(c, cookies[i], error), error);
            if (reply != null) {
                // xcb_get_property_reply_t: format at byte 1, type at 8; a property that is absent has type None
                int actualType = reply.getInt(8);
                if (actualType != 0) {
                    int n = xcb.xcb_get_property_value_length(reply);
                    out[i] = n == 0
                            ? new byte[0]
                            : xcb.xcb_get_property_value(reply).getByteArray(0, n);
                }
                Native.free(Pointer.nativeValue(reply));
            }
        }
        return out;
    }

    @Override
    public String describe() {
        return "X11 (XCB) on " + display;
    }

    /**
     * Null when the root window's pixels read straight into {@code TYPE_INT_RGB} ints ({@link #rootPixels}): a
     * 24-bit TrueColor visual with the masks 0xff0000, 0xff00, 0xff, and images sent least significant byte first
     * (as Xorg, Xvfb and XWayland do on x86 and ARM); else why not.
     */
    String rootPixelsProblem() {
        // xcb_setup_t: image_byte_order at 30. xcb_screen_t: root_visual at 32, root_depth at 38, allowed_depths_len
        // at 39, then the depths (8 bytes: depth, pad, visuals_len u16, pad 4) each with its visuals (24 bytes: id,
        // class at 4, then red, green, blue masks at 8, 12, 16).
        if (xcb.xcb_get_setup(c).getByte(30) != 0) {
            return "the X server sends images most significant byte first";
        }
        int depth = screen.getByte(38) & 0xff;
        if (depth != 24) {
            return "the screen's depth is " + depth + " bits, not 24";
        }
        int visual = screen.getInt(32);
        int depths = screen.getByte(39) & 0xff;
        long at = 40;
        for (int d = 0; d < depths; d++) {
            int visuals = screen.getShort(at + 2) & 0xffff;
            for (int v = 0; v < visuals; v++) {
                long vt = at + 8 + 24L * v;
                if (screen.getInt(vt) == visual) {
                    boolean rgb = screen.getByte(vt + 4) == VISUAL_CLASS_TRUE_COLOR
                            && screen.getInt(vt + 8) == 0xff0000
                            && screen.getInt(vt + 12) == 0xff00
                            && screen.getInt(vt + 16) == 0xff;
                    return rgb ? null : "the screen's visual is not 8-bit-per-channel TrueColor RGB";
                }
            }
            at += 8 + 24L * visuals;
        }
        return "the screen's visual was not found";
    }

    /**
     * Memory of {@code bytes} shared with the X server, for {@link #rootPixels} to read through.
     *
     * @throws IllegalStateException with the reason where the server cannot share memory with this process (a
     *     remote display, another IPC namespace, no libxcb-shm)
     */
    SharedSegment share(long bytes) {
        Pointer extension;
        try {
            if (shm == null) {
                shm = XcbShm.load();
                libc = XcbShm.LibC.load();
            }
            extension = xcb.xcb_get_extension_data(c, XcbShm.extensionId());
        } catch (UnsatisfiedLinkError e) {
            throw new IllegalStateException("libxcb-shm is not available: " + e.getMessage(), e);
        }
        // a request of an extension the server lacks would close the connection: ask first
        if (extension == null || extension.getByte(8) == 0) {
            throw new IllegalStateException("the X server " + display + " has no MIT-SHM extension");
        }
        int shmid = libc.shmget(XcbShm.LibC.IPC_PRIVATE, new NativeLong(bytes), XcbShm.LibC.IPC_CREAT | 0600);
        if (shmid < 0) {
            throw new IllegalStateException(
                    "no shared memory segment of " + bytes + " bytes: " + Native.getLastError());
        }
        Pointer address = libc.shmat(shmid, null, 0);
        if (Pointer.nativeValue(address) == -1) {
            libc.shmctl(shmid, XcbShm.LibC.IPC_RMID, null);
            throw new IllegalStateException("cannot attach shared memory: " + Native.getLastError());
        }
        int segment = xcb.xcb_generate_id(c);
        Pointer error = xcb.xcb_request_check(c, shm.xcb_shm_attach_checked(c, segment, shmid, (byte) 0));
        // freed by the system once both sides have detached, also if this process dies
        libc.shmctl(shmid, XcbShm.LibC.IPC_RMID, null);
        if (error != null) {
            Native.free(Pointer.nativeValue(error));
            libc.shmdt(address);
            throw new IllegalStateException("the X server " + display + " does not share memory with this process");
        }
        XcbShm withShm = shm;
        XcbShm.LibC withLibc = libc;
        return new SharedSegment(segment, address, bytes, () -> {
            withShm.xcb_shm_detach(c, segment);
            xcb.xcb_flush(c);
            withLibc.shmdt(address);
        });
    }

    /**
     * Reads the pixels of an area of the root window (the screen as shown, every window in it) into {@code into}
     * as {@code 0x00RRGGBB} ints, row by row; only where {@link #rootPixelsProblem} is null. Through {@code shared}
     * memory when given (the server writes the pixels there), else in the reply.
     *
     * @throws IllegalStateException when the server refuses (an area off the screen, a lost connection)
     */
    void rootPixels(Rectangle area, int[] into, SharedSegment shared) {
        int n = area.width * area.height;
        if (shared != null) {
            readShared(area, into, shared, n);
        } else {
            readReply(area, into, n);
        }
        // the byte above the colours is padding, whatever the server left there
        for (int i = 0; i < n; i++) {
            into[i] &= 0xffffff;
        }
    }

    private void readShared(Rectangle area, int[] into, SharedSegment shared, int n) {
        if (shared.bytes < 4L * n) {
            throw new IllegalArgumentException("a shared segment of " + shared.bytes + " bytes for " + n + " pixels");
        }
        Xcb.Cookie cookie = shm.xcb_shm_get_image(
                c,
                root,
                (short) area.x,
                (short) area.y,
                (short) area.width,
                (short) area.height,
                ALL_PLANES,
                IMAGE_FORMAT_Z_PIXMAP,
                shared.id,
                0);
        PointerByReference error = new PointerByReference();
        Pointer reply = checked(shm.xcb_shm_get_image_reply(c, cookie, error), error);
        if (reply == null) {
            throw new IllegalStateException("the X server refused to give the pixels of " + area + " on " + display);
        }
        try {
            // xcb_shm_get_image_reply_t: size (uint32) at 12
            int bytes = reply.getInt(12);
            if (bytes != 4 * n) {
                throw new IllegalStateException(
                        "the X server gave " + bytes + " bytes for " + n + " pixels, not 4 per pixel");
            }
        } finally {
            Native.free(Pointer.nativeValue(reply));
        }
        shared.address.read(0, into, 0, n);
    }

    private void readReply(Rectangle area, int[] into, int n) {
        Xcb.Cookie cookie = xcb.xcb_get_image(
                c,
                IMAGE_FORMAT_Z_PIXMAP,
                root,
                (short) area.x,
                (short) area.y,
                (short) area.width,
                (short) area.height,
                ALL_PLANES);
        PointerByReference error = new PointerByReference();
        Pointer reply = checked(xcb.xcb_get_image_reply(c, cookie, error), error);
        if (reply == null) {
            throw new IllegalStateException("the X server refused to give the pixels of " + area + " on " + display);
        }
        try {
            int bytes = xcb.xcb_get_image_data_length(reply);
            if (bytes != 4 * n) {
                throw new IllegalStateException(
                        "the X server gave " + bytes + " bytes for " + n + " pixels, not 4 per pixel");
            }
            xcb.xcb_get_image_data(reply).read(0, into, 0, n);
        } finally {
            Native.free(Pointer.nativeValue(reply));
        }
    }

    @Override
    public void close() {
        xcb.xcb_disconnect(c);
    }

    /** The reply, or null when the request failed; frees the error XCB allocated for a failed one. */
    private static Pointer checked(Pointer reply, PointerByReference error) {
        Pointer e = error.getValue();
        if (e != null) {
            Native.free(Pointer.nativeValue(e));
        }
        return reply;
    }
}
