package com.nusomi.recorder.ui.sessions;

import java.util.LinkedHashMap;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The filter sets saved under a name, in the order they were saved, and the writing of them with the filters in
 * use to the {@link FilterStore} (off the UI thread, by the store). Without a store, nothing is written.
 */
public final class SavedFilters {
    private static final Logger LOG = LoggerFactory.getLogger(SavedFilters.class);

    private final FilterStore store;
    private final FilterModel filters;
    private final Map<String, SessionFilters> saved = new LinkedHashMap<>();
    private final ObservableList<String> names = FXCollections.observableArrayList();

    /** Writes to {@code store} (may be null) the sets and the current values of {@code filters}. */
    SavedFilters(FilterStore store, FilterModel filters) {
        this.store = store;
        this.filters = filters;
    }

    /** Takes the sets read from the store. */
    void restore(Map<String, SessionFilters> sets) {
        saved.clear();
        saved.putAll(sets);
        names.setAll(saved.keySet());
    }

    /** Saves the current filters under {@code name} (stripped), replacing a set of that name. */
    public void save(String name) {
        if (name == null || name.isBlank()) {
            return;
        }
        saved.put(name.strip(), filters.getFilters());
        names.setAll(saved.keySet());
        write();
    }

    /** Forgets a set; false when there is none of that name. */
    public boolean delete(String name) {
        if (saved.remove(name) == null) {
            return false;
        }
        names.setAll(saved.keySet());
        write();
        return true;
    }

    /**
     * Gives a set another name, in the same place in the list. False (and nothing changes) when there is no set
     * {@code from}, or {@code to} is blank or already names another set.
     */
    public boolean rename(String from, String to) {
        String name = to == null ? "" : to.strip();
        if (!saved.containsKey(from) || !canRename(from, name)) {
            return false;
        }
        if (!name.equals(from)) {
            Map<String, SessionFilters> renamed = new LinkedHashMap<>();
            saved.forEach((k, v) -> renamed.put(k.equals(from) ? name : k, v));
            saved.clear();
            saved.putAll(renamed);
            names.setAll(saved.keySet());
            write();
        }
        return true;
    }

    /** Whether {@code to} may become the new name of the set {@code from}. */
    public boolean canRename(String from, String to) {
        String name = to == null ? "" : to.strip();
        return !name.isEmpty() && (name.equals(from) || !saved.containsKey(name));
    }

    /** The filters saved under {@code name}, or null. */
    public SessionFilters get(String name) {
        return saved.get(name);
    }

    /** Writes the sets and the filters in use (off the UI thread, by the store). */
    void write() {
        if (store != null) {
            store.save(new FilterStore.State(filters.getFilters(), saved)).exceptionally(e -> {
                LOG.warn("Could not save the filters", e);
                return null;
            });
        }
    }

    public ObservableList<String> names() {
        return names;
    }
}
