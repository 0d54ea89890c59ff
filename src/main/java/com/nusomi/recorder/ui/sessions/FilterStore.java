package com.nusomi.recorder.ui.sessions;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.nusomi.recorder.app.support.JsonFileWriter;
import com.nusomi.recorder.app.support.LocalJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code sessions-filters.json} in the data folder: the Sessions screen's current filters and the filter sets
 * saved under a name. Reading and writing block, so callers run them off the UI thread ({@link #save} does so
 * itself on the executor it is given).
 */
public final class FilterStore {
    private static final Logger LOG = LoggerFactory.getLogger(FilterStore.class);

    /** What the file holds. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record State(SessionFilters current, Map<String, SessionFilters> saved) {
        public State {
            current = current == null ? SessionFilters.NONE : current;
            saved = saved == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(saved));
        }

        public static final State EMPTY = new State(SessionFilters.NONE, Map.of());
    }

    private final Path file;
    private final JsonFileWriter writer;

    public FilterStore(Path dataDir, Executor executor) {
        this.file = dataDir.resolve("sessions-filters.json");
        this.writer = new JsonFileWriter(file, LocalJson.mapper(), executor);
    }

    public Path file() {
        return file;
    }

    /** The saved state, or an empty one when there is none or it cannot be read. Blocking. */
    public State load() {
        if (!Files.isRegularFile(file)) {
            return State.EMPTY;
        }
        try {
            State s = LocalJson.mapper().readValue(file.toFile(), State.class);
            return s != null ? s : State.EMPTY;
        } catch (IOException e) {
            LOG.warn("cannot read {} ({}); starting without filters", file, e.getMessage());
            return State.EMPTY;
        }
    }

    /**
     * Serialises the state now and writes it on the executor, replacing the file atomically. Saves made in a row
     * may reach a pool of threads in any order: the shared {@link JsonFileWriter} drops a save older than the one
     * already written, so the file always ends up with the last state saved.
     */
    public CompletableFuture<Void> save(State state) {
        return writer.save(state);
    }
}
