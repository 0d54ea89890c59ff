package com.nusomi.recorder.app.settings;

import com.nusomi.recorder.app.support.JsonFileWriter;
import com.nusomi.recorder.app.support.LocalJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and writes {@code settings.json} in the data folder. {@link #save} serialises on the calling thread (a
 * consistent snapshot) and writes the file on the executor through a {@link JsonFileWriter}: atomically, owner-only,
 * and never an older snapshot over a newer one.
 */
public final class SettingsStore {
    private static final Logger LOG = LoggerFactory.getLogger(SettingsStore.class);

    private final Path file;
    private final Executor executor;
    private volatile JsonFileWriter writer; // made on first save: Jackson loads then, not at start

    public SettingsStore(Path dataDir, Executor executor) {
        this.file = dataDir.resolve("settings.json");
        this.executor = executor;
    }

    public Path file() {
        return file;
    }

    /** The saved settings, or the defaults when there are none (or they cannot be read). */
    public Settings load() {
        if (!Files.isRegularFile(file)) {
            return new Settings();
        }
        try {
            Settings s = LocalJson.mapper().readValue(file.toFile(), Settings.class);
            return s != null ? s : new Settings();
        } catch (IOException e) {
            LOG.warn("cannot read {} ({}); using the defaults", file, e.getMessage());
            return new Settings();
        }
    }

    /**
     * Snapshots the settings now (call on the thread that changes them) and writes them off it; the last snapshot
     * taken is the one left on disk, whatever order the writes run in.
     */
    public CompletableFuture<Void> save(Settings settings) {
        return writer().save(settings);
    }

    /** Writes the settings now, on the calling thread (tests, shutdown). */
    public void saveNow(Settings settings) throws IOException {
        writer().saveNow(settings);
    }

    private JsonFileWriter writer() {
        JsonFileWriter w = writer;
        if (w == null) {
            synchronized (this) {
                if (writer == null) {
                    writer = new JsonFileWriter(file, LocalJson.mapper(), executor);
                }
                w = writer;
            }
        }
        return w;
    }
}
