package com.nusomi.recorder.ui.common;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javafx.scene.image.Image;

/**
 * Frame images decoded at the width they are drawn at, off the UI thread. JavaFX scales a JPEG while it decodes
 * (libjpeg's scaled decoding by halves, then a resample), so a 1080p frame shown 640 px wide costs a fraction of the
 * full decode, its pixels a ninth of the memory, and the picture needs no scaling each time it is painted. Widths
 * go up in steps of {@value #WIDTH_STEP} px: fewer sizes to cache while a window is resized.
 */
public final class FrameDecoding {
    /** Decoded widths go up in steps of this many pixels. */
    public static final int WIDTH_STEP = 160;

    private FrameDecoding() {}

    /**
     * The width to decode a frame {@code frameWidth} wide (null: unknown) drawn {@code shown} device pixels wide at:
     * the next step up, or 0 for full size (when it is drawn about as wide as it is, or its width is unknown).
     */
    public static int width(Integer frameWidth, double shown) {
        if (frameWidth == null || shown <= 0 || shown >= frameWidth) {
            return 0;
        }
        int w = (int) Math.ceil(shown / WIDTH_STEP) * WIDTH_STEP;
        return w >= frameWidth ? 0 : w;
    }

    /**
     * The bytes of pixels an image cache may keep: {@code cap}, or a quarter of the largest heap this JVM may have,
     * whichever is less (the installers give the app a desktop-sized heap; the caches of decoded frames must fit in
     * it beside everything else).
     */
    public static long pixelBudget(long cap) {
        return Math.min(cap, Runtime.getRuntime().maxMemory() / 4);
    }

    /**
     * Decodes {@code bytes} (of a {@code contentType} image, named in the error) scaled to {@code width} pixels
     * wide, 0 for as they are. Any thread.
     *
     * @throws UncheckedIOException when they are not an image JavaFX can read
     */
    public static Image decode(byte[] bytes, int width, String contentType) {
        Image image = width > 0
                ? new Image(new ByteArrayInputStream(bytes), width, 0, true, true)
                : new Image(new ByteArrayInputStream(bytes));
        if (image.isError()) {
            Exception e = image.getException();
            throw new UncheckedIOException(new IOException(
                    "Could not decode the " + (contentType == null ? "frame" : contentType + " image")
                            + (e != null && e.getMessage() != null ? ": " + e.getMessage() : ""),
                    e));
        }
        return image;
    }
}
