package com.nusomi.recorder.desktop;

import java.awt.Rectangle;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A real xterm on the test desktop, filled with one colour (background and text alike) so that its pixels can be
 * counted in a frame. Its frame geometry is read independently of the code under test: the client's absolute
 * place from {@code xwininfo} minus the window manager's {@code _NET_FRAME_EXTENTS} from {@code xprop}.
 */
public final class XTerm implements AutoCloseable {
    private final Process process;
    public final String title;
    public final String id;

    private XTerm(Process process, String title, String id) {
        this.process = process;
        this.title = title;
        this.id = id;
    }

    /** Opens an xterm with this title and colour, places its client area at x, y with size w × h, and raises it. */
    public static XTerm open(String title, String colour, int x, int y, int w, int h)
            throws IOException, InterruptedException {
        Process p = new ProcessBuilder(
                        "xterm",
                        "-T",
                        title,
                        "-bg",
                        colour,
                        "-fg",
                        colour,
                        "-cr",
                        colour,
                        "-geometry",
                        "40x10+" + x + "+" + y,
                        "-e",
                        "sleep",
                        "600")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        String id;
        try {
            id = Awaitility.await("xterm '" + title + "' managed")
                    .atMost(Duration.ofSeconds(15))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> managedWindow(title, p), found -> found != null);
        } catch (ConditionTimeoutException e) {
            p.destroyForcibly();
            throw new IOException("xterm '" + title + "' did not appear", e);
        }
        XTerm t = new XTerm(p, title, id);
        t.place(x, y, w, h);
        t.raise();
        return t;
    }

    /** The window's id once the window manager has framed it, else null (also while xdotool finds nothing). */
    private static String managedWindow(String title, Process p) throws IOException, InterruptedException {
        if (!p.isAlive()) {
            throw new IOException("xterm '" + title + "' exited");
        }
        try {
            String found = Tools.xdotool("search", "--name", "^" + title + "$").strip();
            if (found.isEmpty()) {
                return null;
            }
            String id = found.split("\\s+", -1)[0];
            return Tools.run("xprop", "-id", id, "_NET_FRAME_EXTENTS").contains("not found") ? null : id;
        } catch (IOException notYet) {
            return null; // xdotool exits 1 while nothing matches
        }
    }

    /** Moves and resizes the client area (the frame follows) and waits until the server reports it. */
    public void place(int x, int y, int w, int h) throws IOException, InterruptedException {
        Tools.xdotool("windowsize", "--sync", id, String.valueOf(w), String.valueOf(h));
        Tools.xdotool("windowmove", "--sync", id, String.valueOf(x), String.valueOf(y));
    }

    /** Brings it to the front (activates it through the window manager). */
    public void raise() throws IOException, InterruptedException {
        Tools.xdotool("windowactivate", "--sync", id);
    }

    /** The client area in root coordinates, as xwininfo reports it. */
    public Rectangle client() throws IOException, InterruptedException {
        return clientOf(id);
    }

    /** The whole window as drawn: client plus the window manager's frame extents. */
    public Rectangle frame() throws IOException, InterruptedException {
        return frameOf(id);
    }

    /** The client area of any window in root coordinates, as xwininfo reports it. */
    public static Rectangle clientOf(String id) throws IOException, InterruptedException {
        String info = Tools.run("xwininfo", "-id", id);
        return new Rectangle(
                value(info, "Absolute upper-left X:"),
                value(info, "Absolute upper-left Y:"),
                value(info, "Width:"),
                value(info, "Height:"));
    }

    /** The frame of any managed window: its client area plus the window manager's frame extents. */
    public static Rectangle frameOf(String id) throws IOException, InterruptedException {
        Rectangle c = clientOf(id);
        String extents = Tools.run("xprop", "-id", id, "_NET_FRAME_EXTENTS");
        String[] v = extents.substring(extents.indexOf('=') + 1).split(",", -1);
        int left = Integer.parseInt(v[0].strip());
        int right = Integer.parseInt(v[1].strip());
        int top = Integer.parseInt(v[2].strip());
        int bottom = Integer.parseInt(v[3].strip());
        return new Rectangle(c.x - left, c.y - top, c.width + left + right, c.height + top + bottom);
    }

    private static int value(String info, String key) {
        int at = info.indexOf(key);
        if (at < 0) {
            throw new IllegalStateException("no '" + key + "' in " + info);
        }
        String rest = info.substring(at + key.length()).strip();
        return Integer.parseInt(rest.split("\\s+", -1)[0]);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
