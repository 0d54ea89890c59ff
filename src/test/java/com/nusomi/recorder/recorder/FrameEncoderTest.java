package com.nusomi.recorder.recorder;

import static org.assertj.core.api.Assertions.assertThat;

import com.nusomi.recorder.recorder.capture.FrameEncoder;
import com.nusomi.recorder.recorder.capture.ScreenSelection;
import com.nusomi.recorder.recorder.capture.SyntheticScreenSource;
import java.awt.Color;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class FrameEncoderTest {

    @Test
    void imagesWithAlphaAreConvertedToPlainRgb() {
        BufferedImage argb = new BufferedImage(10, 10, BufferedImage.TYPE_INT_ARGB);
        BufferedImage rgb = FrameEncoder.toRgb(argb);
        assertThat(rgb.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        assertThat(FrameEncoder.toRgb(rgb)).isSameAs(rgb);
    }

    @Test
    void blackOutUsesDesktopCoordinatesOfTheCapturedArea() {
        BufferedImage img = filled(100, 50, Color.WHITE);
        // the captured monitor sits right of a 1920 px one
        FrameEncoder.blackOut(img, new Rectangle(1920, 0, 100, 50), List.of(new Rectangle(1900, 10, 40, 10),
                new Rectangle(0, 0, 500, 500)));
        assertThat(img.getRGB(5, 15) & 0xFFFFFF).isZero();
        assertThat(img.getRGB(25, 15) & 0xFFFFFF).isEqualTo(0xFFFFFF);
        assertThat(img.getRGB(5, 5) & 0xFFFFFF).isEqualTo(0xFFFFFF);
    }

    @Test
    void pixelHashIsEqualForEqualPicturesAndDiffersOtherwise() {
        SyntheticScreenSource screen = new SyntheticScreenSource(64, 48, false);
        long a = FrameEncoder.pixelHash(screen.capture(ScreenSelection.all()).image());
        long b = FrameEncoder.pixelHash(screen.capture(ScreenSelection.all()).image());
        screen.advance();
        long c = FrameEncoder.pixelHash(screen.capture(ScreenSelection.all()).image());
        assertThat(a).isEqualTo(b).isNotEqualTo(c);
        BufferedImage one = filled(10, 10, Color.WHITE);
        BufferedImage other = filled(10, 10, Color.WHITE);
        other.setRGB(9, 9, 0xFFFFFE);
        assertThat(FrameEncoder.pixelHash(one)).isNotEqualTo(FrameEncoder.pixelHash(other));
    }

    @Test
    void jpegDecodesToTheSameSize() throws Exception {
        try (FrameEncoder enc = new FrameEncoder(0.5f)) {
            byte[] jpeg = enc.jpeg(filled(320, 200, Color.ORANGE));
            BufferedImage back = ImageIO.read(new ByteArrayInputStream(jpeg));
            assertThat(back.getWidth()).isEqualTo(320);
            assertThat(back.getHeight()).isEqualTo(200);
            assertThat(jpeg[0] & 0xff).isEqualTo(0xFF);
            assertThat(jpeg[1] & 0xff).isEqualTo(0xD8);
        }
    }

    private static BufferedImage filled(int w, int h, Color c) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = img.createGraphics();
        g.setColor(c);
        g.fillRect(0, 0, w, h);
        g.dispose();
        return img;
    }
}
