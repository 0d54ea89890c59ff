package com.nusomi.recorder.ui.sessions;

import com.nusomi.recorder.app.TaskRunner;
import com.nusomi.recorder.client.Page;
import com.nusomi.recorder.client.SessionsClient;
import com.nusomi.recorder.client.exception.InvalidRequestException;
import com.nusomi.recorder.client.exception.PermissionException;
import com.nusomi.recorder.client.model.Session;
import com.nusomi.recorder.client.request.SessionQuery;
import com.nusomi.recorder.ui.common.Debouncer;
import com.nusomi.recorder.ui.common.Failure;
import com.nusomi.recorder.ui.common.Operations;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import javafx.collections.transformation.FilteredList;

/**
 * The Sessions screen's list: the filters (applied as they change, after a quiet moment), the rows loaded so
 * far page by page, the trash view, the selection, and whether the key may use admin actions. Every request
 * runs off the UI thread; a response to an older request than the newest never lands (a generation count).
 */
public final class SessionsViewModel {
    public static final int PAGE_SIZE = 100;
    static final int MAX_LIMIT = 500;

    /** Rows to select again after a reload; {@code seq} makes each one a change. */
    public record Reselection(long seq, Set<String> ids) {
    }

    private final TaskRunner tasks;
    private final Operations ops;
    private final Supplier<SessionsClient> client;
    private final FilterStore store;
    private final Debouncer debouncer;
    private final FilterModel filters = new FilterModel();
    private final ObservableList<Session> rows = FXCollections.observableArrayList();
    private final ObservableSet<String> hidden = FXCollections.observableSet();
    private final FilteredList<Session> visibleRows = new FilteredList<>(rows);
    private final ObservableList<Session> selection = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper hasMore = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<Boolean> admin = new ReadOnlyObjectWrapper<>();
    private final BooleanProperty trash = new SimpleBooleanProperty(false);
    private final ReadOnlyObjectWrapper<Reselection> reselect = new ReadOnlyObjectWrapper<>();
    private final ObservableList<String> savedFilterNames = FXCollections.observableArrayList();
    private final Map<String, SessionFilters> saved = new LinkedHashMap<>();
    private final StringBinding countText;
    private final DetailViewModel detail;
    private final SessionActions actions;

    private SessionQuery query;
    private String cursor;
    private long generation;
    private long reselectSeq;
    private volatile boolean includeTags = true;
    private boolean connected;
    private boolean loadFailed;

    public SessionsViewModel(TaskRunner tasks, Supplier<SessionsClient> client, FilterStore store,
                             Debouncer debouncer, Debouncer undoTimer, Clock clock) {
        this.tasks = tasks;
        this.ops = new Operations(tasks);
        this.client = client;
        this.store = store;
        this.debouncer = debouncer;
        visibleRows.predicateProperty().bind(Bindings.createObjectBinding(
                () -> s -> !hidden.contains(s.id()), hidden));
        countText = Bindings.createStringBinding(() -> {
            int n = visibleRows.size();
            String what = trash.get() ? " in the trash" : "";
            return Formats.count(n, "session", "sessions") + what + (hasMore.get() ? " loaded, more to load" : "")
                    + (loading.get() ? " · loading…" : "");
        }, visibleRows, hasMore, loading, trash);
        filters.filtersProperty().addListener((o, before, now) -> {
            if (!filters.isApplying()) {
                debouncer.trigger(this::applyFilters);
            }
        });
        trash.addListener((o, a, b) -> reload(false));
        this.detail = new DetailViewModel(tasks, client, this::refresh);
        this.actions = new SessionActions(ops, client, clock, selection, hidden, this::refresh, undoTimer);
        selection.addListener((javafx.collections.ListChangeListener<Session>) c ->
                detail.show(selection.isEmpty() ? null : selection.get(selection.size() - 1), trash.get()));
    }

    /** Reads the saved filters (off the UI thread), applies them and loads the first page. */
    public void start() {
        if (store == null) {
            if (connected) {
                reload(false);
            }
            return;
        }
        tasks.run(store::load, state -> {
            saved.clear();
            saved.putAll(state.saved());
            savedFilterNames.setAll(saved.keySet());
            filters.apply(state.current());
            debouncer.cancel();
            if (connected) {
                reload(false);
            }
        }, e -> {
            if (connected) {
                reload(false);
            }
        });
    }

    /** A new connection: forget what we knew about the key's scope, ask again, and reload. */
    public void onConnected() {
        connected = true;
        admin.set(null);
        includeTags = true;
        checkAdmin();
        reload(true);
    }

    /** Asks the server once whether the key has the admin scope: the trash list is admin-only. */
    public void checkAdmin() {
        tasks.run(() -> {
            try {
                client.get().sessions().list(SessionQuery.builder().deletedOnly(true).limit(1).build()).execute();
                return Boolean.TRUE;
            } catch (PermissionException e) {
                return Boolean.FALSE;
            }
        }, admin::set, e -> admin.set(Boolean.FALSE));
    }

    private void applyFilters() {
        saveState();
        if (connected) {
            reload(false);
        }
    }

    public void onClearFilters() {
        openFilters(SessionFilters.NONE);
    }

    /** Sets the filters at once and loads (no debounce: a deliberate choice). */
    public void openFilters(SessionFilters f) {
        filters.apply(f);
        debouncer.cancel();
        applyFilters();
    }

    public void onOpenSaved(String name) {
        SessionFilters f = saved.get(name);
        if (f != null) {
            openFilters(f);
        }
    }

    public void onSaveFilters(String name) {
        if (name == null || name.isBlank()) {
            return;
        }
        saved.put(name.strip(), filters.getFilters());
        savedFilterNames.setAll(saved.keySet());
        saveState();
    }

    /** Forgets a saved filter set (the current filters stay as they are). */
    public void onDeleteSaved(String name) {
        if (saved.remove(name) != null) {
            savedFilterNames.setAll(saved.keySet());
            saveState();
        }
    }

    /**
     * Gives a saved filter set another name, in the same place in the list. False (and nothing changes) when
     * there is no set {@code from}, or {@code to} is blank or already names another set.
     */
    public boolean onRenameSaved(String from, String to) {
        String name = to == null ? "" : to.strip();
        if (!saved.containsKey(from) || !canRenameSaved(from, name)) {
            return false;
        }
        if (!name.equals(from)) {
            Map<String, SessionFilters> renamed = new LinkedHashMap<>();
            saved.forEach((k, v) -> renamed.put(k.equals(from) ? name : k, v));
            saved.clear();
            saved.putAll(renamed);
            savedFilterNames.setAll(saved.keySet());
            saveState();
        }
        return true;
    }

    /** Whether {@code to} may become the new name of the saved set {@code from}. */
    public boolean canRenameSaved(String from, String to) {
        String name = to == null ? "" : to.strip();
        return !name.isEmpty() && (name.equals(from) || !saved.containsKey(name));
    }

    /** The filters saved under {@code name}, or null. */
    public SessionFilters savedFilters(String name) {
        return saved.get(name);
    }

    private void saveState() {
        if (store != null) {
            store.save(new FilterStore.State(filters.getFilters(), saved));
        }
    }

    /** Reloads what is shown (at least as many rows as now), keeping the selection where it can. */
    public void refresh() {
        reload(true);
    }

    private void reload(boolean keep) {
        long gen = ++generation;
        SessionFilters f = filters.getFilters();
        boolean inTrash = trash.get();
        int want = keep ? Math.max(PAGE_SIZE, rows.size()) : PAGE_SIZE;
        Set<String> keepIds = keep ? selectedIds() : Set.of();
        loading.set(true);
        tasks.run(() -> fetch(f, inTrash, want), result -> {
            if (gen != generation) {
                return;
            }
            if (loadFailed) {
                ops.dismiss(); // the list is back: an earlier failure to load it no longer applies
                loadFailed = false;
            }
            query = result.query();
            cursor = result.page().nextCursor();
            hidden.clear();
            rows.setAll(result.page().data());
            hasMore.set(result.page().hasMore());
            loading.set(false);
            filters.rememberWorkflows(result.page().data().stream().map(Session::workflow).toList());
            reselect.set(new Reselection(++reselectSeq, keepIds));
        }, e -> failed(gen, "Loading sessions", e, () -> reload(keep)));
    }

    private record Fetched(SessionQuery query, Page<Session> page) {
    }

    /** The first {@code want} rows (one call when they fit in one page), blocking. */
    private Fetched fetch(SessionFilters f, boolean inTrash, int want) {
        try {
            return fetchPages(f.toQuery(Math.min(MAX_LIMIT, want), inTrash, includeTags), want);
        } catch (InvalidRequestException e) {
            if (includeTags && "include".equals(e.param())) {
                includeTags = false; // a server without the [ext] include on lists
                return fetchPages(f.toQuery(Math.min(MAX_LIMIT, want), inTrash, false), want);
            }
            throw e;
        }
    }

    private Fetched fetchPages(SessionQuery q, int want) {
        SessionsClient c = client.get();
        Page<Session> page = c.sessions().list(q).execute();
        List<Session> all = new ArrayList<>(page.data());
        while (page.hasMore() && all.size() < want) {
            page = c.sessions().list(q.withCursor(page.nextCursor())).execute();
            all.addAll(page.data());
        }
        SessionQuery next = q.toBuilder().limit(PAGE_SIZE).cursor(null).build();
        return new Fetched(next, new Page<>(all, page.nextCursor(), page.hasMore()));
    }

    /** Loads the next page, if there is one and nothing is loading. */
    public void loadMore() {
        if (loading.get() || !hasMore.get() || cursor == null || query == null) {
            return;
        }
        long gen = generation;
        SessionQuery q = query.withCursor(cursor);
        loading.set(true);
        tasks.run(() -> client.get().sessions().list(q).execute(), page -> {
            if (gen != generation) {
                return;
            }
            cursor = page.nextCursor();
            rows.addAll(page.data());
            hasMore.set(page.hasMore());
            loading.set(false);
            filters.rememberWorkflows(page.data().stream().map(Session::workflow).toList());
        }, e -> failed(gen, "Loading more sessions", e, this::loadMore));
    }

    private void failed(long gen, String title, Throwable e, Runnable retry) {
        if (gen != generation) {
            return;
        }
        loading.set(false);
        loadFailed = true;
        ops.fail(Failure.of(title, e, retry));
    }

    /** The selected rows, as the view reports them. */
    public void setSelection(List<Session> selected) {
        selection.setAll(selected);
    }

    public Set<String> selectedIds() {
        Set<String> ids = new LinkedHashSet<>();
        selection.forEach(s -> ids.add(s.id()));
        return ids;
    }

    public FilterModel filters() {
        return filters;
    }

    public ObservableList<Session> rows() {
        return visibleRows;
    }

    public ObservableList<Session> selection() {
        return selection;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasMoreProperty() {
        return hasMore.getReadOnlyProperty();
    }

    /** True or false once the server has been asked; null until then. */
    public ReadOnlyObjectProperty<Boolean> adminProperty() {
        return admin.getReadOnlyProperty();
    }

    public BooleanProperty trashProperty() {
        return trash;
    }

    public ReadOnlyObjectProperty<Reselection> reselectProperty() {
        return reselect.getReadOnlyProperty();
    }

    public ObservableList<String> savedFilterNames() {
        return savedFilterNames;
    }

    public StringBinding countTextProperty() {
        return countText;
    }

    public Operations ops() {
        return ops;
    }

    public DetailViewModel detail() {
        return detail;
    }

    public SessionActions actions() {
        return actions;
    }
}
