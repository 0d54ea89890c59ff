package com.nusomi.recorder.recorder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nusomi.recorder.client.request.EventInput;
import com.nusomi.recorder.recorder.capture.DesktopSession;
import com.nusomi.recorder.recorder.capture.DesktopSnapshot;
import com.nusomi.recorder.recorder.capture.DesktopWindow;
import com.nusomi.recorder.recorder.capture.FrameEncoder;
import com.nusomi.recorder.recorder.capture.MaskPlan;
import com.nusomi.recorder.recorder.capture.MaskedCapture;
import com.nusomi.recorder.recorder.capture.Masks;
import com.nusomi.recorder.recorder.capture.ScreenSource;
import com.nusomi.recorder.recorder.capture.WindowLocator;
import com.nusomi.recorder.recorder.input.InputListener;
import com.nusomi.recorder.recorder.input.InputSource;
import com.nusomi.recorder.recorder.input.MouseButton;
import com.nusomi.recorder.recorder.spool.EntryInfo;
import com.nusomi.recorder.recorder.spool.SessionJournal;
import com.nusomi.recorder.recorder.spool.Uploader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One session being recorded. Frames and input are captured on the recording's own worker thread and go into the
 * session's journal; its uploader sends them. {@link #pause()}, {@link #resume()}, {@link #note}, {@link #tag} and
 * {@link #stop()} are thread-safe and return futures; {@code stop()}'s completes when the spool is drained and the
 * server acknowledged the stop.
 */
public final class Recording {
    private static final Logger LOG = LoggerFactory.getLogger(Recording.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SLUG = Pattern.compile("^[a-z0-9_]{2,64}$");
    private static final int MAX_EVENT_DATA = 4096;
    private static final int MAX_TAG_DATA = 16384;
    private static final int BLACK_SCREENS_BEFORE_WARNING = 3;

    private final String sessionId;
    private final Instant startedAt;
    private final RecorderOptions options;
    private final SessionJournal journal;
    private final Uploader uploader;
    private final SessionCounters counters;
    private final ScreenSource screen;
    private final InputSource input;
    private final WindowLocator windows;
    private final RecorderService.Notifier notify;
    private final Clock clock;
    private final ScheduledExecutorService worker;
    private final FrameEncoder encoder;
    private final KeyActivity keys;
    private final Masks masks;
    private final MaskedCapture capture;
    private final WorkDesktop desk;
    private final List<EventInput> buffer = new ArrayList<>();
    private final CompletableFuture<Void> stopped = new CompletableFuture<>();
    private boolean hasLastFrame;
    private long lastHash;
    private volatile boolean inputAvailable;
    private volatile String inputUnavailableReason;
    private final Duration inputCheckInterval;
    private volatile String inputLostReason;
    private String blackoutReason;
    private int blackScreens;

    Recording(String sessionId, Instant startedAt, RecorderOptions options, SessionJournal journal, Uploader uploader,
              SessionCounters counters, ScreenSource screen, InputSource input, WindowLocator windows,
              RecorderService.Notifier notify, Clock clock, Duration inputCheckInterval) {
        this.sessionId = sessionId;
        this.startedAt = startedAt;
        this.options = options;
        this.journal = journal;
        this.uploader = uploader;
        this.counters = counters;
        this.screen = screen;
        this.input = input;
        this.windows = windows;
        this.notify = notify;
        this.clock = clock;
        this.inputCheckInterval = inputCheckInterval;
        this.keys = new KeyActivity(options.recordKeyText());
        this.encoder = new FrameEncoder(options.jpegQuality());
        this.masks = new Masks(ProcessHandle.current().pid(), options.privacyTitlePatterns());
        this.capture = new MaskedCapture(screen, windows, masks, options.ownWindows());
        this.desk = new WorkDesktop(windows, masks, options.ownWindows(), screen, options.screen());
        ScheduledThreadPoolExecutor w = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "recorder-capture-" + sessionId);
            t.setDaemon(true);
            return t;
        });
        w.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        w.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
        this.worker = w;
    }

    void begin() {
        notify.state(counters, RecordingState.RECORDING);
        if (DesktopSession.isWayland()) {
            notify.warning(new RecorderWarning(RecorderWarning.Kind.WAYLAND_SESSION, sessionId,
                    DesktopSession.WAYLAND_LIMITS, null));
        }
        try {
            input.start(new Input());
            inputAvailable = true;
        } catch (InputSource.InputUnavailableException e) {
            if (e.retryable()) {
                inputAvailable = true; // possible here, but lost from the start: the operator can restart it
                inputLostReason = e.getMessage();
                execute(() -> markInputLost(e.getMessage()));
            } else {
                inputUnavailable(e);
            }
        } catch (RuntimeException e) {
            inputUnavailable(e);
        }
        long check = inputCheckInterval.toMillis();
        worker.scheduleWithFixedDelay(this::checkInput, check, check, TimeUnit.MILLISECONDS);
        scheduleCapture(System.nanoTime());
        long keyPeriod = options.keyFlushInterval().toMillis();
        worker.scheduleWithFixedDelay(this::flushKeys, keyPeriod, keyPeriod, TimeUnit.MILLISECONDS);
        long eventPeriod = options.eventFlushInterval().toMillis();
        worker.scheduleWithFixedDelay(this::flushEvents, eventPeriod, eventPeriod, TimeUnit.MILLISECONDS);
    }

    private void inputUnavailable(Exception e) {
        inputAvailable = false;
        inputUnavailableReason = e.getMessage();
        notify.warning(new RecorderWarning(RecorderWarning.Kind.INPUT_UNAVAILABLE, sessionId, e.getMessage(), e));
    }

    /**
     * The periodic capture, planned one interval after the previous plan (no drift), but never catching up on
     * missed ones: a fixed-rate task that falls behind would starve every other task of the worker.
     */
    private void scheduleCapture(long plannedNanos) {
        long delay = Math.max(0, plannedNanos - System.nanoTime());
        try {
            worker.schedule(() -> {
                captureFrame();
                long next = Math.max(plannedNanos + options.captureInterval().toNanos(), System.nanoTime());
                scheduleCapture(next);
            }, delay, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException stopped) {
            // the recording ended
        }
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
        return inputAvailable;
    }

    public String inputUnavailableReason() {
        return inputUnavailableReason;
    }

    /** True while input capture is lost (the hook stopped or was refused); see {@link #restartInput()}. */
    public boolean inputLost() {
        return inputLostReason != null;
    }

    /** Why input capture is lost, or null. */
    public String inputLostReason() {
        return inputLostReason;
    }

    /**
     * Registers the global input hook again after {@link RecorderWarning.Kind#INPUT_LOST}: on success a
     * {@code marker} event {@code {"kind":"input_restored"}} and {@link RecorderWarning.Kind#INPUT_RESTORED}; the
     * future fails (and input stays lost) when the hook cannot be registered. Does nothing while input works.
     */
    public CompletableFuture<Void> restartInput() {
        return submit(() -> {
            requireOpen();
            if (inputLostReason == null) {
                return null;
            }
            input.restart();
            String still = input.failure();
            if (still != null) {
                throw new InputSource.InputUnavailableException(still, null, true);
            }
            inputLostReason = null;
            flushKeys();
            buffer.add(marker("input_restored"));
            flushEvents();
            notify.warning(new RecorderWarning(RecorderWarning.Kind.INPUT_RESTORED, sessionId,
                    "Clicks and keys are recorded again.", null));
            return null;
        });
    }

    /** Stops capturing (frames and input) and records a {@code marker} event {@code {"kind":"pause"}}. */
    public CompletableFuture<Void> pause() {
        return submit(() -> {
            if (counters.state == RecordingState.RECORDING) {
                flushKeys();
                buffer.add(marker("pause"));
                flushEvents();
                notify.state(counters, RecordingState.PAUSED);
            }
            return null;
        });
    }

    /** Resumes capturing, records a {@code marker} event {@code {"kind":"resume"}} and takes a frame. */
    public CompletableFuture<Void> resume() {
        return submit(() -> {
            if (counters.state == RecordingState.PAUSED) {
                notify.state(counters, RecordingState.RECORDING);
                buffer.add(marker("resume"));
                flushEvents();
                captureFrame();
            }
            return null;
        });
    }

    /** Records a {@code note} event {@code {"text": ...}} now; the future completes once it is in the journal. */
    public CompletableFuture<EntryInfo> note(String text) {
        Map<String, Object> data = Map.of("text", text == null ? "" : text);
        checkEventData(data);
        EventInput note = EventInput.builder("note").at(clock.instant()).data(data).build();
        return submit(() -> {
            requireOpen();
            flushKeys();
            buffer.add(note);
            return flushEvents();
        });
    }

    /**
     * Records a tag (name by the slug rule, data a JSON object or null, ≤ 16 KB); the future completes once it is
     * in the journal. Tags may also be added while paused.
     */
    public CompletableFuture<EntryInfo> tag(String name, String dataJson) {
        if (name == null || !SLUG.matcher(name).matches()) {
            throw new IllegalArgumentException("a tag name must match ^[a-z0-9_]{2,64}$");
        }
        if (dataJson != null) {
            try {
                JsonNode node = JSON.readTree(dataJson);
                if (node == null || !node.isObject()) {
                    throw new IllegalArgumentException("tag data must be a JSON object");
                }
                if (JSON.writeValueAsBytes(node).length > MAX_TAG_DATA) {
                    throw new IllegalArgumentException("tag data is larger than 16,384 bytes");
                }
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException("tag data is not valid JSON: " + e.getMessage(), e);
            }
        }
        return submit(() -> {
            requireOpen();
            flushKeys();
            flushEvents();
            return journal.appendTag(name, dataJson);
        });
    }

    /** Takes a frame now (unless paused; an unchanged picture is not recorded again). */
    public CompletableFuture<Void> captureNow() {
        return submit(() -> {
            captureFrame();
            return null;
        });
    }

    /**
     * Ends the recording: capture stops, pending events are written, the stop goes into the journal last. The
     * future completes when everything was sent and the server acknowledged the stop (exceptionally if the server
     * refused the stop, e.g. the session was deleted). Calling it again returns the same future.
     */
    public synchronized CompletableFuture<Void> stop() {
        if (counters.state == RecordingState.STOPPING || counters.state == RecordingState.STOPPED) {
            return stopped;
        }
        CompletableFuture<Void> written = submit(() -> {
            if (counters.state == RecordingState.STOPPING || counters.state == RecordingState.STOPPED) {
                return null;
            }
            notify.state(counters, RecordingState.STOPPING);
            input.stop();
            flushKeys();
            flushEvents();
            journal.appendStop();
            return null;
        });
        written.whenComplete((v, e) -> {
            worker.shutdown();
            encoder.close();
            RecorderStats s = counters.snapshot();
            LOG.info("Recording of {} ended: {} frames recorded, {} unchanged, {} skipped (spool full), {} capture"
                    + " errors; {} events", sessionId, s.framesRecorded(), s.framesUnchanged(),
                    s.framesSkippedSpoolFull(), s.captureErrors(), s.eventsRecorded());
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
                stopped.completeExceptionally(new IllegalStateException("the server refused the stop of " + sessionId
                        + "; see the session's rejected list"));
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
        try {
            worker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        encoder.close();
    }

    private void requireOpen() {
        if (counters.state == RecordingState.STOPPING || counters.state == RecordingState.STOPPED) {
            throw new IllegalStateException("the recording of " + sessionId + " is stopped");
        }
    }

    private <T> CompletableFuture<T> submit(Callable<T> work) {
        CompletableFuture<T> f = new CompletableFuture<>();
        try {
            worker.execute(() -> {
                try {
                    f.complete(work.call());
                } catch (Exception | Error e) {
                    f.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            f.completeExceptionally(new IllegalStateException("the recording of " + sessionId + " is stopped", e));
        }
        return f;
    }

    private void execute(Runnable r) {
        try {
            worker.execute(r);
        } catch (RejectedExecutionException ignored) {
            // stopped: late input is dropped
        }
    }

    /** A marker stamped on the recording's clock, like every other event: paused time is measured between them. */
    private EventInput marker(String kind) {
        return EventInput.builder("marker").at(clock.instant()).data(Map.of("kind", kind)).build();
    }

    private static void checkEventData(Map<String, Object> data) {
        try {
            if (JSON.writeValueAsBytes(data).length > MAX_EVENT_DATA) {
                throw new IllegalArgumentException("the event is larger than 4,096 bytes of JSON");
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    // ---- worker thread only ----

    /** The input watchdog: notices once when the input source stops delivering. */
    private void checkInput() {
        if (!inputAvailable || inputLostReason != null || counters.state == RecordingState.STOPPING
                || counters.state == RecordingState.STOPPED) {
            return;
        }
        String why;
        try {
            why = input.failure();
        } catch (RuntimeException e) {
            why = e.toString();
        }
        if (why != null) {
            inputLostReason = why;
            try {
                markInputLost(why);
            } catch (RuntimeException e) {
                LOG.warn("could not record the loss of input of {}: {}", sessionId, e.toString()); // keep watching
            }
        }
    }

    /** A {@code marker} event {@code {"kind":"input_lost"}} at once, so that reviewers see where the gap starts. */
    private void markInputLost(String why) {
        flushKeys();
        buffer.add(marker("input_lost"));
        flushEvents();
        notify.warning(new RecorderWarning(RecorderWarning.Kind.INPUT_LOST, sessionId,
                "Clicks and keys are no longer recorded: " + why, null));
    }

    private void captureFrame() {
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
        MaskedCapture.Frame frame = capture.capture(options.screen());
        desk.frameScale((double) frame.rgb().getWidth() / frame.bounds().width);
        desk.seen(frame.desktop());
        noteFocus(frame.desktop());
        reportBlackout(frame.plan());
        reportBlackScreen(frame.screenBlack());
        long hash = FrameEncoder.pixelHash(frame.rgb());
        if (hasLastFrame && hash == lastHash) {
            return OptionalLong.empty();
        }
        encoder.take(frame.rgb());
        return OptionalLong.of(hash);
    }

    /** Tells the operator, while it records, when the screen has come back black three captures running. */
    private void reportBlackScreen(boolean black) {
        if (black) {
            blackScreens++;
            if (blackScreens == BLACK_SCREENS_BEFORE_WARNING) {
                notify.warning(new RecorderWarning(RecorderWarning.Kind.SCREEN_BLACK, sessionId,
                        "The screen capture comes back black: nothing of the screen is being recorded."
                                + (DesktopSession.isWayland() ? " This is a Wayland session, where only X11"
                                + " (XWayland) windows can be captured." : " The screen may be locked, or the"
                                + " system may not allow this app to record it."), null));
            }
        } else {
            if (blackScreens >= BLACK_SCREENS_BEFORE_WARNING) {
                notify.warning(new RecorderWarning(RecorderWarning.Kind.SCREEN_VISIBLE_AGAIN, sessionId,
                        "the screen is captured again", null));
            }
            blackScreens = 0;
        }
    }

    /** Tells the operator once when frames start or stop being blacked out whole. */
    private void reportBlackout(MaskPlan plan) {
        String reason = plan.blackAll() ? plan.reason() : null;
        if (java.util.Objects.equals(reason, blackoutReason)) {
            return;
        }
        blackoutReason = reason;
        if (reason != null) {
            notify.warning(new RecorderWarning(RecorderWarning.Kind.FRAMES_BLACKED_OUT, sessionId, reason, null));
        } else {
            notify.warning(new RecorderWarning(RecorderWarning.Kind.FRAMES_VISIBLE_AGAIN, sessionId,
                    "frames are recorded again", null));
        }
    }

    /** Records a {@code window_focus} when the active window changed since the last look. */
    private void noteFocus(DesktopSnapshot desktop) {
        DesktopWindow changed = desktop == null || counters.state != RecordingState.RECORDING ? null
                : desk.focusChange(desktop);
        if (changed != null) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("window", changed.title() == null ? null : truncate(changed.title(), 512));
            buffer.add(EventInput.builder("window_focus").at(clock.instant()).data(data).build());
        }
    }

    /** The desktop of the last quarter of a second, its focus change noted. */
    private DesktopSnapshot recentDesktop() {
        DesktopSnapshot d = desk.recent();
        noteFocus(d);
        return d;
    }

    private boolean ownWindowActive() {
        recentDesktop();
        return desk.ownWindowActive();
    }

    private void flushKeys() {
        EventInput e = keys.flush();
        if (e != null) {
            buffer.add(e);
            if (buffer.size() >= SessionJournal.MAX_EVENTS) {
                flushEvents();
            }
        }
    }

    private EntryInfo flushEvents() {
        EntryInfo last = null;
        while (!buffer.isEmpty()) {
            List<EventInput> batch = new ArrayList<>(buffer.subList(0, Math.min(buffer.size(), SessionJournal.MAX_EVENTS)));
            last = journal.appendEvents(batch);
            buffer.subList(0, batch.size()).clear();
        }
        return last;
    }

    private void onClick(Instant at, String id, int x, int y, MouseButton button) {
        if (counters.state != RecordingState.RECORDING) {
            return;
        }
        desk.forget();
        DesktopSnapshot desktop = recentDesktop();
        desk.forget(); // the click may move the focus, which the window manager has not done yet
        if (desk.isOwnClick(x, y, desktop)) {
            return; // the operator working the recorder, not the workflow
        }
        flushKeys();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("x", x);
        data.put("y", y);
        data.put("button", button.wireValue());
        desk.putFramePosition(data, x, y);
        String title = desk.titleAt(x, y, desktop);
        data.put("window", title == null ? null : truncate(title, 512));
        buffer.add(EventInput.builder("click").id(id).at(at).data(data).build());
        if (buffer.size() >= SessionJournal.MAX_EVENTS) {
            flushEvents();
        }
        if (options.captureOnClick()) {
            long delay = options.clickCaptureDelay().toMillis();
            try {
                worker.schedule(this::captureFrame, delay, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException ignored) {
                // stopping
            }
        }
    }

    private static String truncate(String s, int max) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return b.length <= max ? s : new String(b, 0, max, StandardCharsets.UTF_8);
    }

    /** Input arrives on the hook's thread: stamp it now, handle it on the worker. */
    private final class Input implements InputListener {
        @Override
        public void onClick(int x, int y, MouseButton button) {
            Instant at = clock.instant();
            String id = EventInput.newId();
            execute(() -> Recording.this.onClick(at, id, x, y, button));
        }

        @Override
        public void onKeyPressed(boolean modifierKey, Set<String> modifiers) {
            Instant at = clock.instant();
            Set<String> held = Set.copyOf(modifiers);
            execute(() -> {
                if (counters.state == RecordingState.RECORDING && !ownWindowActive()) {
                    keys.pressed(at, modifierKey, held);
                }
            });
        }

        @Override
        public void onKeyTyped(char c) {
            if (!options.recordKeyText()) {
                return; // the character never leaves the hook's thread
            }
            execute(() -> {
                if (counters.state == RecordingState.RECORDING && !ownWindowActive()) {
                    keys.typed(c);
                    if (keys.isFull()) {
                        flushKeys();
                    }
                }
            });
        }
    }
}
