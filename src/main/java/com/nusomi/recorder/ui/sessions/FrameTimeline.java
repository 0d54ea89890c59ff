package com.nusomi.recorder.ui.sessions;

/**
 * The frames of a session as points in time (milliseconds from the start, ascending): which frame is nearest
 * to a moment, and where a moment falls on a scrubber that runs over the frame indexes. Plain Java.
 */
final class FrameTimeline {
    private FrameTimeline() {}

    /**
     * The index of the frame nearest to {@code t} by binary search; before the first frame gives 0, after the
     * last gives the last, a tie between two neighbours gives the earlier one; -1 when there are no frames.
     */
    static int nearest(long[] offsets, int count, long t) {
        if (count <= 0) {
            return -1;
        }
        int lo = 0;
        int hi = count - 1;
        if (t <= offsets[lo]) {
            return lo;
        }
        if (t >= offsets[hi]) {
            return hi;
        }
        // invariant: offsets[lo] < t < offsets[hi]
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (offsets[mid] == t) {
                return mid;
            }
            if (offsets[mid] < t) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return t - offsets[lo] <= offsets[hi] - t ? lo : hi;
    }

    /**
     * Where {@code t} falls on a scrubber over indexes 0..count-1, as a fraction 0..1: interpolated between the
     * two frames around it, so that a marker sits where the thumb would be for that moment.
     */
    static double position(long[] offsets, int count, long t) {
        if (count <= 1) {
            return 0;
        }
        if (t <= offsets[0]) {
            return 0;
        }
        if (t >= offsets[count - 1]) {
            return 1;
        }
        int lo = 0;
        int hi = count - 1;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (offsets[mid] <= t) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        long span = offsets[hi] - offsets[lo];
        double within = span <= 0 ? 0 : (double) (t - offsets[lo]) / span;
        return (lo + within) / (count - 1);
    }
}
