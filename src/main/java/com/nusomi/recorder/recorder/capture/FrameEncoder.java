package com.nusomi.recorder.recorder.capture;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.SinglePixelPackedSampleModel;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Turns a capture into upload bytes: plain RGB ({@code TYPE_INT_RGB}, what the capture gives), blacked-out
 * rectangles, a cheap 64-bit hash of the pixels (to skip identical frames) and JPEG at a chosen quality. One
 * instance per thread (it keeps its JPEG writer and a frame-sized buffer, the frame it encodes next).
 */
public final class FrameEncoder implements AutoCloseable {
    public static final String CONTENT_TYPE = "image/jpeg";

    private final float quality;
    private final ImageWriter writer;
    /** The last frame's pixels as the JPEG writer reads them, reused while the size stays the same. */
    private BufferedImage bgr;

    public FrameEncoder(float quality) {
        if (quality <= 0 || quality > 1) {
            throw new IllegalArgumentException("JPEG quality is in (0, 1]");
        }
        this.quality = quality;
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        if (!writers.hasNext()) {
            throw new IllegalStateException("no JPEG writer in this JVM");
        }
        this.writer = writers.next();
    }

    /** The image as {@code TYPE_INT_RGB}: the same object when it already is, else a copy. */
    public static BufferedImage toRgb(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_RGB) {
            return image;
        }
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        paint(image, rgb);
        return rgb;
    }

    /** A 64-bit hash of the pixels (and size) of a {@code TYPE_INT_RGB} image. */
    public static long pixelHash(BufferedImage rgb) {
        int[] px = ((DataBufferInt) rgb.getRaster().getDataBuffer()).getData();
        long h = 0x9E3779B97F4A7C15L ^ ((long) rgb.getWidth() << 32 | rgb.getHeight());
        for (int v : px) {
            h = (h ^ (v & 0xFFFFFF)) * 0x100000001B3L;
            h ^= h >>> 29;
        }
        return h;
    }

    /** JPEG bytes of a {@code TYPE_INT_RGB} image at this encoder's quality: {@link #take} then {@link #jpeg()}. */
    public byte[] jpeg(BufferedImage rgb) throws IOException {
        take(rgb);
        return jpeg();
    }

    /**
     * Copies the pixels of a {@code TYPE_INT_RGB} image into this encoder's own frame buffer, the layout the JPEG
     * writer reads; {@link #jpeg()} then encodes them. The caller can drop the image before encoding, so that a
     * collection during the encoding (which allocates a row at a time) finds the 8 MB capture dead and need not
     * copy it into a survivor space.
     */
    public void take(BufferedImage rgb) {
        asBgr(rgb);
    }

    /** JPEG bytes, at this encoder's quality, of the pixels last given to {@link #take}. */
    public byte[] jpeg() throws IOException {
        if (bgr == null) {
            throw new IllegalStateException("no pixels taken yet");
        }
        BufferedImage source = bgr;
        ByteArrayOutputStream out =
                new ByteArrayOutputStream(Math.max(16 * 1024, source.getWidth() * source.getHeight() / 8));
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality);
        try (MemoryCacheImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(ios);
            writer.write(null, new IIOImage(source, null, null), param);
        } finally {
            writer.reset();
        }
        return out.toByteArray();
    }

    /**
     * The pixels as {@code TYPE_3BYTE_BGR}, the layout the JPEG writer copies a row at a time. Given any other
     * layout it converts a pixel at a time through freshly allocated arrays: some 25 MB of garbage and most of
     * the encoding time for a 1080p frame. The buffer is kept for the next frame of the same size.
     */
    private BufferedImage asBgr(BufferedImage rgb) {
        int w = rgb.getWidth();
        int h = rgb.getHeight();
        if (bgr == null || bgr.getWidth() != w || bgr.getHeight() != h) {
            bgr = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        }
        byte[] dst = ((DataBufferByte) bgr.getRaster().getDataBuffer()).getData();
        if (isPackedIntRgb(rgb)) {
            int[] src = ((DataBufferInt) rgb.getRaster().getDataBuffer()).getData();
            for (int i = 0, j = 0, n = w * h; i < n; i++, j += 3) {
                int p = src[i];
                dst[j] = (byte) p;
                dst[j + 1] = (byte) (p >> 8);
                dst[j + 2] = (byte) (p >> 16);
            }
        } else {
            paint(rgb, bgr);
        }
        return bgr;
    }

    /** Draws one image onto another of the same size, converting the pixels to the target's layout. */
    private static void paint(BufferedImage from, BufferedImage onto) {
        Graphics2D g = onto.createGraphics();
        try {
            g.drawImage(from, 0, 0, null);
        } finally {
            g.dispose();
        }
    }

    /** TYPE_INT_RGB whose pixels fill its buffer row after row from the start (a capture; not a sub-image). */
    private static boolean isPackedIntRgb(BufferedImage image) {
        WritableRaster r = image.getRaster();
        return image.getType() == BufferedImage.TYPE_INT_RGB
                && r.getSampleModel() instanceof SinglePixelPackedSampleModel sm
                && sm.getScanlineStride() == image.getWidth()
                && r.getSampleModelTranslateX() == 0
                && r.getSampleModelTranslateY() == 0
                && r.getDataBuffer().getOffset() == 0;
    }

    @Override
    public void close() {
        writer.dispose();
    }
}
