package com.nusomi.recorder.recorder;

import com.nusomi.recorder.client.SessionsClient;
import com.nusomi.recorder.recorder.capture.ScreenSource;
import com.nusomi.recorder.recorder.capture.WindowLocator;
import com.nusomi.recorder.recorder.input.InputSource;
import com.nusomi.recorder.recorder.spool.ServerKey;
import com.nusomi.recorder.recorder.spool.Spool;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Builds a {@link RecorderService} ({@link RecorderService#builder}): the client and the data folder are required,
 * everything else has a default fit for the app.
 */
public final class RecorderServiceBuilder {
    final SessionsClient client;
    final Path dataDir;
    ScreenSource screen;
    InputSource input;
    WindowLocator windows = WindowLocator.NONE;
    long spoolLimitBytes = Spool.DEFAULT_LIMIT_BYTES;
    Duration maxUploadBackoff = Duration.ofSeconds(5);
    Duration inputCheckInterval = Duration.ofSeconds(1);
    int uploadConcurrency = 4;
    Clock clock = Clock.systemUTC();
    RecorderListener listener = RecorderListener.NONE;
    ServerKey server;

    RecorderServiceBuilder(SessionsClient client, Path dataDir) {
        this.client = Objects.requireNonNull(client, "client");
        this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
    }

    /** Where frames come from (default: the real screen through AWT's Robot). */
    public RecorderServiceBuilder screenSource(ScreenSource s) {
        this.screen = s;
        return this;
    }

    /** Where clicks and keys come from (default: jnativehook global hooks). */
    public RecorderServiceBuilder inputSource(InputSource s) {
        this.input = s;
        return this;
    }

    /** Finds windows by title for privacy blackouts and click events (default: none, see {@link WindowLocator}). */
    public RecorderServiceBuilder windowLocator(WindowLocator w) {
        this.windows = Objects.requireNonNull(w);
        return this;
    }

    /** Size limit of the spool (default 2 GiB). */
    public RecorderServiceBuilder spoolLimitBytes(long bytes) {
        if (bytes <= 0) {
            throw new IllegalArgumentException("the spool limit must be positive");
        }
        this.spoolLimitBytes = bytes;
        return this;
    }

    /** Longest wait between upload attempts while the server is unreachable (default 5 s). */
    public RecorderServiceBuilder maxUploadBackoff(Duration d) {
        this.maxUploadBackoff = Objects.requireNonNull(d);
        return this;
    }

    /**
     * Frames in flight at once per session (default 4; 1 sends every entry strictly one after the other). Entries
     * are acknowledged in journal order whatever this is; events, tags and the stop always go one at a time.
     */
    public RecorderServiceBuilder uploadConcurrency(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("uploadConcurrency must be at least 1");
        }
        this.uploadConcurrency = n;
        return this;
    }

    /** How often a recording checks that input still arrives ({@link InputSource#failure()}; default 1 s). */
    public RecorderServiceBuilder inputCheckInterval(Duration d) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("inputCheckInterval must be positive");
        }
        this.inputCheckInterval = d;
        return this;
    }

    public RecorderServiceBuilder clock(Clock c) {
        this.clock = Objects.requireNonNull(c);
        return this;
    }

    /**
     * The server the client talks to: the spool is then {@code <data>/spool/<server key id>}, and only that
     * server's unfinished journals are resumed by {@link RecorderService#recoverAll()}. Without it the spool is the
     * unkeyed {@code <data>/spool} (fine for a recorder that only ever talks to one server; the app always sets it).
     */
    public RecorderServiceBuilder server(ServerKey key) {
        this.server = key;
        return this;
    }

    public RecorderServiceBuilder listener(RecorderListener l) {
        this.listener = l == null ? RecorderListener.NONE : l;
        return this;
    }

    public RecorderService build() {
        return new RecorderService(this);
    }
}
