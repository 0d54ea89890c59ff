package com.nusomi.recorder.recorder.capture;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Decides what of a capture is masked, following the real stacking order: a masked window (one of the recorder's
 * own, or one whose title matches a privacy pattern) is blacked out only where it is visible, that is its frame
 * minus the frames of every window above it. A window in front of a masked one is recorded whole.
 *
 * <p>Fails closed: when the desktop cannot be read while privacy patterns are set, or a private window's frame is
 * unknown, the whole capture is blacked out. The recorder's own windows are then blacked out by the rectangles the
 * app reports for them ({@code ownFallback}), as before stacking was known.
 */
public final class Masks {
    private final long ownPid;
    private final List<Pattern> privacyPatterns;

    /**
     * @param ownPid this process's id: its windows are the recorder's own
     * @param privacyPatterns titles to mask (found anywhere in the title)
     */
    public Masks(long ownPid, List<Pattern> privacyPatterns) {
        this.ownPid = ownPid;
        this.privacyPatterns = List.copyOf(privacyPatterns);
    }

    /** True for one of the recorder's own windows. */
    public boolean isOwn(DesktopWindow w) {
        return w.pid() == ownPid;
    }

    /** True for a window whose title matches a privacy pattern. */
    public boolean isPrivate(DesktopWindow w) {
        if (w.title() == null) {
            return false;
        }
        for (Pattern p : privacyPatterns) {
            if (p.matcher(w.title()).find()) {
                return true;
            }
        }
        return false;
    }

    /** The plan for one capture from a snapshot of the desktop. */
    public MaskPlan plan(DesktopSnapshot snapshot) {
        return plan(snapshot, w -> isOwn(w) || isPrivate(w));
    }

    /** The plan when the desktop could not be read: black out everything if anything could be private. */
    public MaskPlan planWithoutDesktop(String why, List<Rectangle> ownFallback) {
        if (!privacyPatterns.isEmpty()) {
            return MaskPlan.everything(
                    "the windows on screen cannot be read (" + why + "), so private windows"
                            + " cannot be found: the whole frame is blacked out",
                    0);
        }
        return new MaskPlan(ownFallback, false, null, 0);
    }

    MaskPlan plan(DesktopSnapshot snapshot, Predicate<DesktopWindow> masked) {
        List<Rectangle> region = new ArrayList<>();
        List<Rectangle> above = new ArrayList<>();
        int privateWindows = 0;
        for (DesktopWindow w : snapshot.topFirst()) {
            boolean isPrivate = isPrivate(w);
            if (isPrivate) {
                privateWindows++;
            }
            if (!w.hasFrame()) {
                if (isPrivate) {
                    return MaskPlan.everything(
                            "the place of private window \"" + w.title()
                                    + "\" cannot be read: the whole frame is blacked out",
                            privateWindows);
                }
                continue; // an unknown frame hides nothing: what is below it stays masked
            }
            Rectangle frame = w.frame();
            if (masked.test(w)) {
                List<Rectangle> visible = List.of(frame);
                for (Rectangle a : above) {
                    visible = subtract(visible, a);
                }
                region.addAll(visible);
            }
            above.add(frame);
        }
        return new MaskPlan(region, false, null, privateWindows);
    }

    /** {@code rects} minus {@code cut}, as disjoint rectangles. */
    static List<Rectangle> subtract(List<Rectangle> rects, Rectangle cut) {
        List<Rectangle> out = new ArrayList<>();
        for (Rectangle r : rects) {
            Rectangle in = r.intersection(cut);
            if (in.isEmpty()) {
                out.add(r);
                continue;
            }
            int right = r.x + r.width;
            int bottom = r.y + r.height;
            if (in.y > r.y) {
                out.add(new Rectangle(r.x, r.y, r.width, in.y - r.y)); // band above the cut
            }
            if (in.y + in.height < bottom) {
                out.add(new Rectangle(r.x, in.y + in.height, r.width, bottom - in.y - in.height)); // below
            }
            if (in.x > r.x) {
                out.add(new Rectangle(r.x, in.y, in.x - r.x, in.height)); // left of it
            }
            if (in.x + in.width < right) {
                out.add(new Rectangle(in.x + in.width, in.y, right - in.x - in.width, in.height)); // right of it
            }
        }
        return out;
    }
}
