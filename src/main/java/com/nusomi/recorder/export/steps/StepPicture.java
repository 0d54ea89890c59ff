package com.nusomi.recorder.export.steps;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * A step's picture as a guide shows it: the frame (cropped around the click when asked), scaled down to at most
 * {@code maxWidth} pixels wide, the ring drawn at the click, encoded as a JPEG. {@code ringX}/{@code ringY} say where
 * the ring is in the result (-1 when there is none).
 */
// the JPEG bytes are handed to a writer once; copying them would only cost memory
@SuppressWarnings("ArrayRecordComponent")
public record StepPicture(byte[] jpeg, int width, int height, int ringX, int ringY) {
    /**
     * How much of the frame a cropped picture keeps around the click, in frame pixels; never more than half of each
     * side, so that a small frame is cropped too.
     */
    public static final int CROP_WIDTH = 800;

    /** The height kept around the click, in frame pixels. */
    public static final int CROP_HEIGHT = 500;

    private static final float QUALITY = 0.8f;

    /**
     * Renders {@code step}'s frame from its image bytes; null when the bytes are not a picture ImageIO reads.
     */
    public static StepPicture render(Step step, byte[] frameBytes, boolean crop, int maxWidth) throws IOException {
        BufferedImage frame = ImageIO.read(new ByteArrayInputStream(frameBytes));
        if (frame == null) {
            return null;
        }
        int fx = 0;
        int fy = 0;
        int fw = frame.getWidth();
        int fh = frame.getHeight();
        boolean ring = step.hasClickPoint()
                && step.x() >= 0
                && step.y() >= 0
                && step.x() < frame.getWidth()
                && step.y() < frame.getHeight();
        if (crop && ring) {
            fw = Math.max(1, Math.min(CROP_WIDTH, frame.getWidth() / 2));
            fh = Math.max(1, Math.min(CROP_HEIGHT, frame.getHeight() / 2));
            fx = clamp(step.x() - fw / 2, frame.getWidth() - fw);
            fy = clamp(step.y() - fh / 2, frame.getHeight() - fh);
        }
        double scale = Math.min(1.0, maxWidth / (double) fw);
        int w = Math.max(1, (int) Math.round(fw * scale));
        int h = Math.max(1, (int) Math.round(fh * scale));
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(frame, 0, 0, w, h, fx, fy, fx + fw, fy + fh, null);
            int rx = -1;
            int ry = -1;
            if (ring) {
                rx = (int) Math.round((step.x() - fx + 0.5) * scale);
                ry = (int) Math.round((step.y() - fy + 0.5) * scale);
                ClickRing.draw(g, rx, ry, 1.0);
            }
            return new StepPicture(jpeg(out), w, h, rx, ry);
        } finally {
            g.dispose();
        }
    }

    private static int clamp(int v, int max) {
        return Math.max(0, Math.min(v, max));
    }

    /** Encodes a picture as a JPEG of quality 0.8. */
    public static byte[] jpeg(BufferedImage image) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        ImageWriter writer = writers.next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam p = writer.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(QUALITY);
            writer.write(null, new IIOImage(image, null, null), p);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
