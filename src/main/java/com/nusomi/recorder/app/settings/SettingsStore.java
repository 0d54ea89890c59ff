package com.nusomi.recorder.app.settings;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and writes {@code settings.json} in the data folder. {@link #save} serialises on the calling thread (a
 * consistent snapshot) and writes the file on the executor, replacing it atomically.
 */
public final class SettingsStore {
    private static final Logger LOG = LoggerFactory.getLogger(SettingsStore.class);

    private final Path file;
    private final Executor executor;
    private final Object writeLock = new Object();

    public SettingsStore(Path dataDir, Executor executor) {
        this.file = dataDir.resolve("settings.json");
        this.executor = executor;
    }

    /** Made on first use: with no settings file yet, the first window does not wait for Jackson to load. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
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
            Settings s = Json.MAPPER.readValue(file.toFile(), Settings.class);
            return s != null ? s : new Settings();
        } catch (IOException e) {
            LOG.warn("cannot read {} ({}); using the defaults", file, e.getMessage());
            return new Settings();
        }
    }

    /** Writes a snapshot of the settings off the calling thread. */
    public CompletableFuture<Void> save(Settings settings) {
        byte[] snapshot;
        try {
            snapshot = Json.MAPPER.writeValueAsBytes(settings);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
        return CompletableFuture.runAsync(() -> write(snapshot), executor);
    }

    /** Writes the settings now, on the calling thread (tests, shutdown). */
    public void saveNow(Settings settings) throws IOException {
        write(Json.MAPPER.writeValueAsBytes(settings));
    }

    private void write(byte[] bytes) {
        synchronized (writeLock) {
            try {
                Files.createDirectories(file.getParent());
                Path tmp = file.resolveSibling("settings.json.tmp");
                Files.write(tmp, bytes);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                LOG.warn("cannot write {}: {}", file, e.getMessage());
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
