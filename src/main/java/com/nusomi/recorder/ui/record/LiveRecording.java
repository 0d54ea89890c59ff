package com.nusomi.recorder.ui.record;

import com.nusomi.recorder.app.TaskRunner;
import com.nusomi.recorder.recorder.RecorderListener;
import com.nusomi.recorder.recorder.RecorderStats;
import com.nusomi.recorder.recorder.RecorderWarning;
import com.nusomi.recorder.recorder.Recording;
import com.nusomi.recorder.recorder.RecordingState;
import com.nusomi.recorder.recorder.RejectedWork;
import java.util.Locale;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The recording in progress as the Record screen shows it: the recorder's counts (frames, events, pending
 * uploads, rejected entries), paused or not, the input notices (input unavailable here, input lost with a
 * restart) and the warnings. Listens to the recorder on its threads and hands everything to the UI thread through
 * the {@link TaskRunner}; counts at most a few times a second. Touches no nodes.
 */
public final class LiveRecording implements RecorderListener {
    static final long STATS_INTERVAL_MS = 250;

    private final TaskRunner tasks;
    private final ScheduledExecutorService scheduler;
    private final AtomicReference<RecorderStats> latest = new AtomicReference<>();
    private final AtomicBoolean flushQueued = new AtomicBoolean();
    private volatile long lastFlushNanos;
    private volatile String sessionId;
    private Recording recording;

    private final ReadOnlyLongWrapper frames = new ReadOnlyLongWrapper(0);
    private final ReadOnlyLongWrapper events = new ReadOnlyLongWrapper(0);
    private final ReadOnlyLongWrapper framesUnchanged = new ReadOnlyLongWrapper(0);
    private final ReadOnlyIntegerWrapper pendingEntries = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyLongWrapper pendingBytes = new ReadOnlyLongWrapper(0);
    private final ReadOnlyBooleanWrapper uploadWaiting = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper paused = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper inputNotice = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper inputLost = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper pendingText = new ReadOnlyStringWrapper("0");
    private final ObservableList<RecorderWarning> warnings = FXCollections.observableArrayList();
    private final ObservableList<RejectedWork> rejected = FXCollections.observableArrayList();

    /** Without a scheduler (view-model tests) every update is shown at once. */
    public LiveRecording(TaskRunner tasks) {
        this(tasks, null);
    }

    /** Updates are shown at most every {@value #STATS_INTERVAL_MS} ms, timed on the app's scheduler. */
    public LiveRecording(TaskRunner tasks, ScheduledExecutorService scheduler) {
        this.tasks = tasks;
        this.scheduler = scheduler;
    }

    /** Follows this recording from now on (UI thread). */
    void attach(Recording r) {
        recording = r;
        sessionId = r.sessionId();
        active.set(true);
        paused.set(r.state() == RecordingState.PAUSED);
        warnings.removeIf(w -> w.sessionId() != null && !w.sessionId().equals(r.sessionId()));
        rejected.clear();
        inputNotice.set(
                r.inputCaptureAvailable()
                        ? null
                        : "Clicks and keys are not recorded: "
                                + (r.inputUnavailableReason() != null
                                        ? r.inputUnavailableReason()
                                        : "no input hooks here")
                                + " — frames and notes still are");
        inputLost.set(r.inputLost() ? lostText(r.inputLostReason()) : null);
        apply(r.stats());
    }

    /** The recording ended (stopped and acknowledged, or refused): keep the last counts, drop the recording. */
    void detach() {
        recording = null;
        active.set(false);
        paused.set(false);
        inputNotice.set(null);
        inputLost.set(null);
        RecorderStats s = latest.get();
        if (s != null && s.sessionId().equals(sessionId)) {
            apply(s);
        }
    }

    Recording recording() {
        return recording;
    }

    public void onDismissWarnings() {
        warnings.clear();
    }

    // ---- from the recorder's threads ----

    @Override
    // the scheduled task only hands flush to the UI thread; there is no result to wait for
    @SuppressWarnings("FutureReturnValueIgnored")
    public void onStats(RecorderStats stats) {
        if (!stats.sessionId().equals(sessionId)) {
            return;
        }
        latest.set(stats);
        if (flushQueued.compareAndSet(false, true)) {
            long waitNanos = TimeUnit.MILLISECONDS.toNanos(STATS_INTERVAL_MS) - (System.nanoTime() - lastFlushNanos);
            if (waitNanos <= 0 || scheduler == null) {
                tasks.onUi(this::flush);
            } else {
                try {
                    scheduler.schedule(() -> tasks.onUi(this::flush), waitNanos, TimeUnit.NANOSECONDS);
                } catch (RejectedExecutionException closing) {
                    // the app is closing: nothing left to show
                }
            }
        }
    }

    @Override
    public void onStateChanged(String id, RecordingState state) {
        if (id.equals(sessionId)) {
            tasks.onUi(() -> paused.set(state == RecordingState.PAUSED));
        }
    }

    @Override
    public void onWarning(RecorderWarning w) {
        if (w.sessionId() != null && !w.sessionId().equals(sessionId)) {
            return;
        }
        tasks.onUi(() -> {
            switch (w.kind()) {
                case UPLOAD_RESUMED -> warnings.removeIf(x -> x.kind() == RecorderWarning.Kind.UPLOAD_WAITING);
                case FRAMES_VISIBLE_AGAIN ->
                    warnings.removeIf(x -> x.kind() == RecorderWarning.Kind.FRAMES_BLACKED_OUT);
                case SCREEN_VISIBLE_AGAIN -> warnings.removeIf(x -> x.kind() == RecorderWarning.Kind.SCREEN_BLACK);
                case INPUT_UNAVAILABLE ->
                    inputNotice.set(
                            "Clicks and keys are not recorded: " + w.message() + " — frames and notes still are");
                case INPUT_LOST -> inputLost.set(w.message());
                case INPUT_RESTORED -> inputLost.set(null);
                default -> {
                    warnings.removeIf(x -> x.kind() == w.kind());
                    warnings.add(w);
                }
            }
        });
    }

    @Override
    public void onRejectedWork(RejectedWork r) {
        if (r.sessionId().equals(sessionId)) {
            tasks.onUi(() -> rejected.add(r));
        }
    }

    private static String lostText(String reason) {
        return "Clicks and keys are no longer recorded: " + (reason != null ? reason : "the input hook stopped");
    }

    private void flush() {
        flushQueued.set(false);
        lastFlushNanos = System.nanoTime();
        RecorderStats s = latest.get();
        if (s != null && s.sessionId().equals(sessionId)) {
            apply(s);
        }
    }

    private void apply(RecorderStats s) {
        frames.set(s.framesRecorded());
        events.set(s.eventsRecorded());
        framesUnchanged.set(s.framesUnchanged());
        pendingEntries.set(s.pendingEntries());
        pendingBytes.set(s.pendingBytes());
        uploadWaiting.set(s.uploadWaiting());
        pendingText.set(s.pendingEntries() == 0 ? "0" : s.pendingEntries() + " · " + size(s.pendingBytes()));
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.0f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0);
    }

    /** A line per refused entry: kind, frame seq, HTTP status and the server's error (for the details popup). */
    public String rejectedDetails() {
        StringBuilder b = new StringBuilder();
        for (RejectedWork r : rejected) {
            b.append(r.kind().name().toLowerCase(Locale.ROOT));
            if (r.frameSeq() >= 0) {
                b.append(" seq ").append(r.frameSeq());
            }
            if (r.tagName() != null) {
                b.append(" \"").append(r.tagName()).append('"');
            }
            b.append(" · entry ").append(r.index()).append(" · HTTP ").append(r.httpStatus());
            if (r.code() != null) {
                b.append(" ").append(r.code());
            }
            if (r.message() != null) {
                b.append(": ").append(r.message());
            }
            if (r.requestId() != null) {
                b.append(" (request ").append(r.requestId()).append(')');
            }
            b.append('\n');
        }
        return b.toString();
    }

    // ---- properties ----

    public ReadOnlyLongProperty framesProperty() {
        return frames.getReadOnlyProperty();
    }

    /** Captures not recorded because the picture had not changed (this run). */
    public ReadOnlyLongProperty framesUnchangedProperty() {
        return framesUnchanged.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty eventsProperty() {
        return events.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty pendingEntriesProperty() {
        return pendingEntries.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty pendingBytesProperty() {
        return pendingBytes.getReadOnlyProperty();
    }

    /** Pending uploads as shown: "0", or "37 · 2.1 MB". */
    public ReadOnlyStringProperty pendingTextProperty() {
        return pendingText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty uploadWaitingProperty() {
        return uploadWaiting.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty pausedProperty() {
        return paused.getReadOnlyProperty();
    }

    /** True while a recording is attached (capturing, paused or draining). */
    public ReadOnlyBooleanProperty activeProperty() {
        return active.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty inputNoticeProperty() {
        return inputNotice.getReadOnlyProperty();
    }

    /**
     * Set while global input capture is lost during the recording (the hook stopped or was refused): what to
     * show next to "Restart input capture"; null while input is captured.
     */
    public ReadOnlyStringProperty inputLostProperty() {
        return inputLost.getReadOnlyProperty();
    }

    public ObservableList<RecorderWarning> warnings() {
        return warnings;
    }

    public ObservableList<RejectedWork> rejected() {
        return rejected;
    }
}
