package com.nusomi.recorder.server;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.ImageIO;

/** Frame images for tests: every pixel different from its neighbours, so a change anywhere shows. */
final class TestImages {
    private TestImages() {}

    /** An image of random colours (no pixel black), the same for the same seed. */
    static BufferedImage noise(int width, int height, long seed) {
        Random random = new Random(seed);
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                img.setRGB(x, y, 0x404040 | random.nextInt(0x1000000));
            }
        }
        return img;
    }

    /** A smooth image (gradients, no pixel dark): what a JPEG keeps well. */
    static BufferedImage gradient(int width, int height) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int r = 96 + 128 * x / width;
                int g = 96 + 128 * y / height;
                int b = 160;
                img.setRGB(x, y, r << 16 | g << 8 | b);
            }
        }
        return img;
    }

    static byte[] encode(BufferedImage img, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(img, format, out)) {
                throw new IllegalStateException("no " + format + " writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static BufferedImage decode(byte[] bytes) {
        try {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(bytes));
            if (img == null) {
                throw new IllegalStateException("not an image");
            }
            return img;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The largest difference of one colour channel between two pixels (ARGB). */
    static int channelDistance(int a, int b) {
        int max = 0;
        for (int shift = 0; shift <= 24; shift += 8) {
            max = Math.max(max, Math.abs((a >> shift & 0xff) - (b >> shift & 0xff)));
        }
        return max;
    }
}
