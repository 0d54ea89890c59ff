package com.nusomi.recorder.app;

import com.nusomi.recorder.app.connection.Connection;
import com.nusomi.recorder.app.connection.ConnectionService;
import com.nusomi.recorder.app.support.Registration;
import com.nusomi.recorder.app.support.StartupTrace;
import com.nusomi.recorder.client.SessionsClient;
import com.nusomi.recorder.recorder.RecorderListener;
import com.nusomi.recorder.recorder.RecorderService;
import com.nusomi.recorder.recorder.RecorderStats;
import com.nusomi.recorder.recorder.RecorderWarning;
import com.nusomi.recorder.recorder.RecordingState;
import com.nusomi.recorder.recorder.capture.ScreenSource;
import com.nusomi.recorder.recorder.capture.WindowLocator;
import com.nusomi.recorder.recorder.input.InputSource;
import com.nusomi.recorder.recorder.spool.EntryInfo;
import com.nusomi.recorder.recorder.spool.RejectedEntry;
import com.nusomi.recorder.recorder.spool.ServerKey;
import com.nusomi.recorder.recorder.spool.SpoolFolders;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one {@link RecorderService} for the current connection's client and the data folder: built when the
 * connection comes up (then {@link RecorderService#recoverAll()} resumes spools of an earlier run), rebuilt when
 * the connection changes (only while nothing records; else once the recording ends), closed with the app. Fans
 * the recorder's reports out to the app's listeners. Knows nothing of JavaFX.
 *
 * <p>Each server has its own spool ({@link ServerKey}): the recorder of a connection sends only what was recorded
 * for that server. What waits for another server stays on disk ({@link #backlogElsewhere()}) and is sent when the
 * app is connected to that server again. The first recorder built also takes over an unkeyed spool left by an
 * older version ({@link SpoolFolders#adoptLegacy}): the first connection is the one the settings kept, i.e. the
 * server that version last recorded for.
 */
public final class RecorderHost implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RecorderHost.class);

    private final Path dataDir;
    private final Supplier<ScreenSource> screens;
    private final Supplier<InputSource> inputs;
    private final Supplier<WindowLocator> windows;
    private final List<RecorderListener> listeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> readyListeners = new CopyOnWriteArrayList<>();
    private final Fanout fanout = new Fanout();
    private RecorderService service;
    private SessionsClient client;
    private SessionsClient waitingClient;
    private ServerKey serverKey;
    private ServerKey waitingKey;
    private boolean legacyAdopted;
    private List<String> recovered = List.of();
    private boolean closed;
    private Registration following;

    /**
     * @param screens makes the screen source of each service built (null: the real screen)
     * @param inputs makes the input source of each service built (null: jnativehook on the process's one
     *               {@link com.nusomi.recorder.recorder.input.GlobalInputHook}, kept across rebuilds)
     * @param windows makes the window locator
     */
    public RecorderHost(
            Path dataDir,
            Supplier<ScreenSource> screens,
            Supplier<InputSource> inputs,
            Supplier<WindowLocator> windows) {
        this.dataDir = dataDir;
        this.screens = screens;
        this.inputs = inputs;
        this.windows = windows;
    }

    /**
     * Follows the connection: a new client means a new recorder (called on the connection's threads). Stops
     * following it when the host closes.
     */
    public void follow(ConnectionService connection) {
        Registration registration = connection.addListener(state -> {
            Connection c = connection.current();
            if (c != null) {
                use(c.client(), c.serverKey());
            }
        });
        synchronized (this) {
            following = registration;
        }
    }

    /** Uses this client from now on, as the server {@link ServerKey#of} names (URL and key). */
    public void use(SessionsClient newClient) {
        use(newClient, ServerKey.of(newClient));
    }

    /**
     * Uses this client of this server from now on (rebuilding the recorder unless it is recording: then after it).
     * The new recorder resumes that server's spool only.
     */
    public void use(SessionsClient newClient, ServerKey key) {
        RecorderService old;
        RecorderService built;
        boolean adopt;
        synchronized (this) {
            if (closed || newClient == client) {
                return;
            }
            if (service != null && service.active() != null) {
                waitingClient = newClient;
                waitingKey = key;
                return;
            }
            old = service;
            client = newClient;
            serverKey = key;
            waitingClient = null;
            waitingKey = null;
            service = null;
            adopt = !legacyAdopted;
            legacyAdopted = true;
        }
        if (old != null) {
            old.close();
        }
        StartupTrace.mark("recorder building");
        if (adopt) {
            SpoolFolders.adoptLegacy(dataDir, key);
        }
        try {
            built = RecorderService.builder(newClient, dataDir)
                    .server(key)
                    .screenSource(screens == null ? null : screens.get())
                    .inputSource(inputs == null ? null : inputs.get())
                    .windowLocator(windows == null ? WindowLocator.NONE : windows.get())
                    .listener(fanout)
                    .build();
        } catch (RuntimeException e) {
            LOG.warn("cannot open the recorder's spool in {}: {}", dataDir, e.toString(), e);
            return;
        }
        List<String> ids = built.recoverAll();
        synchronized (this) {
            if (closed || client != newClient) {
                built.close();
                return;
            }
            service = built;
            recovered = List.copyOf(ids);
        }
        if (!ids.isEmpty()) {
            LOG.info("resuming the upload of {} unfinished session spool(s): {}", ids.size(), ids);
        }
        StartupTrace.mark("recorder built");
        readyListeners.forEach(Runnable::run);
    }

    /** The recorder of the current connection, or null while there is none. */
    public synchronized RecorderService service() {
        return service;
    }

    /** The input source of the current recorder, or null while there is none. */
    public synchronized InputSource inputSource() {
        return service == null ? null : service.inputSource();
    }

    /** The server of the current client, or null before the first. */
    public synchronized ServerKey serverKey() {
        return serverKey;
    }

    /** Entries waiting on disk for servers other than the current one (reads the disk: not on the UI thread). */
    public List<SpoolFolders.Backlog> backlogElsewhere() {
        return SpoolFolders.backlogElsewhere(dataDir, serverKey());
    }

    /** Sessions whose spools were found unfinished when the current recorder was built. */
    public synchronized List<String> recovered() {
        return recovered;
    }

    /** Hears every recorder's reports (on the recorder's threads) until the registration is closed. */
    public Registration addListener(RecorderListener l) {
        listeners.add(l);
        return () -> listeners.remove(l);
    }

    /**
     * Called (on a worker thread) each time a recorder was built and its spools recovered, until the registration
     * is closed; at once (on the calling thread) if there is a recorder already.
     */
    public Registration onReady(Runnable r) {
        readyListeners.add(r);
        if (service() != null) {
            r.run();
        }
        return () -> readyListeners.remove(r);
    }

    /** Closes the recorder: pending entries stay on disk and are sent at the next start. */
    @Override
    public void close() {
        RecorderService s;
        Registration followed;
        synchronized (this) {
            closed = true;
            s = service;
            service = null;
            followed = following;
            following = null;
        }
        if (followed != null) {
            followed.close();
        }
        if (s != null) {
            s.close();
        }
    }

    private void afterRecording() {
        SessionsClient next;
        ServerKey nextKey;
        synchronized (this) {
            next = waitingClient;
            nextKey = waitingKey;
            if (next == null || service == null || service.active() != null) {
                return;
            }
        }
        use(next, nextKey);
    }

    /** The one listener every recorder gets: forwards to the app's listeners. */
    private final class Fanout implements RecorderListener {
        @Override
        public void onStateChanged(String sessionId, RecordingState state) {
            listeners.forEach(l -> l.onStateChanged(sessionId, state));
            if (state == RecordingState.STOPPED) {
                // not on this thread: it is the stopped session's uploader, which the rebuild closes and joins
                CompletableFuture.runAsync(RecorderHost.this::afterRecording).exceptionally(e -> {
                    LOG.warn("After-recording work failed", e);
                    return null;
                });
            }
        }

        @Override
        public void onStats(RecorderStats stats) {
            listeners.forEach(l -> l.onStats(stats));
        }

        @Override
        public void onRecorded(EntryInfo entry) {
            listeners.forEach(l -> l.onRecorded(entry));
        }

        @Override
        public void onUploaded(EntryInfo entry) {
            listeners.forEach(l -> l.onUploaded(entry));
        }

        @Override
        public void onRejected(RejectedEntry rejected) {
            listeners.forEach(l -> l.onRejected(rejected));
        }

        @Override
        public void onCaptureError(String sessionId, Exception error) {
            listeners.forEach(l -> l.onCaptureError(sessionId, error));
        }

        @Override
        public void onWarning(RecorderWarning warning) {
            listeners.forEach(l -> l.onWarning(warning));
        }

        @Override
        public void onDrained(String sessionId, boolean stopAcknowledged) {
            listeners.forEach(l -> l.onDrained(sessionId, stopAcknowledged));
        }
    }
}
