package com.nusomi.recorder.ui.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javafx.scene.image.Image;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class FrameDecodingTest {

    @Test
    void decodesAtTheNextStepAboveTheWidthDrawn() {
        assertThat(FrameDecoding.width(1920, 600)).isEqualTo(640);
        assertThat(FrameDecoding.width(1920, 640)).isEqualTo(640);
        assertThat(FrameDecoding.width(1920, 641)).isEqualTo(800);
        assertThat(FrameDecoding.width(1920, 90)).isEqualTo(160);
    }

    @Test
    void decodesAtFullSizeWhenDrawnAboutAsWideOrTheWidthIsUnknown() {
        assertThat(FrameDecoding.width(1920, 1800))
                .as("the step above is the frame")
                .isEqualTo(0);
        assertThat(FrameDecoding.width(1920, 2400)).as("drawn wider").isEqualTo(0);
        assertThat(FrameDecoding.width(null, 600)).as("width unknown").isEqualTo(0);
        assertThat(FrameDecoding.width(1920, 0)).as("not laid out yet").isEqualTo(0);
        assertThat(FrameDecoding.width(100, 40))
                .as("a frame narrower than a step")
                .isEqualTo(0);
    }

    @Test
    void decodesScaledKeepingTheAspectRatio() throws IOException {
        BufferedImage img = new BufferedImage(1280, 720, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "jpg", out);
        Image scaled = FrameDecoding.decode(out.toByteArray(), 320, "image/jpeg");
        assertThat(scaled.getWidth()).isEqualTo(320);
        assertThat(scaled.getHeight()).isEqualTo(180);
        assertThat(FrameDecoding.decode(out.toByteArray(), 0, "image/jpeg").getWidth())
                .isEqualTo(1280);
    }

    @Test
    void bytesThatAreNoImageFailWithTheContentType() {
        assertThatThrownBy(() -> FrameDecoding.decode(new byte[] {1, 2, 3}, 0, "image/jpeg"))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("Could not decode the image/jpeg image");
    }

    @Test
    void theImageCachesTakeAQuarterOfASmallHeapAtMost() {
        long quarter = Runtime.getRuntime().maxMemory() / 4;
        assertThat(FrameDecoding.pixelBudget(Long.MAX_VALUE)).isEqualTo(quarter);
        assertThat(FrameDecoding.pixelBudget(quarter - 1))
                .as("a cap below it stays")
                .isEqualTo(quarter - 1);
    }
}
