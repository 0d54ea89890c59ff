package com.nusomi.recorder.export;

import com.nusomi.recorder.client.model.Frame;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;

/**
 * Reads, decodes and places the run's frames on the video canvas on a thread of its own, a few frames ahead of the
 * encoder, so that decoding and encoding use two cores. At most {@link #AHEAD} placed frames wait at a time.
 */
final class FramePrefetch implements AutoCloseable {
    /** How many placed frames may wait for the encoder. */
    static final int AHEAD = 3;

    /** One frame, placed; or the failure that ended the reading ({@code placed} null); or the end (both null). */
    private record Item(long seq, VideoCanvas.Placed placed, Exception failure) {}

    private final BlockingQueue<Item> queue = new ArrayBlockingQueue<>(AHEAD);
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "export-frames");
        t.setDaemon(true);
        return t;
    });
    private final Future<?> reading;

    /** Starts reading {@code run}'s frames (in seq order) onto {@code canvas}. */
    FramePrefetch(RunSource run, VideoCanvas canvas) {
        reading = thread.submit(() -> {
            try {
                for (Frame f : run.frames()) {
                    queue.put(new Item(f.seq(), canvas.place(decode(run, f)), null));
                }
                queue.put(new Item(-1, null, null));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException | RuntimeException e) {
                offerFailure(e);
            }
            return null;
        });
    }

    private void offerFailure(Exception e) {
        try {
            queue.put(new Item(-1, null, e));
        } catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
        }
    }

    /** The frame {@code seq}, placed; frames before it (which the video does not show) are passed over. */
    VideoCanvas.Placed take(long seq) throws IOException {
        while (true) {
            Item item;
            try {
                item = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for frame " + seq);
            }
            if (item.failure() instanceof IOException e) {
                throw new IOException(e.getMessage(), e);
            }
            if (item.failure() instanceof CancellationException e) {
                throw e;
            }
            if (item.failure() != null) {
                throw new IOException(
                        "could not read frame " + seq + ": " + item.failure().getMessage(), item.failure());
            }
            if (item.placed() == null) {
                throw new IOException("frame " + seq + " is not among the run's frames");
            }
            if (item.seq() == seq) {
                return item.placed();
            }
        }
    }

    /** Decodes one frame's image. */
    static BufferedImage decode(RunSource run, Frame frame) throws IOException {
        BufferedImage image =
                ImageIO.read(new ByteArrayInputStream(run.image(frame).bytes()));
        if (image == null) {
            throw new IOException("frame " + frame.seq() + " is not an image this export can read");
        }
        return image;
    }

    /** Stops reading and lets the waiting frames go. */
    @Override
    public void close() {
        reading.cancel(true);
        thread.shutdownNow();
        queue.clear();
    }
}
