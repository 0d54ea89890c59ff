package com.nusomi.recorder.export;

import com.nusomi.recorder.export.steps.ClickRing;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * The video's picture: every frame scaled to fit one size (at most {@link #MAX_WIDTH}×{@link #MAX_HEIGHT}, never
 * larger than the first frame, even sides), black around it when its shape differs; click rings and a caption band
 * drawn over it when asked.
 */
final class VideoCanvas {
    /** The largest video, in pixels: JCodec encodes 720p about twice as fast as 1080p (decision 0015). */
    static final int MAX_WIDTH = 1280;

    static final int MAX_HEIGHT = 720;

    private final int width;
    private final int height;

    private VideoCanvas(int width, int height) {
        this.width = width;
        this.height = height;
    }

    /** The canvas for frames of {@code frameWidth}×{@code frameHeight}. */
    static VideoCanvas forFrames(int frameWidth, int frameHeight) {
        double scale = Math.min(1.0, Math.min(MAX_WIDTH / (double) frameWidth, MAX_HEIGHT / (double) frameHeight));
        int w = Math.max(2, (int) Math.round(frameWidth * scale) & ~1);
        int h = Math.max(2, (int) Math.round(frameHeight * scale) & ~1);
        return new VideoCanvas(w, h);
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    /** A frame placed on the canvas, and where its pixels went (for the rings). */
    record Placed(BufferedImage image, double scale, int dx, int dy) {}

    /** {@code frame} scaled to fit and centred. */
    Placed place(BufferedImage frame) {
        double scale = Math.min(width / (double) frame.getWidth(), height / (double) frame.getHeight());
        int w = (int) Math.round(frame.getWidth() * scale);
        int h = (int) Math.round(frame.getHeight() * scale);
        int dx = (width - w) / 2;
        int dy = (height - h) / 2;
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(frame, dx, dy, w, h, null);
        } finally {
            g.dispose();
        }
        return new Placed(out, scale, dx, dy);
    }

    /** What is drawn over a frame for a while: a ring (x, y in frame pixels) or a caption (x, y unused). */
    record Overlay(boolean ring, int x, int y, String caption, long fromMs, long toMs) {}

    /** {@code placed} with {@code overlays} drawn on a copy; the frame itself when there are none. */
    BufferedImage draw(Placed placed, List<Overlay> overlays) {
        if (overlays.isEmpty()) {
            return placed.image();
        }
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.drawImage(placed.image(), 0, 0, null);
            double ringScale = Math.max(1.0, height / 720.0);
            for (Overlay o : overlays) {
                if (o.ring()) {
                    ClickRing.draw(
                            g,
                            placed.dx() + (o.x() + 0.5) * placed.scale(),
                            placed.dy() + (o.y() + 0.5) * placed.scale(),
                            ringScale);
                }
            }
            for (Overlay o : overlays) {
                if (!o.ring()) {
                    caption(g, o.caption());
                }
            }
        } finally {
            g.dispose();
        }
        return out;
    }

    private void caption(Graphics2D g, String text) {
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        int size = Math.max(12, height / 30);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, size));
        FontMetrics m = g.getFontMetrics();
        String shown = text;
        int room = width - 2 * size;
        if (m.stringWidth(shown) > room) {
            while (shown.length() > 1 && m.stringWidth(shown + "…") > room) {
                shown = shown.substring(0, shown.length() - 1);
            }
            shown += "…";
        }
        int band = m.getHeight() + size;
        g.setColor(new Color(0, 0, 0, 170));
        g.fillRect(0, height - band, width, band);
        g.setColor(Color.WHITE);
        g.drawString(shown, size, height - band / 2 + m.getAscent() / 2 - m.getDescent() / 2);
    }
}
