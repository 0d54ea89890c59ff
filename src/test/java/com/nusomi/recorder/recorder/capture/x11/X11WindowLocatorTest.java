package com.nusomi.recorder.recorder.capture.x11;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nusomi.recorder.recorder.capture.DesktopSnapshot;
import com.nusomi.recorder.recorder.capture.DesktopWindow;
import com.nusomi.recorder.recorder.capture.WindowLookupException;
import java.awt.Rectangle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The X11 lookup's reading of the window tree, against answers recorded from Xvfb with Openbox (a reparenting
 * manager: frame → client) and from bare Xvfb (clients straight under the root), replayed by a fake server.
 */
class X11WindowLocatorTest {
    private static final int ROOT = 0x50d;

    @Test
    void framesOfAReparentingManagerGiveTheWindowsAsDrawnTopmostFirst() {
        FakeX x = new FakeX();
        // Openbox: its own 1x1 helper window, then two frames, the later one on top
        x.child(ROOT, 0x20020b, true, new XServer.Geometry(-100, -100, 1, 1, 0));
        x.child(ROOT, 0x2002c2, true, new XServer.Geometry(100, 100, 486, 341, 0));
        x.child(0x2002c2, 0x20030e, true, new XServer.Geometry(0, 0, 1, 1, 0)); // decoration part
        x.child(0x2002c2, 0x60000c, true, new XServer.Geometry(1, 20, 484, 316, 0));
        x.client(0x60000c, "Invoice terminal", 5511);
        x.child(ROOT, 0x2002d0, true, new XServer.Geometry(300, 200, 246, 159, 0));
        x.child(0x2002d0, 0x40000c, true, new XServer.Geometry(1, 20, 244, 134, 0));
        x.client(0x40000c, "front", 5512);
        x.child(ROOT, 0x2002e0, false, new XServer.Geometry(0, 0, 800, 600, 0)); // unmapped (minimised)
        x.rootProperty("_NET_ACTIVE_WINDOW", longs(0x40000c));

        DesktopSnapshot s = X11WindowLocator.read(x);

        assertThat(s.topFirst()).extracting(DesktopWindow::title).containsExactly("front", "Invoice terminal", null);
        assertThat(s.topFirst().get(0).frame()).isEqualTo(new Rectangle(300, 200, 246, 159));
        assertThat(s.topFirst().get(1).frame()).isEqualTo(new Rectangle(100, 100, 486, 341));
        assertThat(s.topFirst().get(1).id()).isEqualTo(0x60000c);
        assertThat(s.topFirst().get(1).pid()).isEqualTo(5511);
        assertThat(s.active().title()).isEqualTo("front");
    }

    @Test
    void theManagersClientListFindsTheApplicationWindowWithoutAskingEachDecoration() {
        FakeX x = new FakeX();
        x.child(ROOT, 0x2002c2, true, new XServer.Geometry(100, 100, 486, 341, 0));
        x.child(0x2002c2, 0x60000c, true, new XServer.Geometry(1, 20, 484, 316, 0));
        x.client(0x60000c, "Invoice terminal", 5511);
        x.child(0x2002c2, 0x20030e, true, new XServer.Geometry(0, 0, 10, 10, 0)); // a decoration, on top
        x.property(0x20030e, "WM_STATE", longs(1, 0)); // misleading: only the list is believed
        x.rootProperty("_NET_CLIENT_LIST", longs(0x60000c));

        DesktopSnapshot s = X11WindowLocator.read(x);

        assertThat(s.topFirst()).singleElement().satisfies(w -> {
            assertThat(w.id()).isEqualTo(0x60000c);
            assertThat(w.title()).isEqualTo("Invoice terminal");
            assertThat(w.frame()).isEqualTo(new Rectangle(100, 100, 486, 341));
        });
        assertThat(x.propertyAsks("WM_STATE"))
                .as("no WM_STATE request when the list is there")
                .isZero();
    }

    @Test
    void aClientStraightUnderTheRootIsItsOwnFrameWithItsExtentsAndBorder() {
        FakeX x = new FakeX();
        x.child(ROOT, 0x100, true, new XServer.Geometry(50, 60, 300, 200, 2));
        x.client(0x100, "bare", 1);
        x.child(ROOT, 0x200, true, new XServer.Geometry(500, 400, 100, 100, 0));
        x.client(0x200, "extended", 2);
        x.property(0x200, "_NET_FRAME_EXTENTS", longs(4, 6, 30, 8));

        DesktopSnapshot s = X11WindowLocator.read(x);

        assertThat(s.topFirst().get(1).frame()).isEqualTo(new Rectangle(50, 60, 304, 204));
        assertThat(s.topFirst().get(0).frame()).isEqualTo(new Rectangle(496, 370, 110, 138));
    }

    @Test
    void theTitleIsNetWmNameElseWmNameAndAnUnmanagedPopupIsAWindowToo() {
        FakeX x = new FakeX();
        x.child(ROOT, 0x100, true, new XServer.Geometry(0, 0, 100, 100, 0));
        x.client(0x100, null, 9);
        x.property(0x100, "WM_NAME", "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1));
        x.child(ROOT, 0x300, true, new XServer.Geometry(10, 10, 50, 20, 0)); // a menu: no WM_STATE, no frame
        x.property(0x300, "_NET_WM_PID", longs(9));

        DesktopSnapshot s = X11WindowLocator.read(x);

        assertThat(s.topFirst()).hasSize(2);
        assertThat(s.topFirst().get(0).pid()).isEqualTo(9);
        assertThat(s.topFirst().get(0).frame()).isEqualTo(new Rectangle(10, 10, 50, 20));
        assertThat(s.topFirst().get(1).title()).isEqualTo("caf\u00e9");
        assertThat(s.activeId()).isZero();
    }

    @Test
    void aHiddenWindowIsNotVisibleAndAWindowWithoutGeometryHasNoFrame() {
        FakeX x = new FakeX();
        x.child(ROOT, 0x100, true, null);
        x.client(0x100, "gone while read", 1);
        x.child(ROOT, 0x200, true, new XServer.Geometry(0, 0, 10, 10, 0));
        x.client(0x200, "hidden", 2);
        x.property(0x200, "_NET_WM_STATE", longs(x.atom("_NET_WM_STATE_HIDDEN")));

        DesktopSnapshot s = X11WindowLocator.read(x);

        assertThat(s.topFirst()).singleElement().satisfies(w -> {
            assertThat(w.title()).isEqualTo("gone while read");
            assertThat(w.hasFrame()).isFalse();
        });
    }

    @Test
    void anUnreadableRootIsAnErrorAndTheConnectionIsMadeAgainNextTime() {
        int[] connects = {0};
        X11WindowLocator locator = new X11WindowLocator(() -> {
            connects[0]++;
            FakeX broken = new FakeX();
            broken.unreadableRoot = true;
            return broken;
        });
        assertThatThrownBy(locator::snapshot).isInstanceOf(WindowLookupException.class);
        assertThatThrownBy(locator::snapshot).isInstanceOf(WindowLookupException.class);
        assertThat(connects[0]).isEqualTo(2);
    }

    private static byte[] longs(long... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.nativeOrder());
        for (long v : values) {
            b.putInt((int) v);
        }
        return b.array();
    }

    /** Replays a window tree: children bottom first, attributes, geometry and properties by atom name. */
    private static final class FakeX implements XServer {
        final Map<Integer, List<Integer>> children = new HashMap<>();
        final Map<Integer, Attributes> attributes = new HashMap<>();
        final Map<Integer, Geometry> geometry = new HashMap<>();
        final Map<String, byte[]> properties = new HashMap<>();
        final Map<String, Integer> atoms = new HashMap<>();
        final Map<Integer, Integer> asks = new HashMap<>();
        boolean unreadableRoot;

        int propertyAsks(String name) {
            return asks.getOrDefault(atom(name), 0);
        }

        void child(int parent, int window, boolean viewable, Geometry g) {
            children.computeIfAbsent(parent, k -> new ArrayList<>()).add(window);
            children.putIfAbsent(window, new ArrayList<>());
            attributes.put(window, new Attributes(viewable, false));
            if (g != null) {
                geometry.put(window, g);
            }
        }

        void client(int window, String title, long pid) {
            property(window, "WM_STATE", longs(1, 0));
            if (title != null) {
                property(window, "_NET_WM_NAME", title.getBytes(StandardCharsets.UTF_8));
            }
            property(window, "_NET_WM_PID", longs(pid));
        }

        void property(int window, String name, byte[] value) {
            properties.put(window + "/" + atom(name), value);
        }

        void rootProperty(String name, byte[] value) {
            property(ROOT, name, value);
        }

        @Override
        public int root() {
            return ROOT;
        }

        @Override
        public int atom(String name) {
            return atoms.computeIfAbsent(name, n -> 1000 + atoms.size());
        }

        @Override
        public int[][] children(int[] windows) {
            int[][] out = new int[windows.length][];
            for (int i = 0; i < windows.length; i++) {
                List<Integer> kids = unreadableRoot && windows[i] == ROOT ? null : children.get(windows[i]);
                out[i] = kids == null
                        ? null
                        : kids.stream().mapToInt(Integer::intValue).toArray();
            }
            return out;
        }

        @Override
        public Attributes[] attributes(int[] windows) {
            Attributes[] out = new Attributes[windows.length];
            for (int i = 0; i < windows.length; i++) {
                out[i] = attributes.get(windows[i]);
            }
            return out;
        }

        @Override
        public Geometry[] geometry(int[] windows) {
            Geometry[] out = new Geometry[windows.length];
            for (int i = 0; i < windows.length; i++) {
                out[i] = geometry.get(windows[i]);
            }
            return out;
        }

        @Override
        public byte[][] property(int[] windows, int property, int type, int maxLongs) {
            asks.merge(property, windows.length, Integer::sum);
            byte[][] out = new byte[windows.length][];
            for (int i = 0; i < windows.length; i++) {
                out[i] = properties.get(windows[i] + "/" + property);
            }
            return out;
        }

        @Override
        public String describe() {
            return "fake";
        }

        @Override
        public void close() {}
    }
}
