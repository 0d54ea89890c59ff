package com.nusomi.recorder.bench;

import com.nusomi.recorder.recorder.capture.RobotScreenSource;
import java.awt.Canvas;
import java.awt.Color;
import java.awt.EventQueue;
import java.awt.Font;
import java.awt.Frame;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.Toolkit;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * For the recorder benchmarks: a full-screen (1920×1080) window showing a busy picture (coloured blocks and lines of
 * text, like a business application) that changes on demand, so that frames are neither deduplicated nor trivially
 * small. Used in the benchmark's own JVM, or, through {@link #main}, as another process, the way an operator's
 * other applications are.
 */
public final class BusyScreen implements AutoCloseable {
    public static final int WIDTH = 1920;
    public static final int HEIGHT = 1080;

    private final Frame frame = new Frame("benchmark");
    private final Random rnd = new Random(7);
    private volatile BufferedImage picture = busyImage(rnd);
    private ScheduledExecutorService timer;

    static {
        RobotScreenSource.preferGtk3(); // before this window loads AWT's GTK, as the app's JavaFX does
    }

    /** In its own process: shows the screen with a counter that changes every 500 ms until killed. */
    public static void main(String[] args) {
        new BusyScreen().changeWithACounterEvery(Duration.ofMillis(500));
    }

    public BusyScreen() {
        frame.setUndecorated(true);
        frame.setBounds(0, 0, WIDTH, HEIGHT);
        frame.add(new Canvas() {
            @Override
            public void paint(Graphics g) {
                g.drawImage(picture, 0, 0, null);
            }

            @Override
            public void update(Graphics g) {
                paint(g);
            }
        });
        frame.setVisible(true);
    }

    public static BufferedImage busyImage(Random rnd) {
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        for (int i = 0; i < 400; i++) {
            g.setColor(new Color(rnd.nextInt(0xFFFFFF)));
            g.fillRect(rnd.nextInt(WIDTH), rnd.nextInt(HEIGHT), 20 + rnd.nextInt(200), 10 + rnd.nextInt(60));
        }
        g.setColor(Color.BLACK);
        for (int y = 20; y < HEIGHT; y += 18) {
            g.drawString(
                    "Invoice 4711 Acme Corp. amount 4,500.00 EUR due 2026-05-07 approver anna@acme.com " + y,
                    10 + (y % 7) * 20,
                    y);
        }
        g.dispose();
        return img;
    }

    /** Shows a new busy picture now, and returns once it is on the screen. */
    public void change() throws Exception {
        BufferedImage next = busyImage(rnd);
        EventQueue.invokeAndWait(() -> {
            picture = next;
            Graphics g = frame.getComponent(0).getGraphics();
            if (g != null) {
                g.drawImage(next, 0, 0, null);
                g.dispose();
            }
            Toolkit.getDefaultToolkit().sync();
        });
    }

    /** Cycles through three busy pictures, one every {@code d}. */
    public void changeEvery(Duration d) {
        BufferedImage[] pictures = {busyImage(rnd), busyImage(rnd), busyImage(rnd)};
        int[] n = {0};
        schedule(d, () -> {
            picture = pictures[n[0]++ % pictures.length];
            frame.getComponent(0).repaint();
        });
    }

    /** Shows one of three busy pictures with a counter drawn over it, a new count every {@code d}. */
    public void changeWithACounterEvery(Duration d) {
        BufferedImage[] pictures = {busyImage(rnd), busyImage(rnd), busyImage(rnd)};
        BufferedImage shown = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        int[] n = {0};
        schedule(d, () -> {
            int i = n[0]++;
            Graphics2D g = shown.createGraphics();
            g.drawImage(pictures[i % pictures.length], 0, 0, null);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.MONOSPACED, Font.BOLD, 64));
            g.drawString("tick " + i, 100 + (i % 40) * 20, 300);
            g.dispose();
            picture = shown;
            frame.getComponent(0).repaint();
        });
    }

    // a periodic test driver: it runs until shut down and has no result to check
    @SuppressWarnings("FutureReturnValueIgnored")
    private void schedule(Duration d, Runnable onAwtThread) {
        timer = Executors.newSingleThreadScheduledExecutor();
        timer.scheduleAtFixedRate(() -> EventQueue.invokeLater(onAwtThread), 0, d.toMillis(), TimeUnit.MILLISECONDS);
    }

    public void stopChanging() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    @Override
    public void close() {
        stopChanging();
        frame.dispose();
    }
}
