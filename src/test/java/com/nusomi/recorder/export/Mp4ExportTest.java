package com.nusomi.recorder.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;
import org.jcodec.api.FrameGrab;
import org.jcodec.api.JCodecException;
import org.jcodec.api.PictureWithMetadata;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.io.SeekableByteChannel;
import org.jcodec.scale.AWTUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The MP4 of a run recorded against the real server, decoded back with JCodec. */
class Mp4ExportTest {
    @TempDir
    static Path data;

    static RecordedRun run;

    /** Where each frame starts in the video at real speed: the run's times less the 2-minute pause, in s. */
    static final double[] STARTS = {0, 1.2, 3.0, 4.2, 9.0, 10.3};

    /** The video's length: first frame to the stop, less the pause. */
    static final double LENGTH = 19.0;

    @BeforeAll
    static void record() {
        run = new RecordedRun(data.resolve("server"));
    }

    @AfterAll
    static void close() {
        run.close();
    }

    record Sample(double at, double duration, BufferedImage image) {}

    record Video(List<Sample> samples, double duration) {}

    static Path export(ExportOptions options, Path file) throws IOException {
        Exporter mp4 = Exporters.forFormat(ExportFormat.MP4).orElseThrow();
        return AtomicFile.write(file, o -> mp4.write(run.source(), o, options, ExportProgress.NONE));
    }

    static Video decode(Path file) throws IOException, JCodecException {
        try (SeekableByteChannel ch = NIOUtils.readableChannel(file.toFile())) {
            FrameGrab grab = FrameGrab.createFrameGrab(ch);
            List<Sample> samples = new ArrayList<>();
            PictureWithMetadata p;
            while ((p = grab.getNativeFrameWithMetadata()) != null) {
                samples.add(new Sample(p.getTimestamp(), p.getDuration(), AWTUtil.toBufferedImage(p.getPicture())));
            }
            return new Video(samples, grab.getVideoTrack().getMeta().getTotalDuration());
        }
    }

    @Test
    void eachFrameOnceAtItsRealTimingWithThePauseCutOut(@TempDir Path out) throws Exception {
        Video v = decode(export(ExportOptions.DEFAULTS, out.resolve("plain.mp4")));
        assertThat(v.samples()).hasSize(RecordedRun.FRAME_MS.length);
        assertThat(v.duration()).isCloseTo(LENGTH, within(0.05));
        for (int i = 0; i < STARTS.length; i++) {
            Sample s = v.samples().get(i);
            assertThat(s.at()).as("frame %d starts", i).isCloseTo(STARTS[i], within(0.002));
            double end = i + 1 < STARTS.length ? STARTS[i + 1] : LENGTH;
            assertThat(s.duration()).as("frame %d is held until the next", i).isCloseTo(end - s.at(), within(0.002));
            BufferedImage img = s.image();
            assertThat(img.getWidth()).isEqualTo(RecordedRun.W);
            assertThat(img.getHeight()).isEqualTo(RecordedRun.H);
            Color expected = i == RecordedRun.REDACTED_SEQ ? Color.BLACK : RecordedRun.frameColor(i);
            assertThat(HtmlGuideExportTest.distance(img.getRGB(500, 300), expected))
                    .as("frame %d's pixels (redacted stays black)", i)
                    .isLessThan(20);
            assertThat(HtmlGuideExportTest.ringPixels(img, RecordedRun.CLICKS[0][1], RecordedRun.CLICKS[0][2]))
                    .as("no ring unless asked")
                    .isZero();
        }
    }

    @Test
    void skippingIdleTimeAndDoublingTheSpeedShortenTheVideoAsPromised(@TempDir Path out) throws Exception {
        ExportOptions fast = ExportOptions.DEFAULTS.withSkipIdle(true).withSpeed(2);
        Video v = decode(export(fast, out.resolve("fast.mp4")));
        assertThat(v.samples()).hasSize(RecordedRun.FRAME_MS.length);
        // the last frame's 8.7 s become 2 s of idle kept plus 1 s up to the stop; all of it at twice the speed
        assertThat(v.duration()).isCloseTo((LENGTH - 8.7 + 3.0) / 2, within(0.05));
        assertThat(v.samples().get(1).at()).isCloseTo(0.6, within(0.002));
    }

    @Test
    void overlaysBurnTheRingAtTheClickAndACaptionBandIn(@TempDir Path out) throws Exception {
        Video v = decode(export(ExportOptions.DEFAULTS.withOverlays(true), out.resolve("overlays.mp4")));
        assertThat(v.samples().size()).isGreaterThan(RecordedRun.FRAME_MS.length);
        assertThat(v.duration()).isCloseTo(LENGTH, within(0.05));
        Sample atFrame1 = v.samples().stream()
                .filter(s -> Math.abs(s.at() - STARTS[1]) < 0.002)
                .findFirst()
                .orElseThrow();
        BufferedImage img = atFrame1.image();
        assertThat(HtmlGuideExportTest.ringPixels(img, RecordedRun.CLICKS[0][1], RecordedRun.CLICKS[0][2]))
                .as("the ring of the first click")
                .isGreaterThanOrEqualTo(12);
        Color band = new Color(img.getRGB(RecordedRun.W - 5, RecordedRun.H - 3));
        Color frame = RecordedRun.frameColor(1);
        assertThat(band.getBlue()).as("the caption band darkens the bottom").isLessThan(frame.getBlue() / 2);
        Sample last = v.samples().get(v.samples().size() - 1);
        assertThat(HtmlGuideExportTest.ringPixels(last.image(), RecordedRun.CLICKS[0][1], RecordedRun.CLICKS[0][2]))
                .as("the ring goes away")
                .isZero();
    }

    @Test
    void aCancelledVideoLeavesNoFile(@TempDir Path out) throws IOException {
        ExportProgress cancelAtOnce = new ExportProgress() {
            @Override
            public void advance(long done, long total, String what) {}

            @Override
            public boolean cancelled() {
                return true;
            }
        };
        Exporter mp4 = Exporters.forFormat(ExportFormat.MP4).orElseThrow();
        assertThatThrownBy(() -> AtomicFile.write(
                        out.resolve("c.mp4"), o -> mp4.write(run.source(), o, ExportOptions.DEFAULTS, cancelAtOnce)))
                .isInstanceOf(CancellationException.class);
        try (Stream<Path> left = Files.list(out)) {
            assertThat(left).isEmpty();
        }
    }
}
