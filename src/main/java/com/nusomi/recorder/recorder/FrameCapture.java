package com.nusomi.recorder.recorder;

import com.nusomi.recorder.recorder.capture.DesktopSnapshot;
import com.nusomi.recorder.recorder.capture.FrameEncoder;
import com.nusomi.recorder.recorder.capture.MaskedCapture;
import com.nusomi.recorder.recorder.capture.ScreenSelection;
import com.nusomi.recorder.recorder.spool.EntryInfo;
import com.nusomi.recorder.recorder.spool.SessionJournal;
import java.time.Clock;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes a recording's frames while it records: captures the screen with its masks painted, leaves out a picture
 * equal to the last frame's (counted as unchanged), encodes the rest as JPEG and puts it into the journal with the
 * next seq. The desktop read with each capture goes to the {@link WorkDesktop} and to {@code desktopSeen} (focus
 * changes); what the capture shows goes to the {@link ScreenWarnings}; a failed capture is counted and reported.
 * Not thread-safe: used on the recording's worker only.
 */
final class FrameCapture {
    private static final Logger LOG = LoggerFactory.getLogger(FrameCapture.class);

    private final String sessionId;
    private final ScreenSelection screen;
    private final SessionJournal journal;
    private final SessionCounters counters;
    private final MaskedCapture capture;
    private final WorkDesktop desk;
    private final Consumer<DesktopSnapshot> desktopSeen;
    private final ScreenWarnings warnings;
    private final Notifier notify;
    private final Clock clock;
    private final FrameEncoder encoder;
    private boolean hasLastFrame;
    private long lastHash;

    FrameCapture(
            String sessionId,
            RecorderOptions options,
            SessionJournal journal,
            SessionCounters counters,
            MaskedCapture capture,
            WorkDesktop desk,
            Consumer<DesktopSnapshot> desktopSeen,
            Notifier notify,
            Clock clock) {
        this.sessionId = sessionId;
        this.screen = options.screen();
        this.journal = journal;
        this.counters = counters;
        this.capture = capture;
        this.desk = desk;
        this.desktopSeen = desktopSeen;
        this.warnings = new ScreenWarnings(sessionId, notify);
        this.notify = notify;
        this.clock = clock;
        this.encoder = new FrameEncoder(options.jpegQuality());
    }

    /** Takes a frame, unless the recording is not recording (paused, stopping); an unchanged one is not recorded. */
    void capture() {
        if (counters.state != RecordingState.RECORDING) {
            return;
        }
        Instant at = clock.instant();
        try {
            OptionalLong hash = takeNewPicture();
            if (hash.isEmpty()) {
                counters.framesUnchanged.incrementAndGet();
                return;
            }
            byte[] jpeg = encoder.jpeg();
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
            EntryInfo info = journal.appendFrame(at, FrameEncoder.CONTENT_TYPE, jpeg);
            if (info != null) {
                hasLastFrame = true;
                lastHash = hash.getAsLong();
            }
        } catch (Exception e) {
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
            counters.captureErrors.incrementAndGet();
            LOG.debug("capture failed for {}: {}", sessionId, e.toString());
            notify.captureError(counters, e);
        }
    }

    /**
     * Captures the screen with its masks painted; when the picture differs from the last frame's, hands its pixels
     * to the encoder and gives their hash (empty when unchanged). The capture is referenced from this method's
     * frame only, so it is garbage once this returns: a collection during the JPEG encoding that follows, which
     * allocates a row at a time, finds it dead instead of copying 8 MB into a survivor space.
     */
    private OptionalLong takeNewPicture() throws Exception {
        MaskedCapture.Frame frame = capture.capture(screen);
        desk.frameScale((double) frame.rgb().getWidth() / frame.bounds().width);
        desk.seen(frame.desktop());
        desktopSeen.accept(frame.desktop());
        warnings.planned(frame.plan());
        warnings.captured(frame.screenBlack());
        long hash = FrameEncoder.pixelHash(frame.rgb());
        if (hasLastFrame && hash == lastHash) {
            return OptionalLong.empty();
        }
        encoder.take(frame.rgb());
        return OptionalLong.of(hash);
    }

    /** Frees the encoder; no frame may be taken after. */
    void close() {
        encoder.close();
    }
}
