package com.nusomi.recorder.ui.sessions;

import com.nusomi.recorder.client.model.FrameImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javafx.scene.image.Image;

/** Decoding frame bytes into JavaFX images (off the UI thread) and the cache the film strip keeps them in. */
final class FrameImages {
    /** At most this many decoded images... */
    static final int MAX_IMAGES = 64;
    /** ...and at most this many bytes of pixels (4 a pixel). */
    static final long MAX_PIXEL_BYTES = 256L * 1024 * 1024;

    private FrameImages() {}

    static Image decode(FrameImage frame) {
        Image image = new Image(new ByteArrayInputStream(frame.bytes()));
        if (image.isError()) {
            Exception e = image.getException();
            throw new UncheckedIOException(new IOException(
                    "Could not decode the "
                            + frame.contentType() + " image"
                            + (e != null && e.getMessage() != null ? ": " + e.getMessage() : ""),
                    e));
        }
        return image;
    }

    static FrameCache<Image> cache() {
        return new FrameCache<>(
                MAX_IMAGES,
                MAX_PIXEL_BYTES,
                image -> ((long) Math.max(1, image.getWidth())) * ((long) Math.max(1, image.getHeight())) * 4);
    }
}
