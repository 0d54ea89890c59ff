package com.nusomi.recorder.recorder.capture.x11;

import com.nusomi.recorder.recorder.capture.ScreenSelection;
import com.nusomi.recorder.recorder.capture.ScreenSource;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Captures the X11 screen by reading the root window's pixels over an XCB connection of its own, through memory
 * shared with the X server where it can (MIT-SHM: the server writes the pixels there, nothing goes through the
 * socket), else in the server's reply, straight into one {@code TYPE_INT_RGB} image that every capture of the same
 * size reuses: no 8 MB array per 1080p frame for the collector to move (32 MB at 4K, too large for the young
 * generation at all), and no GDK pixbuf in between as with AWT's {@code Robot} on GTK 3 (the same X request
 * underneath, so the same pixels). Monitors and the screens' device
 * pixels come from the fallback source, so that frames, masks and clicks keep sharing one grid.
 *
 * <p>Where the screen's pixels do not read straight into such ints (a depth other than 24, another visual, another
 * byte order), or libxcb or the display is missing, every capture goes to the fallback (AWT's {@code Robot}); a lost
 * connection is made again at the next capture.
 */
public final class XcbScreenSource implements ScreenSource {
    private static final Logger LOG = LoggerFactory.getLogger(XcbScreenSource.class);

    private final ScreenSource fallback;
    private final String displayName;
    private XcbServer x;
    private String unusable;
    private String unshared;
    private SharedSegment shared;
    private BufferedImage image;

    /** Captures {@code $DISPLAY}; monitors, and every capture where the X server's pixels cannot be read, from the fallback. */
    public XcbScreenSource(ScreenSource fallback) {
        this(fallback, null);
    }

    XcbScreenSource(ScreenSource fallback, String displayName) {
        this(fallback, displayName, true);
    }

    /** With {@code shareMemory} false, the pixels always come in the server's reply (the path without MIT-SHM). */
    XcbScreenSource(ScreenSource fallback, String displayName, boolean shareMemory) {
        this.fallback = fallback;
        this.displayName = displayName;
        this.unshared = shareMemory ? null : "not asked for";
    }

    @Override
    public List<Rectangle> screens() {
        return fallback.screens();
    }

    /**
     * Captures the selection. The image is this source's own and the next capture of the same size overwrites it:
     * use it, or copy it, before capturing again.
     */
    @Override
    public synchronized Capture capture(ScreenSelection selection) throws Exception {
        if (unusable == null && connected()) {
            Rectangle area = bounds(selection);
            if (image == null || image.getWidth() != area.width || image.getHeight() != area.height) {
                image = null; // the old one is garbage before the new one is made
                image = new BufferedImage(area.width, area.height, BufferedImage.TYPE_INT_RGB);
                unshare();
            }
            try {
                x.rootPixels(area, ((DataBufferInt) image.getRaster().getDataBuffer()).getData(), shared(area));
            } catch (IllegalStateException e) {
                if (!x.healthy()) {
                    disconnect();
                }
                throw e;
            }
            return new Capture(image, area);
        }
        return fallback.capture(selection);
    }

    /** Why captures go to the fallback, or null while they read the X server themselves (or have not tried yet). */
    public synchronized String fallbackReason() {
        return unusable;
    }

    /** Whether the last capture came through memory shared with the X server rather than in its reply. */
    synchronized boolean sharesMemory() {
        return shared != null;
    }

    @Override
    public synchronized void close() {
        disconnect();
        image = null;
        fallback.close();
    }

    /** Memory shared with the server for an area's pixels: made once per size; null where it cannot be. */
    private SharedSegment shared(Rectangle area) {
        if (shared == null && unshared == null) {
            try {
                shared = x.share(4L * area.width * area.height);
            } catch (IllegalStateException e) {
                unshared = e.getMessage();
                LOG.info("screen capture without shared memory: {}", unshared);
            }
        }
        return shared;
    }

    private void unshare() {
        if (shared != null) {
            shared.close();
            shared = null;
        }
    }

    private void disconnect() {
        unshare();
        if (x != null) {
            x.close();
            x = null;
        }
    }

    private boolean connected() {
        if (x != null) {
            return true;
        }
        XcbServer server;
        try {
            server = XcbServer.connect(displayName);
        } catch (IllegalStateException e) {
            unusable = e.getMessage();
            LOG.info("screen capture through AWT's Robot: {}", unusable);
            return false;
        }
        String problem = server.rootPixelsProblem();
        if (problem != null) {
            server.close();
            unusable = problem;
            LOG.info("screen capture through AWT's Robot: {}", unusable);
            return false;
        }
        x = server;
        return true;
    }
}
