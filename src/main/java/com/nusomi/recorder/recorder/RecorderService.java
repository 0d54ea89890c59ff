package com.nusomi.recorder.recorder;

import com.nusomi.recorder.client.SessionsClient;
import com.nusomi.recorder.client.model.Outcome;
import com.nusomi.recorder.recorder.capture.ScreenSource;
import com.nusomi.recorder.recorder.capture.ScreenSources;
import com.nusomi.recorder.recorder.capture.WindowLocator;
import com.nusomi.recorder.recorder.input.InputSource;
import com.nusomi.recorder.recorder.input.NativeHookInputSource;
import com.nusomi.recorder.recorder.spool.ServerKey;
import com.nusomi.recorder.recorder.spool.SessionJournal;
import com.nusomi.recorder.recorder.spool.Spool;
import com.nusomi.recorder.recorder.spool.SpoolFolders;
import com.nusomi.recorder.recorder.spool.Uploader;
import java.awt.Rectangle;
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
import java.util.concurrent.ConcurrentHashMap;

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
    private final Notifier notifier;
    private final Spool spool;
    private final Map<String, Uploader> uploaders = new LinkedHashMap<>();
    private final Map<String, SessionCounters> counters = new ConcurrentHashMap<>();
    private Recording active;
    private boolean closed;

    RecorderService(RecorderServiceBuilder b) {
        this.client = b.client;
        this.dataDir = b.dataDir;
        this.server = b.server;
        this.screen = b.screen != null ? b.screen : ScreenSources.forThisPlatform();
        this.input = b.input != null ? b.input : new NativeHookInputSource();
        this.windows = b.windows;
        this.maxUploadBackoff = b.maxUploadBackoff;
        this.inputCheckInterval = b.inputCheckInterval;
        this.uploadConcurrency = b.uploadConcurrency;
        this.clock = b.clock;
        this.notifier = new Notifier(b.listener, this::released);
        SpoolAdapter reports = new SpoolAdapter(notifier, counters::get);
        this.spool = b.server == null
                ? Spool.open(b.dataDir, b.spoolLimitBytes, reports)
                : Spool.open(b.dataDir, b.server, b.spoolLimitBytes, reports);
    }

    /**
     * A builder; the client and the data folder are required. The spool goes to {@code <data>/spool/<server>}
     * with {@link RecorderServiceBuilder#server}, else to the unkeyed {@code <data>/spool}.
     */
    public static RecorderServiceBuilder builder(SessionsClient client, Path dataDir) {
        return new RecorderServiceBuilder(client, dataDir);
    }

    public Spool spool() {
        return spool;
    }

    /**
     * The server this recorder's spool belongs to, or null for the unkeyed spool
     * ({@link RecorderServiceBuilder#server}).
     */
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
    public List<Rectangle> screens() {
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
        Recording r = new Recording(
                sessionId,
                startedAt,
                options == null ? RecorderOptions.defaults() : options,
                journal,
                uploader,
                c,
                screen,
                input,
                windows,
                notifier,
                clock,
                inputCheckInterval);
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
        screen.close();
    }

    private Uploader uploader(String sessionId, SessionJournal journal) {
        return uploaders.computeIfAbsent(
                sessionId,
                id -> new Uploader(journal, client, spool.events(), maxUploadBackoff, uploadConcurrency).start());
    }

    private SessionCounters countersFor(String sessionId, SessionJournal journal) {
        return counters.computeIfAbsent(
                sessionId, id -> new SessionCounters(id, journal, spool, RecordingState.RECOVERED));
    }

    /** A recording has ended: it is no longer the active one. */
    private synchronized void released(Recording r) {
        if (active == r) {
            active = null;
        }
    }
}
