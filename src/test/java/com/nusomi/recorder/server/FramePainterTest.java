package com.nusomi.recorder.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Painting keeps every pixel outside the rectangles in the image's own sample format; inside is opaque black. */
class FramePainterTest {
    private final FramePainter painter = new FramePainter();
    private static final List<RedactionRect> RECTS = List.of(new RedactionRect(2, 1, 3, 2));

    private static boolean inside(int x, int y) {
        return x >= 2 && x < 5 && y >= 1 && y < 3;
    }

    @Test
    void aPaletteWithoutBlackBecomesTrueColourWithTheSameColoursOutside() {
        byte[] reds = {(byte) 200, 10};
        byte[] greens = {30, (byte) 220};
        byte[] blues = {40, 50};
        BufferedImage img = new BufferedImage(
                8, 4, BufferedImage.TYPE_BYTE_INDEXED, new IndexColorModel(8, 2, reds, greens, blues));
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 8; x++) {
                img.getRaster().setSample(x, y, 0, (x + y) % 2);
            }
        }

        BufferedImage after = TestImages.decode(
                painter.paint("image/png", TestImages.encode(img, "png"), RECTS).bytes());

        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 8; x++) {
                assertThat(after.getRGB(x, y))
                        .as("pixel %d,%d", x, y)
                        .isEqualTo(inside(x, y) ? 0xff000000 : img.getRGB(x, y));
            }
        }
    }

    @Test
    void aSixteenBitGreyImageKeepsItsSamplesOutside() {
        BufferedImage img = new BufferedImage(8, 4, BufferedImage.TYPE_USHORT_GRAY);
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 8; x++) {
                img.getRaster().setSample(x, y, 0, 1000 + 7919 * (x + 8 * y));
            }
        }

        FramePainter.Painted painted = painter.paint("image/png", TestImages.encode(img, "png"), RECTS);
        BufferedImage after = TestImages.decode(painted.bytes());

        assertThat(after.getType()).isEqualTo(BufferedImage.TYPE_USHORT_GRAY);
        assertThat(painted.width()).isEqualTo(8);
        assertThat(painted.height()).isEqualTo(4);
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 8; x++) {
                assertThat(after.getRaster().getSample(x, y, 0))
                        .as("sample %d,%d", x, y)
                        .isEqualTo(inside(x, y) ? 0 : img.getRaster().getSample(x, y, 0));
            }
        }
    }

    @Test
    void translucentPixelsInsideBecomeOpaqueBlackAndOutsideKeepTheirAlpha() {
        BufferedImage img = new BufferedImage(8, 4, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 8; x++) {
                img.setRGB(x, y, (20 * x + 10) << 24 | 0x3366cc);
            }
        }

        BufferedImage after = TestImages.decode(
                painter.paint("image/png", TestImages.encode(img, "png"), RECTS).bytes());

        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 8; x++) {
                assertThat(after.getRGB(x, y))
                        .as("pixel %d,%d", x, y)
                        .isEqualTo(inside(x, y) ? 0xff000000 : img.getRGB(x, y));
            }
        }
    }

    @Test
    void aWebpCannotBePainted() {
        assertThat(FramePainter.canPaint("image/webp")).isFalse();
        assertThatThrownBy(() -> painter.paint("image/webp", new byte[40], RECTS))
                .isInstanceOf(FramePainter.CannotPaint.class);
    }
}
