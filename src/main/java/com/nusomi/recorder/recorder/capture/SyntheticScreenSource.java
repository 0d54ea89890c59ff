package com.nusomi.recorder.recorder.capture;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Generated frames for tests and demos: a counter drawn on a plain image. The picture changes only when the
 * counter does ({@link #advance()}, or on every capture when built with {@code changeEveryCapture}), so identical
 * consecutive frames can be produced on purpose. Works headless.
 */
public final class SyntheticScreenSource implements ScreenSource {
    private final int width;
    private final int height;
    private final boolean changeEveryCapture;
    private final AtomicLong counter = new AtomicLong();
    private final AtomicLong captures = new AtomicLong();

    public SyntheticScreenSource(int width, int height, boolean changeEveryCapture) {
        this.width = width;
        this.height = height;
        this.changeEveryCapture = changeEveryCapture;
    }

    /** Changes the picture for the next capture. */
    public void advance() {
        counter.incrementAndGet();
    }

    /** The number drawn on the next frame. */
    public long counter() {
        return counter.get();
    }

    /** How many captures were taken. */
    public long captures() {
        return captures.get();
    }

    @Override
    public List<Rectangle> screens() {
        return List.of(new Rectangle(0, 0, width, height));
    }

    @Override
    public Capture capture(ScreenSelection selection) {
        long n = changeEveryCapture ? counter.getAndIncrement() : counter.get();
        captures.incrementAndGet();
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(new Color(Color.HSBtoRGB((n % 36) / 36f, 0.3f, 0.95f)));
            g.fillRect(0, 0, width, height);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.MONOSPACED, Font.BOLD, Math.max(10, height / 4)));
            g.drawString(Long.toString(n), width / 10, height * 2 / 3);
            g.fillRect((int) (n % Math.max(1, width - 4)), 0, 4, 4); // differs even where the digits look alike
        } finally {
            g.dispose();
        }
        return new Capture(img, new Rectangle(0, 0, width, height));
    }
}
