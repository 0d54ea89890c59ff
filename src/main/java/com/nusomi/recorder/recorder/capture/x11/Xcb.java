package com.nusomi.recorder.recorder.capture.x11;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import java.util.List;

/**
 * The few calls of libxcb the window lookup and the screen capture need. XCB rather than Xlib: an X error (a window that went away
 * between two requests) comes back with the reply instead of going to Xlib's process-wide error handler, which
 * GTK and AWT own in this process. Replies are allocated by XCB and freed with {@link Native#free(long)}.
 */
interface Xcb extends Library {
    /** Loaded on first use; throws {@link UnsatisfiedLinkError} where libxcb is missing. */
    static Xcb load() {
        return Native.load("xcb", Xcb.class);
    }

    /** {@code xcb_*_cookie_t}: the sequence number of a request, passed by value to get its reply. */
    @Structure.FieldOrder("sequence")
    class Cookie extends Structure implements Structure.ByValue {
        public int sequence;
    }

    /** {@code xcb_screen_iterator_t}. */
    class ScreenIterator extends Structure {
        public Pointer data;
        public int rem;
        public int index;

        /** By value, as {@code xcb_setup_roots_iterator} returns it. */
        public static class ByValue extends ScreenIterator implements Structure.ByValue {}

        @Override
        protected List<String> getFieldOrder() {
            return List.of("data", "rem", "index");
        }
    }

    Pointer xcb_connect(String displayName, IntByReference screen);

    int xcb_connection_has_error(Pointer c);

    void xcb_disconnect(Pointer c);

    Pointer xcb_get_setup(Pointer c);

    ScreenIterator.ByValue xcb_setup_roots_iterator(Pointer setup);

    void xcb_screen_next(ScreenIterator iterator);

    Cookie xcb_query_tree(Pointer c, int window);

    Pointer xcb_query_tree_reply(Pointer c, Cookie cookie, PointerByReference error);

    Pointer xcb_query_tree_children(Pointer reply);

    int xcb_query_tree_children_length(Pointer reply);

    Cookie xcb_get_window_attributes(Pointer c, int window);

    Pointer xcb_get_window_attributes_reply(Pointer c, Cookie cookie, PointerByReference error);

    Cookie xcb_get_geometry(Pointer c, int drawable);

    Pointer xcb_get_geometry_reply(Pointer c, Cookie cookie, PointerByReference error);

    Cookie xcb_translate_coordinates(Pointer c, int srcWindow, int dstWindow, short srcX, short srcY);

    Pointer xcb_translate_coordinates_reply(Pointer c, Cookie cookie, PointerByReference error);

    Cookie xcb_intern_atom(Pointer c, byte onlyIfExists, short nameLength, String name);

    Pointer xcb_intern_atom_reply(Pointer c, Cookie cookie, PointerByReference error);

    Cookie xcb_get_property(Pointer c, byte delete, int window, int property, int type, int longOffset, int longLength);

    Pointer xcb_get_property_reply(Pointer c, Cookie cookie, PointerByReference error);

    Pointer xcb_get_property_value(Pointer reply);

    int xcb_get_property_value_length(Pointer reply);

    /** The server's answer about an extension ({@code xcb_query_extension_reply_t}, kept by XCB): present at 8. */
    Pointer xcb_get_extension_data(Pointer c, Pointer extension);

    int xcb_generate_id(Pointer c);

    int xcb_flush(Pointer c);

    /** The error of a checked request without a reply (XCB allocates it), or null when it went through. */
    Pointer xcb_request_check(Pointer c, Cookie cookie);

    Cookie xcb_get_image(
            Pointer c, byte format, int drawable, short x, short y, short width, short height, int planeMask);

    Pointer xcb_get_image_reply(Pointer c, Cookie cookie, PointerByReference error);

    Pointer xcb_get_image_data(Pointer reply);

    int xcb_get_image_data_length(Pointer reply);
}
