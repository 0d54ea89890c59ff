package com.nusomi.recorder.server;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Checks that frame bytes are a whole image of the type their Content-Type says, as the contract asks: the header
 * parsed, width and height each 1–16,384 and at most 50,000,000 pixels, and the image complete.
 *
 * <p>The order keeps a hostile upload cheap: first the file's structure (its signature, and its end: a JPEG's EOI
 * marker, a PNG's IEND chunk, a WebP's RIFF size); then the dimensions, read from the header by ImageIO's reader
 * ({@code getWidth}/{@code getHeight}, which decode nothing); and only then a decode of the whole image, subsampled
 * so that the bitmap it makes has at most {@value #DECODED_PIXELS} pixels whatever the image's size. A
 * decompression bomb (30,000 × 30,000 in a few hundred kilobytes) is refused on its header, before any pixel.
 * WebP has no decoder in the JDK: its structure and header are checked, not its pixels.
 */
record ImageInfo(int width, int height) {
    static final int MAX_SIDE = 16_384;
    static final long MAX_PIXELS = 50_000_000L;
    /**
     * The largest bitmap a check decodes to (some 256 KB), by subsampling. The decoder still reads all of the image's
     * coded data whatever the subsampling; what it keeps is all that this bounds (for a 1080p frame, 0.4 MB of garbage
     * a check against 1.8 MB at a million pixels, for the same CPU).
     */
    static final long DECODED_PIXELS = 65_536L;
    /**
     * A progressive JPEG makes libjpeg keep every coefficient of the image (some 6 bytes a pixel) whatever the
     * subsampling; above this many pixels its scans are checked for structure only.
     */
    static final long PROGRESSIVE_DECODED_PIXELS = 8_000_000L;

    /** Why bytes are not an acceptable frame; the message goes to the client. */
    static final class Invalid extends Exception {
        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    /** The image's size, or {@link Invalid} saying why the bytes are not a whole image of that type. */
    static ImageInfo check(String contentType, byte[] b) throws Invalid {
        return switch (contentType) {
            case "image/png" -> png(b);
            case "image/jpeg" -> jpeg(b);
            case "image/webp" -> webp(b);
            default -> throw new Invalid("frames are image/jpeg, image/png or image/webp");
        };
    }

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    /** A PNG's last chunk: length 0, "IEND", and its CRC. */
    private static final byte[] PNG_END = {0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte) 0xae, 0x42, 0x60, (byte) 0x82};

    private static ImageInfo png(byte[] b) throws Invalid {
        if (b.length < PNG_SIGNATURE.length + 25 + PNG_END.length || !startsWith(b, PNG_SIGNATURE)) {
            throw new Invalid("the body is not a PNG image");
        }
        if (!endsWith(b, PNG_END)) {
            throw new Invalid("the PNG image is incomplete: it does not end with its IEND chunk");
        }
        return decode(b, "png", false);
    }

    private static ImageInfo jpeg(byte[] b) throws Invalid {
        if (b.length < 4 || (b[0] & 0xff) != 0xff || (b[1] & 0xff) != 0xd8 || (b[2] & 0xff) != 0xff) {
            throw new Invalid("the body is not a JPEG image");
        }
        if ((b[b.length - 2] & 0xff) != 0xff || (b[b.length - 1] & 0xff) != 0xd9) {
            throw new Invalid("the JPEG image is incomplete: it does not end with its end marker (FF D9)");
        }
        return decode(b, "jpeg", isProgressiveJpeg(b));
    }

    private static ImageInfo webp(byte[] b) throws Invalid {
        if (b.length < 30
                || b[0] != 'R'
                || b[1] != 'I'
                || b[2] != 'F'
                || b[3] != 'F'
                || b[8] != 'W'
                || b[9] != 'E'
                || b[10] != 'B'
                || b[11] != 'P') {
            throw new Invalid("the body is not a WebP image");
        }
        long riffSize = le32(b, 4);
        if (riffSize + 8 != b.length) {
            throw new Invalid("the WebP image is incomplete or has trailing bytes: its RIFF size says " + (riffSize + 8)
                    + " bytes, the body has " + b.length);
        }
        String chunk = new String(b, 12, 4, StandardCharsets.US_ASCII);
        int width;
        int height;
        if (chunk.equals("VP8X")) {
            width = 1 + le24(b, 24);
            height = 1 + le24(b, 27);
        } else if (chunk.equals("VP8L") && (b[20] & 0xff) == 0x2f) {
            int bits = (b[21] & 0xff) | (b[22] & 0xff) << 8 | (b[23] & 0xff) << 16 | (b[24] & 0xff) << 24;
            width = 1 + (bits & 0x3fff);
            height = 1 + ((bits >> 14) & 0x3fff);
        } else if (chunk.equals("VP8 ") && (b[23] & 0xff) == 0x9d && (b[24] & 0xff) == 0x01 && (b[25] & 0xff) == 0x2a) {
            width = ((b[26] & 0xff) | (b[27] & 0xff) << 8) & 0x3fff;
            height = ((b[28] & 0xff) | (b[29] & 0xff) << 8) & 0x3fff;
        } else {
            throw new Invalid("the WebP image has no VP8, VP8L or VP8X header");
        }
        return sane(width, height);
    }

    /** The dimensions from the header, checked, then the whole image decoded at a bounded size. */
    private static ImageInfo decode(byte[] b, String format, boolean progressive) throws Invalid {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
        if (!readers.hasNext()) {
            throw new IllegalStateException("no ImageIO reader for " + format);
        }
        ImageReader reader = readers.next();
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(b))) {
            reader.setInput(in, true, true);
            ImageInfo info;
            try {
                info = sane(reader.getWidth(0), reader.getHeight(0));
            } catch (IOException | RuntimeException e) {
                throw new Invalid(
                        "the " + format.toUpperCase(Locale.ROOT) + " image's header cannot be read: " + e.getMessage());
            }
            long pixels = (long) info.width() * info.height();
            if (progressive && pixels > PROGRESSIVE_DECODED_PIXELS) {
                return info;
            }
            int step = (int) Math.max(1, Math.ceil(Math.sqrt((double) pixels / DECODED_PIXELS)));
            ImageReadParam param = reader.getDefaultReadParam();
            param.setSourceSubsampling(step, step, 0, 0);
            boolean[] warned = {false};
            reader.addIIOReadWarningListener((source, warning) -> warned[0] = true);
            try {
                if (reader.canReadRaster()) {
                    reader.readRaster(0, param); // no colour conversion: a CMYK JPEG is a whole image too
                } else {
                    reader.read(0, param);
                }
            } catch (IOException | RuntimeException e) {
                throw new Invalid(
                        "the " + format.toUpperCase(Locale.ROOT) + " image does not decode: " + e.getMessage());
            }
            if (warned[0]) {
                throw new Invalid("the " + format.toUpperCase(Locale.ROOT) + " image is damaged or incomplete");
            }
            return info;
        } catch (IOException e) {
            throw new Invalid("the image cannot be read: " + e.getMessage());
        } finally {
            reader.dispose();
        }
    }

    private static ImageInfo sane(int width, int height) throws Invalid {
        if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE) {
            throw new Invalid("the image is " + Integer.toUnsignedString(width) + " × "
                    + Integer.toUnsignedString(height) + " pixels; width and height must each be 1 to " + MAX_SIDE);
        }
        if ((long) width * height > MAX_PIXELS) {
            throw new Invalid("the image is " + width + " × " + height + " pixels; at most " + MAX_PIXELS
                    + " pixels are allowed");
        }
        return new ImageInfo(width, height);
    }

    /** Whether the first frame header (SOFn) of a JPEG is a progressive one (SOF2, SOF6, SOF10, SOF14). */
    private static boolean isProgressiveJpeg(byte[] b) {
        int i = 2;
        while (i + 4 < b.length && (b[i] & 0xff) == 0xff) {
            int marker = b[i + 1] & 0xff;
            if (marker == 0xff) {
                i++;
                continue;
            }
            if (marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc) {
                return marker == 0xc2 || marker == 0xc6 || marker == 0xca || marker == 0xce;
            }
            int length = ((b[i + 2] & 0xff) << 8) | (b[i + 3] & 0xff);
            if (marker == 0xda || length < 2) {
                return false;
            }
            i += 2 + length;
        }
        return false;
    }

    private static boolean startsWith(byte[] b, byte[] prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if (b[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean endsWith(byte[] b, byte[] suffix) {
        int off = b.length - suffix.length;
        for (int i = 0; i < suffix.length; i++) {
            if (b[off + i] != suffix[i]) {
                return false;
            }
        }
        return true;
    }

    private static long le32(byte[] b, int i) {
        return (b[i] & 0xffL) | (b[i + 1] & 0xffL) << 8 | (b[i + 2] & 0xffL) << 16 | (b[i + 3] & 0xffL) << 24;
    }

    private static int le24(byte[] b, int i) {
        return (b[i] & 0xff) | (b[i + 1] & 0xff) << 8 | (b[i + 2] & 0xff) << 16;
    }
}
