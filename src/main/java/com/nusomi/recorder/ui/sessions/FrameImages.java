package com.nusomi.recorder.ui.sessions;

import com.nusomi.recorder.client.model.FrameImage;
import com.nusomi.recorder.ui.common.FrameDecoding;
import javafx.scene.image.Image;

/** Decoding frame bytes into JavaFX images (off the UI thread) and the caches the film strip keeps them in. */
final class FrameImages {
    /** At most this many decoded previews... */
    static final int MAX_IMAGES = 64;
    /** ...and at most this many bytes of pixels (4 a pixel), less in a small heap ({@link FrameDecoding#pixelBudget}). */
    static final long MAX_PIXEL_BYTES = 256L * 1024 * 1024;
    /** Thumbnails: a strip of 12, and the strip of the session shown before. */
    static final int MAX_THUMBNAILS = 24;

    static final long MAX_THUMBNAIL_BYTES = 16L * 1024 * 1024;

    private FrameImages() {}

    /** {@code frame} decoded {@code width} pixels wide (0: full size). */
    static Image decode(FrameImage frame, int width) {
        return FrameDecoding.decode(frame.bytes(), width, frame.contentType());
    }

    static FrameCache<Image> cache() {
        return new FrameCache<>(MAX_IMAGES, FrameDecoding.pixelBudget(MAX_PIXEL_BYTES), FrameImages::pixelBytes);
    }

    static FrameCache<Image> thumbnailCache() {
        return new FrameCache<>(
                MAX_THUMBNAILS, FrameDecoding.pixelBudget(MAX_THUMBNAIL_BYTES), FrameImages::pixelBytes);
    }

    private static long pixelBytes(Image image) {
        return ((long) Math.max(1, image.getWidth())) * ((long) Math.max(1, image.getHeight())) * 4;
    }
}
