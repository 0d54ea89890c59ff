package com.nusomi.recorder.recorder.capture;

import java.awt.Graphics2D;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.Raster;
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
    private BufferedImage rows;
    /** The JPEG of the frame being encoded, reused: only the finished bytes are copied out. */
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);

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
     * writer reads; {@link #jpeg()} then encodes them. The caller can drop or reuse the image before encoding
     * (a collection during the encoding then finds an 8 MB capture dead, or the next capture can go on).
     */
    public void take(BufferedImage rgb) {
        asRows(rgb);
    }

    /** JPEG bytes, at this encoder's quality, of the pixels last given to {@link #take}. */
    public byte[] jpeg() throws IOException {
        if (rows == null) {
            throw new IllegalStateException("no pixels taken yet");
        }
        BufferedImage source = rows;
        out.reset();
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
     * The pixels as the JPEG writer's own row buffer lays them out: three bytes a pixel, red first. The writer copies
     * each row of its source into that buffer, with one {@code System.arraycopy} when the layouts match; from any
     * other (even {@code TYPE_3BYTE_BGR}, blue first) it goes through a fresh array per row, a pixel and a band at a
     * time: 6 MB of garbage and some 40% of the encoding time for a 1080p frame. The same JPEG bytes either way. The
     * buffer is kept for the next frame of the same size.
     */
    private BufferedImage asRows(BufferedImage rgb) {
        int w = rgb.getWidth();
        int h = rgb.getHeight();
        if (rows == null || rows.getWidth() != w || rows.getHeight() != h) {
            rows = null; // the old one is garbage before the new one is made
            rows = redFirstBytes(w, h);
        }
        byte[] dst = ((DataBufferByte) rows.getRaster().getDataBuffer()).getData();
        if (isPackedIntRgb(rgb)) {
            int[] src = ((DataBufferInt) rgb.getRaster().getDataBuffer()).getData();
            for (int i = 0, j = 0, n = w * h; i < n; i++, j += 3) {
                int p = src[i];
                dst[j] = (byte) (p >> 16);
                dst[j + 1] = (byte) (p >> 8);
                dst[j + 2] = (byte) p;
            }
        } else {
            paint(rgb, rows);
        }
        return rows;
    }

    /** An opaque sRGB image of interleaved bytes in the order red, green, blue. */
    private static BufferedImage redFirstBytes(int w, int h) {
        ComponentColorModel model = new ComponentColorModel(
                ColorSpace.getInstance(ColorSpace.CS_sRGB),
                new int[] {8, 8, 8},
                false,
                false,
                Transparency.OPAQUE,
                DataBuffer.TYPE_BYTE);
        WritableRaster raster =
                Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, w, h, w * 3, 3, new int[] {0, 1, 2}, null);
        return new BufferedImage(model, raster, false, null);
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
