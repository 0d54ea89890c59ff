package com.nusomi.recorder.server;

import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Semaphore;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Paints rectangles opaque black on a frame image and encodes it again in its own format: a PNG losslessly (every
 * pixel outside the rectangles keeps its value), a JPEG at quality {@value #JPEG_QUALITY}. Pixels are set in the
 * image's own sample format (8 or 16 bits, grey or colour, with or without alpha); a palette image without opaque
 * black becomes true colour. The JDK has no WebP codec, and its JPEG reader decodes no CMYK image to colours: such
 * frames cannot be painted ({@link CannotPaint}).
 *
 * <p>A frame is decoded whole (up to 50,000,000 pixels, some 200 MB), so one frame is painted at a time in the
 * whole server: concurrent redactions queue here rather than each holding an image.
 */
final class FramePainter {
    static final float JPEG_QUALITY = 0.95f;
    private static final int OPAQUE_BLACK = 0xff000000;

    private final Semaphore oneAtATime = new Semaphore(1);

    /** A painted image: its new bytes and its size in pixels. */
    // the array is a payload handed over without copying; changing the record would be invasive
    @SuppressWarnings("ArrayRecordComponent")
    record Painted(byte[] bytes, int width, int height) {}

    /** An image this painter cannot paint (a WebP, a CMYK JPEG); the message says why, for the client. */
    static final class CannotPaint extends RuntimeException {
        CannotPaint(String message) {
            super(message, null, false, false);
        }
    }

    static boolean canPaint(String contentType) {
        return "image/png".equals(contentType) || "image/jpeg".equals(contentType);
    }

    /** The image with each rectangle (clipped to it) painted opaque black, encoded in its own format. */
    Painted paint(String contentType, byte[] image, List<RedactionRect> rects) {
        String format = switch (contentType) {
            case "image/png" -> "png";
            case "image/jpeg" -> "jpeg";
            default -> throw new CannotPaint("the JDK has no codec for " + contentType);
        };
        oneAtATime.acquireUninterruptibly();
        try {
            BufferedImage decoded = decode(format, image);
            BufferedImage img = decoded.getColorModel() instanceof IndexColorModel icm && blackIndex(icm) < 0
                    ? trueColour(decoded)
                    : decoded;
            for (RedactionRect r : rects) {
                RedactionRect clipped = r.clip(img.getWidth(), img.getHeight());
                if (clipped != null) {
                    fillBlack(img, clipped);
                }
            }
            return new Painted(encode(format, img), img.getWidth(), img.getHeight());
        } finally {
            oneAtATime.release();
        }
    }

    private static BufferedImage decode(String format, byte[] bytes) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
        if (!readers.hasNext()) {
            throw new IllegalStateException("no " + format + " reader");
        }
        ImageReader reader = readers.next();
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, true, true);
            return reader.read(0);
        } catch (IOException e) {
            // It passed the upload's checks, so it is whole: a colour model the reader cannot convert (CMYK).
            throw new CannotPaint("the " + format + " reader cannot decode it to colours (" + e.getMessage() + ")");
        } finally {
            reader.dispose();
        }
    }

    /** The palette entry that is opaque black, or -1. */
    private static int blackIndex(IndexColorModel icm) {
        for (int i = 0; i < icm.getMapSize(); i++) {
            if (icm.getRGB(i) == OPAQUE_BLACK) {
                return i;
            }
        }
        return -1;
    }

    private static BufferedImage trueColour(BufferedImage img) {
        int type = img.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        BufferedImage out = new BufferedImage(img.getWidth(), img.getHeight(), type);
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                out.setRGB(x, y, img.getRGB(x, y));
            }
        }
        return out;
    }

    /** Sets every pixel of the rectangle to the image's own encoding of opaque black. */
    private static void fillBlack(BufferedImage img, RedactionRect r) {
        ColorModel cm = img.getColorModel();
        WritableRaster raster = img.getRaster();
        Object black = cm instanceof IndexColorModel icm
                ? cm.getDataElements(icm.getRGB(blackIndex(icm)), null)
                : cm.getDataElements(OPAQUE_BLACK, null);
        for (int y = r.y(); y < r.y() + r.height(); y++) {
            for (int x = r.x(); x < r.x() + r.width(); x++) {
                raster.setDataElements(x, y, black);
            }
        }
    }

    private static byte[] encode(String format, BufferedImage img) {
        BufferedImage out = "jpeg".equals(format) ? jpegReady(img) : img;
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream stream = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if ("jpeg".equals(format)) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(JPEG_QUALITY);
            }
            writer.write(null, new IIOImage(out, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("a painted " + format + " frame could not be encoded", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** What the JPEG writer takes: 8-bit grey or RGB without alpha. */
    private static BufferedImage jpegReady(BufferedImage img) {
        int type = img.getType();
        if (type == BufferedImage.TYPE_3BYTE_BGR
                || type == BufferedImage.TYPE_BYTE_GRAY
                || type == BufferedImage.TYPE_INT_RGB) {
            return img;
        }
        BufferedImage out = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                out.setRGB(x, y, img.getRGB(x, y));
            }
        }
        return out;
    }
}
