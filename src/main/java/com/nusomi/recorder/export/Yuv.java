package com.nusomi.recorder.export;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Picture;

/**
 * RGB to the full-range YUV 4:2:0 the H.264 encoder takes (JCodec keeps samples as bytes less 128), straight from an
 * {@code int} RGB raster: several times faster than going through JCodec's own RGB picture.
 */
final class Yuv {
    private Yuv() {}

    /** A picture of {@code image} (TYPE_INT_RGB, even width and height). */
    static Picture of(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        if (image.getType() != BufferedImage.TYPE_INT_RGB || (w & 1) != 0 || (h & 1) != 0) {
            throw new IllegalArgumentException("want an even-sized TYPE_INT_RGB image");
        }
        int[] px = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        Picture pic = Picture.create(w, h, ColorSpace.YUV420J);
        byte[] y = pic.getPlaneData(0);
        byte[] u = pic.getPlaneData(1);
        byte[] v = pic.getPlaneData(2);
        int cw = pic.getPlaneWidth(1);
        for (int row = 0; row < h; row += 2) {
            for (int col = 0; col < w; col += 2) {
                int i = row * w + col;
                int a = px[i];
                int b = px[i + 1];
                int c = px[i + w];
                int d = px[i + w + 1];
                y[i] = luma(a);
                y[i + 1] = luma(b);
                y[i + w] = luma(c);
                y[i + w + 1] = luma(d);
                int r = (red(a) + red(b) + red(c) + red(d) + 2) >> 2;
                int g = (green(a) + green(b) + green(c) + green(d) + 2) >> 2;
                int bl = (blue(a) + blue(b) + blue(c) + blue(d) + 2) >> 2;
                int ci = (row >> 1) * cw + (col >> 1);
                u[ci] = clamp((-43 * r - 85 * g + 128 * bl + 128) >> 8);
                v[ci] = clamp((128 * r - 107 * g - 21 * bl + 128) >> 8);
            }
        }
        return pic;
    }

    private static byte luma(int p) {
        return clamp(((77 * red(p) + 150 * green(p) + 29 * blue(p) + 128) >> 8) - 128);
    }

    private static int red(int p) {
        return (p >> 16) & 0xff;
    }

    private static int green(int p) {
        return (p >> 8) & 0xff;
    }

    private static int blue(int p) {
        return p & 0xff;
    }

    private static byte clamp(int v) {
        return (byte) Math.max(-128, Math.min(127, v));
    }
}
