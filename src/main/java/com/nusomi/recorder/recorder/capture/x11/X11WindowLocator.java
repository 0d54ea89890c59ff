package com.nusomi.recorder.recorder.capture.x11;

import com.nusomi.recorder.recorder.capture.DesktopSnapshot;
import com.nusomi.recorder.recorder.capture.DesktopWindow;
import com.nusomi.recorder.recorder.capture.WindowLocator;
import com.nusomi.recorder.recorder.capture.WindowLookupException;
import java.awt.Rectangle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Windows on X11, read through XCB (see {@link XServer}). The root window's children are the top-level windows in
 * stacking order: under a reparenting window manager (Openbox, Mutter, KWin) each is the manager's frame, whose
 * geometry is the window as drawn, title bar and borders included; the application's window (the one with
 * {@code WM_STATE}) is inside it and carries the title ({@code _NET_WM_NAME}, else {@code WM_NAME}) and the process
 * id ({@code _NET_WM_PID}). Unmanaged windows (menus, tooltips, bare Xvfb) are their own frame; a client that
 * is a direct child of the root with {@code _NET_FRAME_EXTENTS} has them added. Unmapped windows and those with
 * {@code _NET_WM_STATE_HIDDEN} are not visible. All of it in about eight round trips, whatever the number of windows.
 */
public final class X11WindowLocator implements WindowLocator {
    private static final int MAX_CLIENT_DEPTH = 3;
    private static final int TITLE_LONGS = 256;

    private final Supplier<XServer> connector;
    private XServer server;

    /** Connects (on first use) to {@code $DISPLAY} with a connection of its own. */
    public X11WindowLocator() {
        this(() -> XcbServer.connect(null));
    }

    X11WindowLocator(Supplier<XServer> connector) {
        this.connector = connector;
    }

    /** True where an X display is named in the environment (the locator may still fail to connect). */
    public static boolean displayNamed() {
        String d = System.getenv("DISPLAY");
        return d != null && !d.isBlank();
    }

    @Override
    public synchronized DesktopSnapshot snapshot() throws WindowLookupException {
        XServer x = connection();
        try {
            DesktopSnapshot s = read(x);
            if (x instanceof XcbServer xcb && !xcb.healthy()) {
                throw new IllegalStateException("the X connection failed");
            }
            return s;
        } catch (RuntimeException e) {
            dropConnection();
            throw new WindowLookupException("cannot read the X11 windows: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized String describe() {
        try {
            return connection().describe();
        } catch (WindowLookupException e) {
            return "X11: " + e.getMessage();
        }
    }

    @Override
    public synchronized void close() {
        dropConnection();
    }

    private XServer connection() throws WindowLookupException {
        if (server == null) {
            try {
                server = connector.get();
            } catch (RuntimeException | LinkageError e) {
                throw new WindowLookupException(e.getMessage(), e);
            }
        }
        return server;
    }

    private void dropConnection() {
        if (server != null) {
            try {
                server.close();
            } catch (RuntimeException ignored) {
                // already broken
            }
            server = null;
        }
    }

    static DesktopSnapshot read(XServer x) {
        int root = x.root();
        int[][] rootChildren = x.children(new int[] {root});
        if (rootChildren[0] == null) {
            throw new IllegalStateException("the root window cannot be read");
        }
        int[] top = rootChildren[0];
        XServer.Attributes[] attrs = x.attributes(top);
        int[] viewable = Arrays.stream(indices(top.length))
                .filter(i -> attrs[i] != null && attrs[i].viewable())
                .map(i -> top[i])
                .toArray();
        XServer.Geometry[] geometry = x.geometry(viewable);
        int[] clients = clients(x, root, viewable);

        int utf8 = x.atom("UTF8_STRING");
        byte[][] netNames = x.property(clients, x.atom("_NET_WM_NAME"), utf8, TITLE_LONGS);
        byte[][] names = x.property(clients, x.atom("WM_NAME"), 0, TITLE_LONGS);
        byte[][] pids = x.property(clients, x.atom("_NET_WM_PID"), x.atom("CARDINAL"), 1);
        byte[][] states = x.property(clients, x.atom("_NET_WM_STATE"), x.atom("ATOM"), 32);
        byte[][] extents = x.property(clients, x.atom("_NET_FRAME_EXTENTS"), x.atom("CARDINAL"), 4);
        int hidden = x.atom("_NET_WM_STATE_HIDDEN");
        byte[][] active = x.property(new int[] {root}, x.atom("_NET_ACTIVE_WINDOW"), x.atom("WINDOW"), 1);

        List<DesktopWindow> topFirst = new ArrayList<>();
        for (int i = viewable.length - 1; i >= 0; i--) {
            if (hidden != 0 && contains(longs(states[i]), hidden)) {
                continue;
            }
            Rectangle frame = frame(geometry[i], clients[i] == viewable[i] ? longs(extents[i]) : null);
            String title = netNames[i] != null
                    ? new String(netNames[i], StandardCharsets.UTF_8)
                    : names[i] != null ? new String(names[i], StandardCharsets.ISO_8859_1) : null;
            long[] pid = longs(pids[i]);
            topFirst.add(new DesktopWindow(
                    Integer.toUnsignedLong(clients[i]), frame, title, pid != null && pid.length > 0 ? pid[0] : -1));
        }
        long[] activeId = longs(active[0]);
        return new DesktopSnapshot(topFirst, activeId != null && activeId.length > 0 ? activeId[0] : 0);
    }

    /**
     * For each top-level window, the application's window inside it, else itself. An EWMH manager lists the
     * application windows it manages on the root ({@code _NET_CLIENT_LIST}): a frame's children are then only
     * matched against that list, without a request for each of its many decoration windows. Without such a list
     * the application window is the one with {@code WM_STATE}. Breadth first, one level of every frame per round
     * trip; the topmost match of a level wins.
     */
    private static int[] clients(XServer x, int root, int[] topLevel) {
        long[] managed = longs(x.property(new int[] {root}, x.atom("_NET_CLIENT_LIST"), x.atom("WINDOW"), 4096)[0]);
        Function<int[], boolean[]> isClient;
        if (managed != null && managed.length > 0) {
            Set<Integer> listed = new HashSet<>();
            for (long m : managed) {
                listed.add((int) m);
            }
            isClient = windows -> {
                boolean[] out = new boolean[windows.length];
                for (int i = 0; i < windows.length; i++) {
                    out[i] = listed.contains(windows[i]);
                }
                return out;
            };
        } else {
            int wmState = x.atom("WM_STATE");
            isClient = windows -> {
                byte[][] states = x.property(windows, wmState, 0, 0);
                boolean[] out = new boolean[windows.length];
                for (int i = 0; i < windows.length; i++) {
                    out[i] = states[i] != null;
                }
                return out;
            };
        }
        int[] clients = topLevel.clone();
        boolean[] direct = isClient.apply(topLevel);
        List<Integer> searching = new ArrayList<>();
        int[][] frontier = new int[topLevel.length][];
        for (int i = 0; i < topLevel.length; i++) {
            if (!direct[i]) {
                searching.add(i);
                frontier[i] = new int[] {topLevel[i]};
            }
        }
        for (int depth = 0; depth < MAX_CLIENT_DEPTH && !searching.isEmpty(); depth++) {
            List<Integer> owners = new ArrayList<>();
            List<Integer> windows = new ArrayList<>();
            for (int i : searching) {
                for (int w : frontier[i]) {
                    owners.add(i);
                    windows.add(w);
                }
            }
            int[][] kids =
                    x.children(windows.stream().mapToInt(Integer::intValue).toArray());
            List<Integer> kidOwners = new ArrayList<>();
            List<Integer> kidWindows = new ArrayList<>();
            for (int k = 0; k < kids.length; k++) {
                if (kids[k] != null) {
                    for (int w : kids[k]) {
                        kidOwners.add(owners.get(k));
                        kidWindows.add(w);
                    }
                }
            }
            int[] kidArray = kidWindows.stream().mapToInt(Integer::intValue).toArray();
            boolean[] match = isClient.apply(kidArray);
            List<List<Integer>> next = new ArrayList<>();
            for (int i = 0; i < topLevel.length; i++) {
                next.add(new ArrayList<>());
            }
            for (int k = kidArray.length - 1; k >= 0; k--) { // the topmost child wins
                int owner = kidOwners.get(k);
                if (match[k] && clients[owner] == topLevel[owner]) {
                    clients[owner] = kidArray[k];
                }
                next.get(owner).add(kidArray[k]);
            }
            List<Integer> stillSearching = new ArrayList<>();
            for (int i : searching) {
                if (clients[i] == topLevel[i] && !next.get(i).isEmpty()) {
                    stillSearching.add(i);
                    frontier[i] =
                            next.get(i).stream().mapToInt(Integer::intValue).toArray();
                }
            }
            searching = stillSearching;
        }
        return clients;
    }

    /** The frame in root coordinates: the top-level window's outer bounds, plus extents where it is unframed. */
    static Rectangle frame(XServer.Geometry g, long[] extents) {
        if (g == null) {
            return null;
        }
        Rectangle r = new Rectangle(g.x(), g.y(), g.width() + 2 * g.border(), g.height() + 2 * g.border());
        if (extents != null && extents.length == 4) {
            int left = (int) extents[0];
            int right = (int) extents[1];
            int topExtent = (int) extents[2];
            int bottom = (int) extents[3];
            r = new Rectangle(r.x - left, r.y - topExtent, r.width + left + right, r.height + topExtent + bottom);
        }
        return r;
    }

    /** A 32-bit property's values (XCB hands them in the machine's byte order), or null. */
    static long[] longs(byte[] value) {
        if (value == null) {
            return null;
        }
        ByteBuffer b = ByteBuffer.wrap(value).order(ByteOrder.nativeOrder());
        long[] out = new long[value.length / 4];
        for (int i = 0; i < out.length; i++) {
            out[i] = Integer.toUnsignedLong(b.getInt());
        }
        return out;
    }

    private static boolean contains(long[] values, int atom) {
        if (values == null) {
            return false;
        }
        for (long v : values) {
            if (v == Integer.toUnsignedLong(atom)) {
                return true;
            }
        }
        return false;
    }

    private static int[] indices(int n) {
        int[] out = new int[n];
        Arrays.setAll(out, i -> i);
        return out;
    }
}
