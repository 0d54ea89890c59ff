package com.nusomi.recorder.server;

/** A rectangle in frame pixels: the part of an image a redaction paints black. */
record RedactionRect(int x, int y, int width, int height) {

    /** This rectangle cut to an image of this size; null when none of it falls on the image. */
    RedactionRect clip(int imageWidth, int imageHeight) {
        long right = Math.min((long) x + width, imageWidth);
        long bottom = Math.min((long) y + height, imageHeight);
        if (x >= imageWidth || y >= imageHeight || right <= x || bottom <= y) {
            return null;
        }
        return new RedactionRect(x, y, (int) (right - x), (int) (bottom - y));
    }

    boolean contains(RedactionRect r) {
        return r.x >= x
                && r.y >= y
                && (long) r.x + r.width <= (long) x + width
                && (long) r.y + r.height <= (long) y + height;
    }
}
