package com.nusomi.recorder.ui.sessions;

import com.nusomi.recorder.app.TaskRunner;
import com.nusomi.recorder.app.connection.ConnectionState;
import com.nusomi.recorder.client.SessionsClient;
import com.nusomi.recorder.client.model.Session;
import com.nusomi.recorder.ui.common.Debouncer;
import com.nusomi.recorder.ui.common.NewServers;
import com.nusomi.recorder.ui.common.Operations;
import com.nusomi.recorder.ui.export.Exports;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
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
    private final KeepCurrent current;
    private final ReadOnlyStringWrapper server = new ReadOnlyStringWrapper();
    private final Exports exports;

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
        this.store = store;
        this.debouncer = debouncer;
        this.saved = new SavedFilters(store, filters);
        this.pages = new SessionPages(
                tasks,
                ops,
                client,
                seen -> filters.rememberWorkflows(
                        seen.stream().map(Session::workflow).toList()));
        countText = pages.countText(trash);
        filters.filtersProperty().addListener((o, before, now) -> {
            if (!filters.isApplying()) {
                debouncer.trigger(this::applyFilters);
            }
        });
        trash.addListener((o, a, b) -> reload(false));
        this.detail = new DetailViewModel(tasks, client, this::refresh);
        this.exports = new Exports(tasks, client);
        this.actions = new SessionActions(ops, client, clock, selection, pages.hidden(), this::refresh, undoTimer);
        this.current = new KeepCurrent(
                tasks,
                () -> reloadIfConnected(true),
                () -> pages.loadingProperty().get() || ops.isBusy());
        Session[] shown = {null};
        selection.addListener((ListChangeListener<Session>) c -> {
            Session last = selection.isEmpty() ? null : selection.get(selection.size() - 1);
            if (last == null || !last.equals(shown[0])) { // a reload that changed nothing leaves the detail alone
                shown[0] = last;
                detail.show(last, trash.get());
            }
        });
    }

    /** Reads the saved filters (off the UI thread), applies them and loads the first page. */
    public void start() {
        if (store == null) {
            reloadIfConnected(false);
            return;
        }
        tasks.run(
                store::load,
                state -> {
                    saved.restore(state.saved());
                    filters.apply(state.current());
                    debouncer.cancel();
                    reloadIfConnected(false);
                },
                e -> reloadIfConnected(false));
    }

    private void reloadIfConnected(boolean keep) {
        if (connected) {
            reload(keep);
        }
    }

    /**
     * Follows the connection's state (on the UI thread): each time one comes online under another label than the
     * last (the first connection, or a switch to another server), the screen starts over on it. Followed until
     * {@link #dispose()}.
     */
    public void follow(ObservableValue<ConnectionState> connection) {
        following = following.and(NewServers.follow(connection, this::onConnected));
    }

    /** What keeps the list current: reloads when shown, after the app's own changes, and while shown. */
    public KeepCurrent keepCurrent() {
        return current;
    }

    /** A new connection: the rows of the last one go at once; forget the key's scope, ask again, and reload. */
    public void onConnected(String label) {
        boolean another = connected;
        connected = true;
        admin.set(null);
        pages.forgetServer();
        if (another) {
            pages.clear(); // another server's rows: never shown as this one's
            selection.clear();
        }
        server.set(label);
        pages.askAdmin(admin::set); // the trash list is admin-only
        reload(true);
    }

    private void applyFilters() {
        saved.write();
        reloadIfConnected(false);
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

    /** The saved filter sets: save, delete, rename, get, and their names. */
    public SavedFilters saved() {
        return saved;
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
                    server.set(null);
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
        current.dispose();
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

    /** The server being read after a connection: "Loading from" it until its rows land; null otherwise. */
    public ReadOnlyStringProperty loadingFromProperty() {
        return server.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Reselection> reselectProperty() {
        return reselect.getReadOnlyProperty();
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

    /** Export and Send to server, on this screen's client. */
    public Exports exports() {
        return exports;
    }
}
