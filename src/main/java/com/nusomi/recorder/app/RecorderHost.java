package com.nusomi.recorder.app;

import com.nusomi.recorder.app.connection.ConnectionService;
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
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one {@link RecorderService} for the current connection's client and the data folder: built when the
 * connection comes up (then {@link RecorderService#recoverAll()} resumes spools of an earlier run), rebuilt when
 * the connection changes (only while nothing records; else once the recording ends), closed with the app. Fans
 * the recorder's reports out to the app's listeners. Knows nothing of JavaFX.
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
    private List<String> recovered = List.of();
    private boolean closed;

    /**
     * @param screens makes the screen source of each service built (null: the real screen)
     * @param inputs makes the input source of each service built (null: jnativehook on the process's one
     *               {@link com.nusomi.recorder.recorder.input.GlobalInputHook}, kept across rebuilds)
     * @param windows makes the window locator
     */
    public RecorderHost(Path dataDir, Supplier<ScreenSource> screens, Supplier<InputSource> inputs,
                        Supplier<WindowLocator> windows) {
        this.dataDir = dataDir;
        this.screens = screens;
        this.inputs = inputs;
        this.windows = windows;
    }

    /** Follows the connection: a new client means a new recorder (called on the connection's threads). */
    public void follow(ConnectionService connection) {
        connection.addListener(state -> {
            if (connection.isConnected()) {
                try {
                    use(connection.client());
                } catch (IllegalStateException gone) {
                    // disconnected in between
                }
            }
        });
    }

    /** Uses this client from now on (rebuilding the recorder unless it is recording: then after it). */
    public void use(SessionsClient newClient) {
        RecorderService old;
        RecorderService built;
        synchronized (this) {
            if (closed || newClient == client) {
                return;
            }
            if (service != null && service.active() != null) {
                waitingClient = newClient;
                return;
            }
            old = service;
            client = newClient;
            waitingClient = null;
            service = null;
        }
        if (old != null) {
            old.close();
        }
        StartupTrace.mark("recorder building");
        try {
            built = RecorderService.builder(newClient, dataDir)
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

    /** Sessions whose spools were found unfinished when the current recorder was built. */
    public synchronized List<String> recovered() {
        return recovered;
    }

    public void addListener(RecorderListener l) {
        listeners.add(l);
    }

    public void removeListener(RecorderListener l) {
        listeners.remove(l);
    }

    /** Called (on a worker thread) each time a recorder was built and its spools recovered. */
    public void onReady(Runnable r) {
        readyListeners.add(r);
        if (service() != null) {
            r.run();
        }
    }

    /** Closes the recorder: pending entries stay on disk and are sent at the next start. */
    @Override
    public void close() {
        RecorderService s;
        synchronized (this) {
            closed = true;
            s = service;
            service = null;
        }
        if (s != null) {
            s.close();
        }
    }

    private void afterRecording() {
        SessionsClient next;
        synchronized (this) {
            next = waitingClient;
            if (next == null || service == null || service.active() != null) {
                return;
            }
        }
        use(next);
    }

    /** The one listener every recorder gets: forwards to the app's listeners. */
    private final class Fanout implements RecorderListener {
        @Override
        public void onStateChanged(String sessionId, RecordingState state) {
            listeners.forEach(l -> l.onStateChanged(sessionId, state));
            if (state == RecordingState.STOPPED) {
                afterRecording();
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
