package com.nusomi.recorder.recorder;

import com.nusomi.recorder.recorder.capture.DesktopSnapshot;
import com.nusomi.recorder.recorder.capture.DesktopWindow;
import com.nusomi.recorder.recorder.capture.Masks;
import com.nusomi.recorder.recorder.capture.ScreenSelection;
import com.nusomi.recorder.recorder.capture.ScreenSource;
import com.nusomi.recorder.recorder.capture.WindowLocator;
import com.nusomi.recorder.recorder.capture.WindowLookupException;
import java.awt.Rectangle;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one recording knows of the operator's desktop between frames: whether a click or a key went to the
 * recorder's own windows (then it is not work), which window became active (a {@code window_focus}), and where a
 * click lies in the frame's pixels. Reads the desktop at most every quarter of a second, afresh after a click.
 * Used on the recording's worker thread only.
 */
final class WorkDesktop {
    private static final Logger LOG = LoggerFactory.getLogger(WorkDesktop.class);
    private static final long FRESH_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    private final WindowLocator windows;
    private final Masks masks;
    private final Supplier<List<Rectangle>> ownFallback;
    private final ScreenSource screen;
    private final ScreenSelection selection;
    private DesktopSnapshot recent;
    private long recentNanos;
    private long lastFocusId;
    private boolean focusSeen;
    private double frameScale = 1;

    WorkDesktop(
            WindowLocator windows,
            Masks masks,
            Supplier<List<Rectangle>> ownFallback,
            ScreenSource screen,
            ScreenSelection selection) {
        this.windows = windows;
        this.masks = masks;
        this.ownFallback = ownFallback;
        this.screen = screen;
        this.selection = selection;
    }

    /** The desktop as it was at most a quarter of a second ago (null where windows cannot be read). */
    DesktopSnapshot recent() {
        long now = System.nanoTime();
        if (recent == null || now - recentNanos > FRESH_NANOS) {
            recent = null;
            if (windows.supported()) {
                try {
                    recent = windows.snapshot();
                    recentNanos = now;
                } catch (WindowLookupException e) {
                    LOG.debug("window lookup failed: {}", e.toString());
                }
            }
        }
        return recent;
    }

    /** Takes a snapshot read elsewhere (a frame's) as the latest look, sparing a read for the input after it. */
    void seen(DesktopSnapshot desktop) {
        if (desktop != null) {
            recent = desktop;
            recentNanos = System.nanoTime();
        }
    }

    /** A click may move the focus, which the window manager has not done yet: the next look reads afresh. */
    void forget() {
        recent = null;
    }

    /** True when a click at this desktop point went to one of the recorder's own windows. */
    boolean isOwnClick(int x, int y, DesktopSnapshot desktop) {
        if (desktop == null) {
            return ownFallback.get().stream().anyMatch(r -> r.contains(x, y));
        }
        DesktopWindow hit = desktop.topmostAt(x, y);
        return hit != null && masks.isOwn(hit);
    }

    /** True when keys go to one of the recorder's own windows. */
    boolean ownWindowActive() {
        DesktopSnapshot desktop = recent();
        DesktopWindow active = desktop == null ? null : desktop.active();
        return active != null && masks.isOwn(active);
    }

    /**
     * The window that became active since the last look, to record as a {@code window_focus}, else null. The
     * recorder's own windows are no change (working the recorder is not the workflow), nor is the window active at
     * the first look, unless it was ours.
     */
    DesktopWindow focusChange(DesktopSnapshot desktop) {
        DesktopWindow active = desktop == null ? null : desktop.active();
        if (active == null) {
            return null;
        }
        boolean own = masks.isOwn(active);
        if (!focusSeen) {
            focusSeen = true;
            lastFocusId = own ? 0 : active.id();
            return null;
        }
        if (own || active.id() == lastFocusId) {
            return null;
        }
        lastFocusId = active.id();
        return active;
    }

    /** The last frame's pixels per desktop pixel. */
    void frameScale(double scale) {
        frameScale = scale > 0 ? scale : 1;
    }

    /**
     * Where a click is in the recorded frames' pixels ({@code frame_x}, {@code frame_y}), when it is inside the
     * captured area: on a second monitor, or a capture scaled to other pixels, the desktop position is not the
     * frame's.
     */
    void putFramePosition(Map<String, Object> data, int x, int y) {
        Rectangle area;
        try {
            area = screen.bounds(selection);
        } catch (RuntimeException e) {
            return; // the monitor went away: the desktop position stays
        }
        if (area.contains(x, y)) {
            data.put("frame_x", (int) Math.floor((x - area.x) * frameScale));
            data.put("frame_y", (int) Math.floor((y - area.y) * frameScale));
        }
    }

    /** The title of the window clicked in: the topmost at the point, else the active one where none is known. */
    String titleAt(int x, int y, DesktopSnapshot desktop) {
        if (desktop == null) {
            return windows.activeWindowTitle();
        }
        DesktopWindow target = desktop.topmostAt(x, y);
        return target == null ? null : target.title();
    }
}
