package com.nusomi.recorder.client.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Body of {@code POST /v1/sessions/{id}/frames:redact} [ext]: the frames from {@code fromSeq} to {@code toSeq}
 * (inclusive) on which to paint the rectangles black, and an optional reason kept in the audit log. Checked here as
 * the contract says, so that a request built from input fails before it is sent: {@code toSeq − fromSeq} below
 * {@value #MAX_SPAN}, 1 to {@value #MAX_RECTS} rectangles, a reason of at most {@value #MAX_REASON} characters.
 *
 * <pre>{@code
 * FrameRedaction r = FrameRedaction.of(3, 9, List.of(new FrameRedaction.Rect(40, 120, 600, 80)))
 *         .withReason("card number visible");
 * }</pre>
 */
public final class FrameRedaction {
    /** {@code toSeq − fromSeq} stays below this: at most this many frames a call. */
    public static final long MAX_SPAN = 10_000;
    /** The most rectangles a call paints. */
    public static final int MAX_RECTS = 50;
    /** The longest reason, in characters. */
    public static final int MAX_REASON = 500;

    /**
     * A rectangle in frame pixels: {@code x}, {@code y} ≥ 0 from the image's top left, {@code width}, {@code height}
     * ≥ 1; the server clips it to each image.
     */
    public record Rect(int x, int y, int width, int height) {
        public Rect {
            if (x < 0 || y < 0 || width < 1 || height < 1) {
                throw new IllegalArgumentException("a rectangle needs x, y >= 0 and width, height >= 1, not " + x + ","
                        + y + "," + width + "," + height);
            }
        }

        /**
         * Reads {@code X,Y,W,H} (four whole numbers, as the command line takes them).
         *
         * @throws IllegalArgumentException naming what is wrong
         */
        public static Rect parse(String text) {
            String[] parts = text == null ? new String[0] : text.split(",", -1);
            if (parts.length != 4) {
                throw new IllegalArgumentException("a rectangle is X,Y,W,H (four whole numbers), not '" + text + "'");
            }
            int[] v = new int[4];
            for (int i = 0; i < 4; i++) {
                try {
                    v[i] = Integer.parseInt(parts[i].trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(
                            "a rectangle is X,Y,W,H (four whole numbers), not '" + text + "'", e);
                }
            }
            return new Rect(v[0], v[1], v[2], v[3]);
        }
    }

    private final long fromSeq;
    private final long toSeq;
    private final List<Rect> rects;
    private final String reason;

    private FrameRedaction(long fromSeq, long toSeq, List<Rect> rects, String reason) {
        Objects.requireNonNull(rects, "rects");
        if (fromSeq < 0 || toSeq < fromSeq) {
            throw new IllegalArgumentException(
                    "the range must run from a seq >= 0 to one not below it, not " + fromSeq + ".." + toSeq);
        }
        if (toSeq - fromSeq >= MAX_SPAN) {
            throw new IllegalArgumentException("at most " + MAX_SPAN + " frames a call, not " + (toSeq - fromSeq + 1));
        }
        if (rects.isEmpty() || rects.size() > MAX_RECTS) {
            throw new IllegalArgumentException("1 to " + MAX_RECTS + " rectangles, not " + rects.size());
        }
        if (reason != null && reason.codePointCount(0, reason.length()) > MAX_REASON) {
            throw new IllegalArgumentException("the reason is at most " + MAX_REASON + " characters");
        }
        this.fromSeq = fromSeq;
        this.toSeq = toSeq;
        this.rects = List.copyOf(new ArrayList<>(rects));
        this.reason = reason;
    }

    /**
     * Paints {@code rects} on the frames from {@code fromSeq} to {@code toSeq}, inclusive.
     *
     * @throws IllegalArgumentException when the range or the rectangles break the contract's rules
     */
    public static FrameRedaction of(long fromSeq, long toSeq, List<Rect> rects) {
        return new FrameRedaction(fromSeq, toSeq, rects, null);
    }

    /** The same redaction with a reason for the audit log (blank for none). */
    public FrameRedaction withReason(String reason) {
        return new FrameRedaction(fromSeq, toSeq, rects, reason == null || reason.isBlank() ? null : reason);
    }

    public long fromSeq() {
        return fromSeq;
    }

    public long toSeq() {
        return toSeq;
    }

    public List<Rect> rects() {
        return rects;
    }

    /** The reason, or null. */
    public String reason() {
        return reason;
    }

    @Override
    public String toString() {
        return "FrameRedaction{" + fromSeq + ".." + toSeq + ", rects=" + rects + ", reason=" + reason + "}";
    }
}
