package com.nusomi.recorder.export;

import com.nusomi.recorder.client.model.Frame;
import com.nusomi.recorder.client.model.Session;
import com.nusomi.recorder.export.steps.Steps;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

/**
 * The run as an H.264 video in MP4: its frames at their real timing (each held until the next), cut where the
 * recording was paused, optionally faster, with idle stretches shortened, and click rings and captions burnt in
 * ({@link ExportOptions}). The MP4 index is written last, so the video is made in a temporary file and then copied
 * to the output. Frames are read and decoded a few ahead of the encoder, on a thread of their own
 * ({@link FramePrefetch}); only those few are in memory.
 */
final class Mp4Exporter implements Exporter {
    @Override
    public void write(RunSource run, OutputStream out, ExportProgress progress) throws IOException {
        write(run, out, ExportOptions.DEFAULTS, progress);
    }

    @Override
    public void write(RunSource run, OutputStream out, ExportOptions options, ExportProgress progress)
            throws IOException {
        Session session = run.session();
        Iterator<Frame> frames = run.frames().iterator();
        if (!frames.hasNext()) {
            throw new IOException("session " + session.id() + " has no frames: there is no video to make");
        }
        Frame first = frames.next();
        Path temp = Files.createTempFile("session-export-", ".mp4");
        try {
            encode(run, temp, first, options, progress);
            progress.checkCancelled();
            Files.copy(temp, out);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void encode(RunSource run, Path temp, Frame first, ExportOptions options, ExportProgress progress)
            throws IOException {
        BufferedImage firstImage = FramePrefetch.decode(run, first);
        VideoCanvas canvas = VideoCanvas.forFrames(firstImage.getWidth(), firstImage.getHeight());
        long total = run.session().frameCount();
        Steps steps = Steps.of(run.session(), run::events, run::frames);
        try (FramePrefetch frames = new FramePrefetch(run, canvas);
                H264Writer writer = new H264Writer(temp, canvas.width(), canvas.height())) {
            VideoTimeline timeline = new VideoTimeline(options);
            Placer placer = new Placer(frames);
            timeline.walk(
                    run.frames().iterator(), steps.iterator(), run.session().stoppedAt(), (f, a, b, on) -> {
                        progress.checkCancelled();
                        VideoCanvas.Placed placed = placer.placed(f);
                        writer.add(Yuv.of(canvas.draw(placed, on)), a, b);
                        progress.advance(placer.done(), total, "Frame " + placer.done() + " of " + total);
                    });
            writer.finish();
        }
    }

    /** The frame at hand, taken from the prefetch once however many segments show it. */
    private static final class Placer {
        private final FramePrefetch frames;
        private long seq = -1;
        private VideoCanvas.Placed placed;
        private long done;

        Placer(FramePrefetch frames) {
            this.frames = frames;
        }

        VideoCanvas.Placed placed(Frame f) throws IOException {
            if (f.seq() != seq) {
                placed = frames.take(f.seq());
                seq = f.seq();
                done++;
            }
            return placed;
        }

        long done() {
            return done;
        }
    }
}
