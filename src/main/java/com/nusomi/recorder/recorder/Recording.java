package com.nusomi.recorder.recorder;

import com.nusomi.recorder.client.request.ContractRules;
import com.nusomi.recorder.client.request.EventInput;
import com.nusomi.recorder.recorder.capture.DesktopSession;
import com.nusomi.recorder.recorder.capture.MaskedCapture;
import com.nusomi.recorder.recorder.capture.Masks;
import com.nusomi.recorder.recorder.capture.ScreenSource;
import com.nusomi.recorder.recorder.capture.WindowLocator;
import com.nusomi.recorder.recorder.input.InputSource;
import com.nusomi.recorder.recorder.spool.EntryInfo;
import com.nusomi.recorder.recorder.spool.SessionJournal;
import com.nusomi.recorder.recorder.spool.Uploader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One session being recorded. Frames and input are captured on the recording's own worker thread and go into the
 * session's journal; its uploader sends them. {@link #pause()}, {@link #resume()}, {@link #note}, {@link #tag} and
 * {@link #stop()} are thread-safe and return futures; {@code stop()}'s completes when the spool is drained and the
 * server acknowledged the stop.
 *
 * <p>The recording coordinates its parts, which all run on its {@link RecordingWorker}: the {@link FrameCapture}
 * taking frames on schedule, the {@link InputEvents} turning clicks, keys and focus changes into events, the
 * {@link EventBuffer} batching those into the journal, and the {@link InputWatchdog} noticing lost input.
 */
public final class Recording {
    private static final Logger LOG = LoggerFactory.getLogger(Recording.class);

    private final String sessionId;
    private final Instant startedAt;
    private final RecorderOptions options;
    private final SessionJournal journal;
    private final Uploader uploader;
    private final SessionCounters counters;
    private final Notifier notify;
    private final Clock clock;
    private final Duration inputCheckInterval;
    private final InputSource input;
    private final RecordingWorker worker;
    private final EventBuffer events;
    private final InputEvents inputEvents;
    private final InputWatchdog watchdog;
    private final FrameCapture frames;
    private final CompletableFuture<Void> stopped = new CompletableFuture<>();

    Recording(
            String sessionId,
            Instant startedAt,
            RecorderOptions options,
            SessionJournal journal,
            Uploader uploader,
            SessionCounters counters,
            ScreenSource screen,
            InputSource input,
            WindowLocator windows,
            Notifier notify,
            Clock clock,
            Duration inputCheckInterval) {
        this.sessionId = sessionId;
        this.startedAt = startedAt;
        this.options = options;
        this.journal = journal;
        this.uploader = uploader;
        this.counters = counters;
        this.notify = notify;
        this.clock = clock;
        this.inputCheckInterval = inputCheckInterval;
        this.input = input;
        this.worker = new RecordingWorker(sessionId);
        this.events = new EventBuffer(journal, clock, options.recordKeyText());
        Masks masks = new Masks(ProcessHandle.current().pid(), options.privacyTitlePatterns());
        WorkDesktop desk = new WorkDesktop(windows, masks, options.ownWindows(), screen, options.screen());
        this.inputEvents = new InputEvents(options, counters, desk, events, worker, this::captureFrame, clock);
        this.watchdog = new InputWatchdog(sessionId, input, counters, events, notify, worker);
        this.frames = new FrameCapture(
                sessionId,
                options,
                journal,
                counters,
                new MaskedCapture(screen, windows, masks, options.ownWindows()),
                desk,
                inputEvents::noteFocus,
                notify,
                clock);
    }

    void begin() {
        notify.state(counters, RecordingState.RECORDING);
        if (DesktopSession.isWayland()) {
            notify.warning(new RecorderWarning(
                    RecorderWarning.Kind.WAYLAND_SESSION, sessionId, DesktopSession.WAYLAND_LIMITS, null));
        }
        watchdog.start(inputEvents);
        worker.every(inputCheckInterval, watchdog::check);
        worker.onSchedule(options.captureInterval(), frames::capture);
        worker.every(options.keyFlushInterval(), events::flushKeys);
        worker.every(options.eventFlushInterval(), events::flush);
    }

    public String sessionId() {
        return sessionId;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public RecorderOptions options() {
        return options;
    }

    public RecordingState state() {
        return counters.state;
    }

    public RecorderStats stats() {
        return counters.snapshot();
    }

    /** False where global mouse and keyboard hooks could not be installed (see {@link #inputUnavailableReason()}). */
    public boolean inputCaptureAvailable() {
        return watchdog.available();
    }

    public String inputUnavailableReason() {
        return watchdog.unavailableReason();
    }

    /** True while input capture is lost (the hook stopped or was refused); see {@link #restartInput()}. */
    public boolean inputLost() {
        return watchdog.lostReason() != null;
    }

    /** Why input capture is lost, or null. */
    public String inputLostReason() {
        return watchdog.lostReason();
    }

    /**
     * Registers the global input hook again after {@link RecorderWarning.Kind#INPUT_LOST}: on success a
     * {@code marker} event {@code {"kind":"input_restored"}} and {@link RecorderWarning.Kind#INPUT_RESTORED}; the
     * future fails (and input stays lost) when the hook cannot be registered. Does nothing while input works.
     */
    public CompletableFuture<Void> restartInput() {
        return worker.submit(() -> {
            requireOpen();
            watchdog.restart();
            return null;
        });
    }

    /** Stops capturing (frames and input) and records a {@code marker} event {@code {"kind":"pause"}}. */
    public CompletableFuture<Void> pause() {
        return worker.submit(() -> {
            if (counters.state == RecordingState.RECORDING) {
                events.marker("pause");
                notify.state(counters, RecordingState.PAUSED);
            }
            return null;
        });
    }

    /** Resumes capturing, records a {@code marker} event {@code {"kind":"resume"}} and takes a frame. */
    public CompletableFuture<Void> resume() {
        return worker.submit(() -> {
            if (counters.state == RecordingState.PAUSED) {
                notify.state(counters, RecordingState.RECORDING);
                events.marker("resume");
                frames.capture();
            }
            return null;
        });
    }

    /** Records a {@code note} event {@code {"text": ...}} now; the future completes once it is in the journal. */
    public CompletableFuture<EntryInfo> note(String text) {
        Map<String, Object> data = Map.of("text", text == null ? "" : text);
        ContractRules.JsonCheck size = ContractRules.eventData(data);
        if (!size.ok()) {
            throw new IllegalArgumentException(size.problem());
        }
        EventInput note =
                EventInput.builder("note").at(clock.instant()).data(data).build();
        return worker.submit(() -> {
            requireOpen();
            return events.writeNow(note);
        });
    }

    /**
     * Records a tag (name by the slug rule; data a JSON object of at most 16 KB, or null or blank for none); the
     * future completes once it is in the journal. Tags may also be added while paused.
     */
    public CompletableFuture<EntryInfo> tag(String name, String dataJson) {
        String nameProblem = ContractRules.slugProblem(name, "tag");
        if (nameProblem != null) {
            throw new IllegalArgumentException(
                    "a tag name must match " + ContractRules.SLUG_PATTERN + ": " + nameProblem);
        }
        ContractRules.JsonCheck data = dataJson == null ? null : ContractRules.jsonObject(dataJson, "tag data");
        if (data != null && !data.ok()) {
            throw new IllegalArgumentException(data.problem());
        }
        return worker.submit(() -> {
            requireOpen();
            events.flushKeys();
            events.flush();
            return journal.appendTag(name, data == null ? null : data.compact());
        });
    }

    /** Takes a frame now (unless paused; an unchanged picture is not recorded again). */
    public CompletableFuture<Void> captureNow() {
        return worker.submit(() -> {
            captureFrame();
            return null;
        });
    }

    /**
     * Ends the recording: capture stops, pending events are written, the stop goes into the journal last. The
     * future completes when everything was sent and the server acknowledged the stop (exceptionally if the server
     * refused the stop, e.g. the session was deleted). Calling it again returns the same future.
     */
    // the whenComplete callbacks below handle both outcomes, passing failures to the stopped future
    @SuppressWarnings("FutureReturnValueIgnored")
    public synchronized CompletableFuture<Void> stop() {
        if (counters.state == RecordingState.STOPPING || counters.state == RecordingState.STOPPED) {
            return stopped;
        }
        CompletableFuture<Void> written = worker.submit(() -> {
            if (counters.state == RecordingState.STOPPING || counters.state == RecordingState.STOPPED) {
                return null;
            }
            notify.state(counters, RecordingState.STOPPING);
            input.stop();
            events.flushKeys();
            events.flush();
            journal.appendStop();
            return null;
        });
        written.whenComplete((v, e) -> {
            worker.shutdown();
            frames.close();
            RecorderStats s = counters.snapshot();
            LOG.info(
                    "Recording of {} ended: {} frames recorded, {} unchanged, {} skipped (spool full), {} capture"
                            + " errors; {} events",
                    sessionId,
                    s.framesRecorded(),
                    s.framesUnchanged(),
                    s.framesSkippedSpoolFull(),
                    s.captureErrors(),
                    s.eventsRecorded());
            if (e != null) {
                stopped.completeExceptionally(e);
            }
        });
        uploader.completion().whenComplete((acknowledged, e) -> {
            notify.released(this); // before STOPPED: a listener told of the stop finds no recording active
            notify.state(counters, RecordingState.STOPPED);
            if (e != null) {
                stopped.completeExceptionally(e);
            } else if (!acknowledged) {
                stopped.completeExceptionally(new IllegalStateException(
                        "the server refused the stop of " + sessionId + "; see the session's rejected list"));
            } else {
                stopped.complete(null);
            }
        });
        return stopped;
    }

    /** Ends capture at once without a stop entry (app exit or crash tests); the journal stays for the next start. */
    void abort() {
        input.stop();
        worker.shutdownNow();
        frames.close();
    }

    private void requireOpen() {
        if (counters.state == RecordingState.STOPPING || counters.state == RecordingState.STOPPED) {
            throw new IllegalStateException("the recording of " + sessionId + " is stopped");
        }
    }

    /** Takes a frame (worker only): for a click, or on request. */
    private void captureFrame() {
        frames.capture();
    }
}
