package com.nusomi.recorder.ui.sessions;

import com.nusomi.recorder.app.TaskRunner;
import com.nusomi.recorder.client.Page;
import com.nusomi.recorder.client.SessionsClient;
import com.nusomi.recorder.client.exception.InvalidRequestException;
import com.nusomi.recorder.client.exception.PermissionException;
import com.nusomi.recorder.client.model.Session;
import com.nusomi.recorder.client.request.SessionQuery;
import com.nusomi.recorder.ui.common.Failure;
import com.nusomi.recorder.ui.common.Operations;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import javafx.collections.transformation.FilteredList;

/**
 * The Sessions list's rows as the server pages them: the first page for the filters of the moment (on a refresh,
 * at least as many rows as were shown), then the next page on request, less the rows hidden while an action
 * deletes them. Every call runs off the UI thread; an answer to an older request than the newest never lands (a
 * generation count). A server that does not take {@code include=tags} on lists is asked without it.
 */
final class SessionPages {
    static final int PAGE_SIZE = 100;
    static final int MAX_LIMIT = 500;
    /** More new rows than this in a reload, and the rows are replaced at once rather than one by one. */
    static final int MAX_INSERTS = 20;

    private final TaskRunner tasks;
    private final Operations ops;
    private final Supplier<SessionsClient> client;
    private final Consumer<List<Session>> seen;
    private final ObservableList<Session> rows = FXCollections.observableArrayList();
    private final ObservableSet<String> hidden = FXCollections.observableSet();
    private final FilteredList<Session> visibleRows = new FilteredList<>(rows);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper hasMore = new ReadOnlyBooleanWrapper(false);

    private SessionQuery query;
    private String cursor;
    private long generation;
    private volatile boolean includeTags = true;
    private boolean loadFailed;
    private boolean closed;
    private boolean moreWanted;

    /** Lists through {@code client}, failures shown by {@code ops}; {@code seen} is told the rows of each page. */
    SessionPages(TaskRunner tasks, Operations ops, Supplier<SessionsClient> client, Consumer<List<Session>> seen) {
        this.tasks = tasks;
        this.ops = ops;
        this.client = client;
        this.seen = seen;
        visibleRows.predicateProperty().bind(Bindings.createObjectBinding(() -> s -> !hidden.contains(s.id()), hidden));
    }

    /** Asks once whether the key has the admin scope (it may list the trash); {@code answer} hears on the UI thread. */
    void askAdmin(Consumer<Boolean> answer) {
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
                answer,
                e -> answer.accept(Boolean.FALSE));
    }

    /** "120 sessions loaded, more to load · loading…": the rows loaded, and whether in the {@code trash}. */
    StringBinding countText(ObservableBooleanValue trash) {
        return Bindings.createStringBinding(
                () -> Formats.count(visibleRows.size(), "session", "sessions")
                        + (trash.get() ? " in the trash" : "")
                        + (hasMore.get() ? " loaded, more to load" : "")
                        + (loading.get() ? " \u00b7 loading\u2026" : ""),
                visibleRows,
                hasMore,
                loading,
                trash);
    }

    /** A new connection: its server may take {@code include=tags} on lists again. */
    void forgetServer() {
        includeTags = true;
    }

    /**
     * Loads the first page for {@code f} (the trash when {@code inTrash}), or as many rows as are loaded now when
     * {@code keep}; {@code landing} runs just before the new rows replace the old ones, {@code landed} once they are
     * shown, {@code retry} is offered when the call fails.
     */
    void reload(SessionFilters f, boolean inTrash, boolean keep, Runnable landing, Runnable landed, Runnable retry) {
        if (closed) {
            return;
        }
        long gen = ++generation;
        int want = keep ? Math.max(PAGE_SIZE, rows.size()) : PAGE_SIZE;
        moreWanted &= keep; // other filters: the end the user reached is gone
        loading.set(true);
        tasks.run(
                () -> fetch(f, inTrash, want),
                result -> {
                    if (gen != generation) {
                        return;
                    }
                    if (loadFailed) {
                        ops.dismiss(); // the list is back: an earlier failure to load it no longer applies
                        loadFailed = false;
                    }
                    query = result.query();
                    cursor = result.page().nextCursor();
                    landing.run();
                    hidden.clear();
                    update(rows, result.page().data());
                    hasMore.set(result.page().hasMore());
                    loading.set(false);
                    seen.accept(result.page().data());
                    landed.run();
                    if (moreWanted) { // the user reached the end while this reload was on its way
                        loadMore();
                    }
                },
                e -> failed(gen, "Loading sessions", e, retry));
    }

    private record Fetched(SessionQuery query, Page<Session> page) {}

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
            // no more than wanted: a reload of 600 rows must not bring 1,000
            SessionQuery rest = q.toBuilder()
                    .cursor(page.nextCursor())
                    .limit(Math.min(MAX_LIMIT, want - all.size()))
                    .build();
            page = c.sessions().list(rest).execute();
            all.addAll(page.data());
        }
        SessionQuery next = q.toBuilder().limit(PAGE_SIZE).cursor(null).build();
        return new Fetched(next, new Page<>(all, page.nextCursor(), page.hasMore()));
    }

    /**
     * Makes {@code rows} equal to {@code now} by changing only what differs: rows gone are removed, new ones
     * inserted where they belong, changed ones replaced in place, unchanged ones left alone. The table then keeps
     * its scroll position, and a selected row that did not change is the same object as before.
     */
    static void update(ObservableList<Session> rows, List<Session> now) {
        Set<String> wanted = new HashSet<>();
        now.forEach(s -> wanted.add(s.id()));
        Set<String> had = new HashSet<>();
        rows.forEach(s -> had.add(s.id()));
        long added = wanted.stream().filter(id -> !had.contains(id)).count();
        if (added > MAX_INSERTS || rows.size() < 2) {
            rows.setAll(now); // mostly new rows (other filters, the first load): one change is quicker
            return;
        }
        rows.removeAll(rows.stream().filter(s -> !wanted.contains(s.id())).toList()); // one change
        for (int i = 0; i < now.size(); i++) {
            Session s = now.get(i);
            if (i < rows.size() && rows.get(i).id().equals(s.id())) {
                if (!rows.get(i).equals(s)) {
                    rows.set(i, s);
                }
                continue;
            }
            if (had.contains(s.id())) {
                // moved (rare: the order is by creation): out of its old place, then in at this one
                rows.removeIf(r -> r.id().equals(s.id()));
            }
            rows.add(Math.min(i, rows.size()), s);
        }
        if (rows.size() > now.size()) {
            rows.remove(now.size(), rows.size());
        }
    }

    /** Forgets the rows of the last server at once (another one is being read) and drops answers on the way. */
    void clear() {
        generation++;
        hidden.clear();
        rows.clear();
        cursor = null;
        query = null;
        hasMore.set(false);
        loading.set(false);
    }

    /** Loads the next page, if there is one and nothing is loading. */
    void loadMore() {
        moreWanted = loading.get() && !closed;
        if (closed || loading.get() || !hasMore.get() || cursor == null || query == null) {
            return;
        }
        long gen = generation;
        SessionQuery q = query.withCursor(cursor);
        loading.set(true);
        tasks.run(
                () -> client.get().sessions().list(q).execute(),
                page -> {
                    if (gen != generation) {
                        return;
                    }
                    cursor = page.nextCursor();
                    rows.addAll(page.data());
                    hasMore.set(page.hasMore());
                    loading.set(false);
                    seen.accept(page.data());
                },
                e -> failed(gen, "Loading more sessions", e, this::loadMore));
    }

    private void failed(long gen, String title, Throwable e, Runnable retry) {
        if (gen != generation) {
            return;
        }
        loading.set(false);
        loadFailed = true;
        ops.fail(Failure.of(title, e, retry));
    }

    /** Drops every answer still on the way and loads nothing more (the screen is going away). */
    void close() {
        closed = true;
        generation++;
        loading.set(false);
    }

    /** The rows loaded so far, less the hidden ones. */
    ObservableList<Session> rows() {
        return visibleRows;
    }

    /** How many rows are loaded, hidden ones included. */
    int loadedCount() {
        return rows.size();
    }

    /** Ids of rows left out of {@link #rows()} until the next reload (being deleted). */
    ObservableSet<String> hidden() {
        return hidden;
    }

    ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty hasMoreProperty() {
        return hasMore.getReadOnlyProperty();
    }
}
