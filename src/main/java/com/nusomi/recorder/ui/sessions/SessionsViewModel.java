package com.nusomi.recorder.ui.sessions;

import com.nusomi.recorder.app.TaskRunner;
import com.nusomi.recorder.app.connection.ConnectionState;
import com.nusomi.recorder.client.SessionsClient;
import com.nusomi.recorder.client.exception.PermissionException;
import com.nusomi.recorder.client.model.Session;
import com.nusomi.recorder.client.request.SessionQuery;
import com.nusomi.recorder.ui.common.Debouncer;
import com.nusomi.recorder.ui.common.Operations;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.util.Subscription;

/**
 * The Sessions screen's state: the filters (applied as they change, after a quiet moment, and kept with the saved
 * filter sets in {@link SavedFilters}), the rows the server pages ({@link SessionPages}), the trash view, the
 * selection with its {@link DetailViewModel detail}, the {@link SessionActions actions} on it, and whether the key
 * may use admin actions. It follows the connection given to {@link #follow} and starts over on each new one.
 */
public final class SessionsViewModel {
    public static final int PAGE_SIZE = SessionPages.PAGE_SIZE;

    /** Rows to select again after a reload; {@code seq} makes each one a change. */
    public record Reselection(long seq, Set<String> ids) {}

    private final TaskRunner tasks;
    private final Operations ops;
    private final Supplier<SessionsClient> client;
    private final FilterStore store;
    private final Debouncer debouncer;
    private final FilterModel filters = new FilterModel();
    private final SavedFilters saved;
    private final SessionPages pages;
    private final ObservableList<Session> selection = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Boolean> admin = new ReadOnlyObjectWrapper<>();
    private final BooleanProperty trash = new SimpleBooleanProperty(false);
    private final ReadOnlyObjectWrapper<Reselection> reselect = new ReadOnlyObjectWrapper<>();
    private final StringBinding countText;
    private final DetailViewModel detail;
    private final SessionActions actions;

    private Subscription following = Subscription.EMPTY;
    private long reselectSeq;
    /** A reload's rows are replacing the old ones: the table's passing empty selection is not the user's. */
    private boolean landing;

    private boolean connected;

    public SessionsViewModel(
            TaskRunner tasks,
            Supplier<SessionsClient> client,
            FilterStore store,
            Debouncer debouncer,
            Debouncer undoTimer,
            Clock clock) {
        this.tasks = tasks;
        this.ops = new Operations(tasks);
        this.client = client;
        this.store = store;
        this.debouncer = debouncer;
        this.saved = new SavedFilters(store, filters);
        this.pages = new SessionPages(
                tasks,
                ops,
                client,
                seen -> filters.rememberWorkflows(
                        seen.stream().map(Session::workflow).toList()));
        ObservableList<Session> rows = pages.rows();
        countText = Bindings.createStringBinding(
                () -> {
                    String what = trash.get() ? " in the trash" : "";
                    return Formats.count(rows.size(), "session", "sessions")
                            + what
                            + (pages.hasMoreProperty().get() ? " loaded, more to load" : "")
                            + (pages.loadingProperty().get() ? " · loading…" : "");
                },
                rows,
                pages.hasMoreProperty(),
                pages.loadingProperty(),
                trash);
        filters.filtersProperty().addListener((o, before, now) -> {
            if (!filters.isApplying()) {
                debouncer.trigger(this::applyFilters);
            }
        });
        trash.addListener((o, a, b) -> reload(false));
        this.detail = new DetailViewModel(tasks, client, this::refresh);
        this.actions = new SessionActions(ops, client, clock, selection, pages.hidden(), this::refresh, undoTimer);
        selection.addListener((ListChangeListener<Session>)
                c -> detail.show(selection.isEmpty() ? null : selection.get(selection.size() - 1), trash.get()));
    }

    /** Reads the saved filters (off the UI thread), applies them and loads the first page. */
    public void start() {
        if (store == null) {
            if (connected) {
                reload(false);
            }
            return;
        }
        tasks.run(
                store::load,
                state -> {
                    saved.restore(state.saved());
                    filters.apply(state.current());
                    debouncer.cancel();
                    if (connected) {
                        reload(false);
                    }
                },
                e -> {
                    if (connected) {
                        reload(false);
                    }
                });
    }

    /**
     * Follows the connection's state (on the UI thread): each time one comes online under another label than the
     * last (the first connection, or a switch to another server), the screen starts over on it. Followed until
     * {@link #dispose()}.
     */
    public void follow(ObservableValue<ConnectionState> connection) {
        String[] online = {null};
        following = following.and(connection.subscribe(s -> {
            if (s == null) {
                return;
            }
            if (s.phase() == ConnectionState.Phase.ONLINE && !Objects.equals(online[0], s.label())) {
                online[0] = s.label();
                onConnected();
            } else if (s.phase() == ConnectionState.Phase.CONNECTING || s.phase() == ConnectionState.Phase.FAILED) {
                online[0] = null;
            }
        }));
    }

    /** A new connection: forget what we knew about the key's scope, ask again, and reload. */
    public void onConnected() {
        connected = true;
        admin.set(null);
        pages.forgetServer();
        checkAdmin();
        reload(true);
    }

    /** Asks the server once whether the key has the admin scope: the trash list is admin-only. */
    public void checkAdmin() {
        tasks.run(
                () -> {
                    try {
                        client.get()
                                .sessions()
                                .list(SessionQuery.builder()
                                        .deletedOnly(true)
                                        .limit(1)
                                        .build())
                                .execute();
                        return Boolean.TRUE;
                    } catch (PermissionException e) {
                        return Boolean.FALSE;
                    }
                },
                admin::set,
                e -> admin.set(Boolean.FALSE));
    }

    private void applyFilters() {
        saved.write();
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
        saved.save(name);
    }

    /** Forgets a saved filter set (the current filters stay as they are). */
    public void onDeleteSaved(String name) {
        saved.delete(name);
    }

    /**
     * Gives a saved filter set another name, in the same place in the list. False (and nothing changes) when
     * there is no set {@code from}, or {@code to} is blank or already names another set.
     */
    public boolean onRenameSaved(String from, String to) {
        return saved.rename(from, to);
    }

    /** Whether {@code to} may become the new name of the saved set {@code from}. */
    public boolean canRenameSaved(String from, String to) {
        return saved.canRename(from, to);
    }

    /** The filters saved under {@code name}, or null. */
    public SessionFilters savedFilters(String name) {
        return saved.get(name);
    }

    /** Reloads what is shown (at least as many rows as now), keeping the selection where it can. */
    public void refresh() {
        reload(true);
    }

    private void reload(boolean keep) {
        Set<String> keepIds = keep ? selectedIds() : Set.of();
        pages.reload(
                filters.getFilters(),
                trash.get(),
                keep,
                () -> landing = true,
                () -> {
                    landing = false;
                    reselect.set(new Reselection(++reselectSeq, keepIds));
                },
                () -> reload(keep));
    }

    /** Loads the next page, if there is one and nothing is loading. */
    public void loadMore() {
        pages.loadMore();
    }

    /**
     * Lets go of everything the screen started: stops following the connection, drops answers still on the way
     * and pending timers. Call it when the screen goes away.
     */
    public void dispose() {
        following.unsubscribe();
        following = Subscription.EMPTY;
        debouncer.cancel();
        pages.close();
        detail.dispose();
        actions.dispose();
    }

    /** The selected rows, as the view reports them. */
    public void setSelection(List<Session> selected) {
        if (landing) {
            return; // the reselection that follows the new rows says what is selected
        }
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
        return pages.rows();
    }

    public ObservableList<Session> selection() {
        return selection;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return pages.loadingProperty();
    }

    public ReadOnlyBooleanProperty hasMoreProperty() {
        return pages.hasMoreProperty();
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
        return saved.names();
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
