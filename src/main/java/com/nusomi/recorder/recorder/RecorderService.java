package com.nusomi.recorder.recorder;

import com.nusomi.recorder.client.SessionsClient;
import com.nusomi.recorder.client.model.Outcome;
import com.nusomi.recorder.recorder.capture.RobotScreenSource;
import com.nusomi.recorder.recorder.capture.ScreenSource;
import com.nusomi.recorder.recorder.capture.WindowLocator;
import com.nusomi.recorder.recorder.input.InputSource;
import com.nusomi.recorder.recorder.input.NativeHookInputSource;
import com.nusomi.recorder.recorder.spool.EntryInfo;
import com.nusomi.recorder.recorder.spool.EntryKind;
import com.nusomi.recorder.recorder.spool.RejectedEntry;
import com.nusomi.recorder.recorder.spool.ServerKey;
import com.nusomi.recorder.recorder.spool.SessionJournal;
import com.nusomi.recorder.recorder.spool.Spool;
import com.nusomi.recorder.recorder.spool.SpoolEvents;
import com.nusomi.recorder.recorder.spool.SpoolFolders;
import com.nusomi.recorder.recorder.spool.Uploader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The recording engine of the app (one per app): starts {@link Recording}s, owns the data folder's upload spool
 * and one uploader per session journal, and resumes spools left by an earlier run ({@link #recoverAll()}). Reports
 * through one {@link RecorderListener}. Knows nothing of JavaFX.
 *
 * <pre>{@code
 * RecorderService recorder = RecorderService.builder(client, dataDir).listener(l).build();
 * recorder.recoverAll();                       // finish uploads of an earlier run
 * Recording r = recorder.start(session.id(), session.startedAt(), RecorderOptions.defaults());
 * r.tag("submitted_for_approval", "{\"approver\":\"anna@acme.com\"}");
 * r.stop().join();                             // drained and stop acknowledged
 * recorder.close();
 * }</pre>
 */
public final class RecorderService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RecorderService.class);

    private final SessionsClient client;
    private final Path dataDir;
    private final ServerKey server;
    private final ScreenSource screen;
    private final InputSource input;
    private final WindowLocator windows;
    private final Duration maxUploadBackoff;
    private final Duration inputCheckInterval;
    private final int uploadConcurrency;
    private final Clock clock;
    private final RecorderListener listener;
    private final Notifier notifier = new Notifier();
    private final Spool spool;
    private final Map<String, Uploader> uploaders = new LinkedHashMap<>();
    private final Map<String, SessionCounters> counters = new java.util.concurrent.ConcurrentHashMap<>();
    private Recording active;
    private boolean closed;

    private RecorderService(Builder b) {
        this.client = b.client;
        this.dataDir = b.dataDir;
        this.server = b.server;
        this.screen = b.screen != null ? b.screen : new RobotScreenSource();
        this.input = b.input != null ? b.input : new NativeHookInputSource();
        this.windows = b.windows;
        this.maxUploadBackoff = b.maxUploadBackoff;
        this.inputCheckInterval = b.inputCheckInterval;
        this.uploadConcurrency = b.uploadConcurrency;
        this.clock = b.clock;
        this.listener = b.listener;
        this.spool = b.server == null ? Spool.open(b.dataDir, b.spoolLimitBytes, new SpoolAdapter())
                : Spool.open(b.dataDir, b.server, b.spoolLimitBytes, new SpoolAdapter());
    }

    /**
     * A builder; the client and the data folder are required. The spool goes to {@code <data>/spool/<server>}
     * with {@link Builder#server}, else to the unkeyed {@code <data>/spool}.
     */
    public static Builder builder(SessionsClient client, Path dataDir) {
        return new Builder(client, dataDir);
    }

    public Spool spool() {
        return spool;
    }

    /** The server this recorder's spool belongs to, or null for the unkeyed spool ({@link Builder#server}). */
    public ServerKey server() {
        return server;
    }

    /**
     * Entries waiting on disk for other servers: they stay there until the app is connected to that server again
     * (a recorder only ever sends its own server's spool). Reads the disk: call it off the UI thread.
     */
    public List<SpoolFolders.Backlog> backlogElsewhere() {
        return server == null ? List.of() : SpoolFolders.backlogElsewhere(dataDir, server);
    }

    /** The key id of this recorder's server, or null for the unkeyed spool ({@link Builder#server}). */
    public String serverId() {
        return server == null ? null : server.id();
    }

    /** {@link #backlogElsewhere()} as the app shows it, one per other server. Reads the disk: not on the UI thread. */
    public List<ServerBacklog> waitingElsewhere() {
        return backlogElsewhere().stream().map(ServerBacklog::of).toList();
    }

    /** Where clicks and keys come from (the same for every recording of this service). */
    public InputSource inputSource() {
        return input;
    }

    /** The monitors of the screen source (index = {@code ScreenSelection.screen(i)}). */
    public List<java.awt.Rectangle> screens() {
        return screen.screens();
    }

    /**
     * Starts recording a session (already {@code recording} on the server). A session whose journal exists from an
     * earlier run (a crash while recording) is continued: frame seqs go on where they stopped.
     *
     * @throws IllegalStateException if another recording is active, or the session's stop is already recorded
     */
    public synchronized Recording start(String sessionId, Instant startedAt, RecorderOptions options) {
        Objects.requireNonNull(sessionId, "sessionId");
        if (closed) {
            throw new IllegalStateException("the recorder is closed");
        }
        if (active != null) {
            throw new IllegalStateException("already recording " + active.sessionId());
        }
        SessionJournal journal = spool.journal(sessionId);
        if (journal.stopRecorded()) {
            throw new IllegalStateException("the session " + sessionId + " was already stopped by this recorder");
        }
        Uploader uploader = uploader(sessionId, journal);
        SessionCounters c = countersFor(sessionId, journal);
        Recording r = new Recording(sessionId, startedAt, options == null ? RecorderOptions.defaults() : options,
                journal, uploader, c, screen, input, windows, notifier, clock, inputCheckInterval);
        active = r;
        r.begin();
        return r;
    }

    /** The recording in progress, or null. */
    public synchronized Recording active() {
        return active;
    }

    /**
     * Resumes the upload of every unfinished session journal of this recorder's spool (left by a crash or by
     * closing the app with uploads pending); spools of other servers are left alone. Returns their session ids. Spools that hold a stop are drained and finished; for
     * the others (the app died while recording) call {@link #finish} to stop them, or {@link #start} to go on.
     */
    public synchronized List<String> recoverAll() {
        List<String> ids = new ArrayList<>();
        for (String id : spool.unfinishedSessions()) {
            SessionJournal journal = spool.journal(id);
            countersFor(id, journal);
            uploader(id, journal);
            ids.add(id);
        }
        return ids;
    }

    /**
     * Records the stop of a session that is not being recorded (a recovered one) after everything it holds; the
     * future completes when the stop was acknowledged (true) or refused (false).
     */
    public synchronized CompletableFuture<Boolean> finish(String sessionId) {
        if (active != null && active.sessionId().equals(sessionId)) {
            return active.stop().thenApply(v -> true);
        }
        SessionJournal journal = spool.journal(sessionId);
        Uploader u = uploader(sessionId, journal);
        countersFor(sessionId, journal);
        journal.appendStop();
        return u.completion();
    }

    /**
     * {@link #finish(String)} with a verdict: the {@code outcome} tag (none for null) then the stop, after everything
     * recorded (the tag through the recording if the session is the one recorded, else into its journal).
     */
    public CompletableFuture<Boolean> finish(String sessionId, Outcome outcome) {
        if (outcome != null) {
            String json = "{\"value\":\"" + outcome.wireValue() + "\"}";
            Recording r = active();
            if (r != null && r.sessionId().equals(sessionId)) {
                r.tag("outcome", json).join();
            } else {
                spool.journal(sessionId).appendTag("outcome", json);
            }
        }
        return finish(sessionId);
    }

    /** Counts of a session known to this service (recording or recovered), or null. */
    public RecorderStats stats(String sessionId) {
        SessionCounters c = counters.get(sessionId);
        return c == null ? null : c.snapshot();
    }

    /** The entries the server refused for a session, from its {@code rejected.log}. */
    public List<Map<String, Object>> rejected(String sessionId) {
        return spool.journal(sessionId).rejectedLog();
    }

    /**
     * Ends capture and uploads at once: an active recording is abandoned without a stop, and whatever the spool
     * holds stays on disk for the next start ({@link #recoverAll()}). Call {@link Recording#stop()} first for a
     * clean end.
     */
    @Override
    public void close() {
        Recording r;
        List<Uploader> us;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            r = active;
            active = null;
            us = new ArrayList<>(uploaders.values());
        }
        if (r != null) {
            r.abort();
        }
        us.forEach(Uploader::close);
        spool.close();
    }

    private Uploader uploader(String sessionId, SessionJournal journal) {
        return uploaders.computeIfAbsent(sessionId,
                id -> new Uploader(journal, client, spool.events(), maxUploadBackoff, uploadConcurrency).start());
    }

    private SessionCounters countersFor(String sessionId, SessionJournal journal) {
        return counters.computeIfAbsent(sessionId,
                id -> new SessionCounters(id, journal, spool, RecordingState.RECOVERED));
    }

    private SessionCounters countersIfKnown(String sessionId) {
        return counters.get(sessionId);
    }

    private void safely(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.warn("A recorder listener failed: {}", e.toString(), e);
        }
    }

    /** The recordings' way to report (state, warnings, errors) and to hand back control. */
    final class Notifier {
        void state(SessionCounters c, RecordingState state) {
            c.state = state;
            safely(() -> listener.onStateChanged(c.sessionId, state));
            stats(c);
        }

        void warning(RecorderWarning w) {
            LOG.warn("{}: {}", w.kind(), w.message());
            safely(() -> listener.onWarning(w));
        }

        void captureError(SessionCounters c, Exception e) {
            safely(() -> listener.onCaptureError(c.sessionId, e));
            stats(c);
        }

        void stats(SessionCounters c) {
            RecorderStats s = c.snapshot();
            safely(() -> listener.onStats(s));
        }

        void released(Recording r) {
            synchronized (RecorderService.this) {
                if (active == r) {
                    active = null;
                }
            }
        }
    }

    /** Turns the spool's reports into listener calls and counts. */
    private final class SpoolAdapter implements SpoolEvents {
        @Override
        public void recorded(EntryInfo entry) {
            SessionCounters c = countersIfKnown(entry.sessionId());
            if (c != null) {
                if (entry.kind() == EntryKind.FRAME) {
                    c.framesRecorded.incrementAndGet();
                    c.spoolFullWarned = false;
                }
                c.eventsRecorded.addAndGet(entry.eventIds().size());
            }
            safely(() -> listener.onRecorded(entry));
        }

        @Override
        public void uploaded(EntryInfo entry) {
            safely(() -> listener.onUploaded(entry));
        }

        @Override
        public void rejected(RejectedEntry rejected) {
            safely(() -> listener.onRejected(rejected));
        }

        @Override
        public void pendingChanged(String sessionId, int pendingEntries, long pendingBytes, int rejectedEntries) {
            SessionCounters c = countersIfKnown(sessionId);
            if (c != null) {
                notifier.stats(c);
            }
        }

        @Override
        public void nearlyFull(long usedBytes, long limitBytes) {
            notifier.warning(new RecorderWarning(RecorderWarning.Kind.SPOOL_NEARLY_FULL, null,
                    "The upload spool holds " + mib(usedBytes) + " of its " + mib(limitBytes) + " limit (80%).", null));
        }

        @Override
        public void frameSkipped(String sessionId, long usedBytes, long limitBytes) {
            SessionCounters c = countersIfKnown(sessionId);
            if (c != null) {
                c.framesSkipped.incrementAndGet();
                if (!c.spoolFullWarned) {
                    c.spoolFullWarned = true;
                    notifier.warning(new RecorderWarning(RecorderWarning.Kind.SPOOL_FULL_FRAMES_SKIPPED, sessionId,
                            "The upload spool is full (" + mib(usedBytes) + " of " + mib(limitBytes)
                                    + "): screenshots are skipped until uploads free space; events, tags and the stop are still kept.",
                            null));
                }
                notifier.stats(c);
            }
        }

        @Override
        public void uploadWaiting(String sessionId, Exception cause, Duration retryIn) {
            SessionCounters c = countersIfKnown(sessionId);
            boolean first = c == null || !c.uploadWaiting;
            if (c != null) {
                c.uploadWaiting = true;
                notifier.stats(c);
            }
            if (first) {
                notifier.warning(new RecorderWarning(RecorderWarning.Kind.UPLOAD_WAITING, sessionId,
                        "Uploads are waiting: " + cause.getMessage() + ". Nothing is lost; they resume in order.", cause));
            }
        }

        @Override
        public void uploadResumed(String sessionId) {
            SessionCounters c = countersIfKnown(sessionId);
            if (c != null) {
                c.uploadWaiting = false;
                notifier.stats(c);
            }
            notifier.warning(new RecorderWarning(RecorderWarning.Kind.UPLOAD_RESUMED, sessionId,
                    "Uploads go through again.", null));
        }

        @Override
        public void drained(String sessionId, boolean stopAcknowledged) {
            SessionCounters c = countersIfKnown(sessionId);
            if (c != null && c.state == RecordingState.RECOVERED) {
                notifier.state(c, RecordingState.STOPPED);
            }
            safely(() -> listener.onDrained(sessionId, stopAcknowledged));
        }

        private String mib(long bytes) {
            if (bytes < 1048576) {
                return String.format(java.util.Locale.ROOT, "%.1f KiB", bytes / 1024.0);
            }
            return String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
        }
    }

    /** Builder of {@link RecorderService}. */
    public static final class Builder {
        private final SessionsClient client;
        private final Path dataDir;
        private ScreenSource screen;
        private InputSource input;
        private WindowLocator windows = WindowLocator.NONE;
        private long spoolLimitBytes = Spool.DEFAULT_LIMIT_BYTES;
        private Duration maxUploadBackoff = Duration.ofSeconds(5);
        private Duration inputCheckInterval = Duration.ofSeconds(1);
        private int uploadConcurrency = 4;
        private Clock clock = Clock.systemUTC();
        private RecorderListener listener = RecorderListener.NONE;
        private ServerKey server;

        private Builder(SessionsClient client, Path dataDir) {
            this.client = Objects.requireNonNull(client, "client");
            this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
        }

        /** Where frames come from (default: the real screen through AWT's Robot). */
        public Builder screenSource(ScreenSource s) {
            this.screen = s;
            return this;
        }

        /** Where clicks and keys come from (default: jnativehook global hooks). */
        public Builder inputSource(InputSource s) {
            this.input = s;
            return this;
        }

        /** Finds windows by title for privacy blackouts and click events (default: none, see {@link WindowLocator}). */
        public Builder windowLocator(WindowLocator w) {
            this.windows = Objects.requireNonNull(w);
            return this;
        }

        /** Size limit of the spool (default 2 GiB). */
        public Builder spoolLimitBytes(long bytes) {
            if (bytes <= 0) {
                throw new IllegalArgumentException("the spool limit must be positive");
            }
            this.spoolLimitBytes = bytes;
            return this;
        }

        /** Longest wait between upload attempts while the server is unreachable (default 5 s). */
        public Builder maxUploadBackoff(Duration d) {
            this.maxUploadBackoff = Objects.requireNonNull(d);
            return this;
        }

        /**
         * Frames in flight at once per session (default 4; 1 sends every entry strictly one after the other). Entries
         * are acknowledged in journal order whatever this is; events, tags and the stop always go one at a time.
         */
        public Builder uploadConcurrency(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("uploadConcurrency must be at least 1");
            }
            this.uploadConcurrency = n;
            return this;
        }

        /** How often a recording checks that input still arrives ({@link InputSource#failure()}; default 1 s). */
        public Builder inputCheckInterval(Duration d) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("inputCheckInterval must be positive");
            }
            this.inputCheckInterval = d;
            return this;
        }

        public Builder clock(Clock c) {
            this.clock = Objects.requireNonNull(c);
            return this;
        }

        /**
         * The server the client talks to: the spool is then {@code <data>/spool/<server key id>}, and only that
         * server's unfinished journals are resumed by {@link #recoverAll()}. Without it the spool is the unkeyed
         * {@code <data>/spool} (fine for a recorder that only ever talks to one server; the app always sets it).
         */
        public Builder server(ServerKey key) {
            this.server = key;
            return this;
        }

        public Builder listener(RecorderListener l) {
            this.listener = l == null ? RecorderListener.NONE : l;
            return this;
        }

        public RecorderService build() {
            return new RecorderService(this);
        }
    }
}
