package com.nusomi.recorder.recorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nusomi.recorder.recorder.capture.FrameEncoder;
import com.nusomi.recorder.recorder.capture.MaskPlan;
import com.nusomi.recorder.recorder.capture.ScreenSelection;
import com.nusomi.recorder.recorder.capture.SyntheticScreenSource;
import com.sun.management.ThreadMXBean;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.assertj.core.data.Offset;
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
    void masksUseDesktopCoordinatesOfTheCapturedArea() {
        BufferedImage img = filled(100, 50, Color.WHITE);
        // the captured monitor sits right of a 1920 px one
        new MaskPlan(List.of(new Rectangle(1900, 10, 40, 10), new Rectangle(0, 0, 500, 500)), false, null, 0)
                .paint(img, new Rectangle(1920, 0, 100, 50));
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

    @Test
    void jpegKeepsEachColourChannelWhereItWas() throws Exception {
        BufferedImage img = quarters(200, 100);
        try (FrameEncoder enc = new FrameEncoder(0.9f)) {
            assertQuarters(ImageIO.read(new ByteArrayInputStream(enc.jpeg(img))), 200, 100);
        }
    }

    @Test
    void aSubImageAndFramesOfAnotherSizeAreEncodedWhole() throws Exception {
        BufferedImage big = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = big.createGraphics();
        g.drawImage(quarters(200, 100), 50, 40, null);
        g.dispose();
        try (FrameEncoder enc = new FrameEncoder(0.9f)) {
            enc.jpeg(filled(320, 200, Color.ORANGE));
            // a view into a larger buffer (not packed from its start), then a smaller frame: same encoder
            assertQuarters(
                    ImageIO.read(new ByteArrayInputStream(enc.jpeg(big.getSubimage(50, 40, 200, 100)))), 200, 100);
            BufferedImage small = ImageIO.read(new ByteArrayInputStream(enc.jpeg(filled(64, 32, Color.BLUE))));
            assertThat(small.getWidth()).isEqualTo(64);
            assertClose(small.getRGB(32, 16), 0x0000FF);
        }
    }

    @Test
    void encodesThePixelsItTookAfterTheImageIsChanged() throws Exception {
        BufferedImage img = quarters(200, 100);
        try (FrameEncoder enc = new FrameEncoder(0.9f)) {
            assertThatThrownBy(enc::jpeg).isInstanceOf(IllegalStateException.class);
            enc.take(img);
            // the capture's buffer is the caller's to drop or reuse once taken
            Graphics2D g = img.createGraphics();
            g.setColor(Color.BLACK);
            g.fillRect(0, 0, 200, 100);
            g.dispose();
            assertQuarters(ImageIO.read(new ByteArrayInputStream(enc.jpeg())), 200, 100);
        }
    }

    @Test
    void jpegIsWhatImageIoWritesOfThePictureAtTheSameQuality() throws Exception {
        BufferedImage picture = busy(640, 400);
        BufferedImage bgr = new BufferedImage(640, 400, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = bgr.createGraphics();
        g.drawImage(picture, 0, 0, null);
        g.dispose();
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.7f);
        try (MemoryCacheImageOutputStream ios = new MemoryCacheImageOutputStream(plain)) {
            writer.setOutput(ios);
            writer.write(null, new IIOImage(bgr, null, null), param);
        } finally {
            writer.dispose();
        }
        try (FrameEncoder enc = new FrameEncoder(0.7f)) {
            enc.jpeg(filled(640, 400, Color.ORANGE)); // a frame before: nothing of it is left in the next
            assertThat(enc.jpeg(picture)).isEqualTo(plain.toByteArray());
        }
    }

    @Test
    void encodingAFrameMakesLittleGarbageBesideItsJpeg() throws Exception {
        BufferedImage picture = busy(1920, 1080);
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        try (FrameEncoder enc = new FrameEncoder(0.7f)) {
            enc.jpeg(picture); // the first frame makes the encoder's buffers
            long before = threads.getThreadAllocatedBytes(id);
            byte[] jpeg = enc.jpeg(picture);
            long allocated = threads.getThreadAllocatedBytes(id) - before;
            // the JDK's writer, fed another layout than its own rows, makes a fresh array per row: 6 MB a frame
            assertThat(allocated)
                    .as("bytes allocated to encode a 1080p frame into %d bytes of JPEG", jpeg.length)
                    .isLessThan(jpeg.length + 1024L * 1024);
        }
    }

    /** Coloured boxes and lines of text: a picture whose JPEG is not trivial. */
    private static BufferedImage busy(int w, int h) {
        BufferedImage img = filled(w, h, Color.WHITE);
        Graphics2D g = img.createGraphics();
        Random random = new Random(7);
        for (int i = 0; i < 200; i++) {
            g.setColor(new Color(random.nextInt(0xFFFFFF)));
            g.fillRect(random.nextInt(w), random.nextInt(h), random.nextInt(w / 4), random.nextInt(h / 4));
        }
        g.setColor(Color.BLACK);
        for (int y = 12; y < h; y += 16) {
            g.drawString("Invoice 2026-" + y + " approved by anna@acme.com", 4 + y % 40, y);
        }
        g.dispose();
        return img;
    }

    /** Red, green, blue and white quarters (top left, top right, bottom left, bottom right). */
    private static BufferedImage quarters(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, w / 2, h / 2);
        g.setColor(Color.GREEN);
        g.fillRect(w / 2, 0, w / 2, h / 2);
        g.setColor(Color.BLUE);
        g.fillRect(0, h / 2, w / 2, h / 2);
        g.setColor(Color.WHITE);
        g.fillRect(w / 2, h / 2, w / 2, h / 2);
        g.dispose();
        return img;
    }

    private static void assertQuarters(BufferedImage back, int w, int h) {
        assertThat(back.getWidth()).isEqualTo(w);
        assertThat(back.getHeight()).isEqualTo(h);
        assertClose(back.getRGB(w / 4, h / 4), 0xFF0000);
        assertClose(back.getRGB(3 * w / 4, h / 4), 0x00FF00);
        assertClose(back.getRGB(w / 4, 3 * h / 4), 0x0000FF);
        assertClose(back.getRGB(3 * w / 4, 3 * h / 4), 0xFFFFFF);
    }

    /** Each channel within JPEG's error of the expected colour. */
    private static void assertClose(int argb, int rgb) {
        for (int shift = 0; shift <= 16; shift += 8) {
            assertThat((argb >> shift) & 0xFF)
                    .as("channel at bit %d of %06x", shift, argb & 0xFFFFFF)
                    .isCloseTo((rgb >> shift) & 0xFF, Offset.offset(24));
        }
    }

    private static BufferedImage filled(int w, int h, Color c) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(c);
        g.fillRect(0, 0, w, h);
        g.dispose();
        return img;
    }
}
