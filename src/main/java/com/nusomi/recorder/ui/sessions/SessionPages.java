package com.nusomi.recorder.ui.sessions;

import com.nusomi.recorder.app.TaskRunner;
import com.nusomi.recorder.client.Page;
import com.nusomi.recorder.client.SessionsClient;
import com.nusomi.recorder.client.exception.InvalidRequestException;
import com.nusomi.recorder.client.model.Session;
import com.nusomi.recorder.client.request.SessionQuery;
import com.nusomi.recorder.ui.common.Failure;
import com.nusomi.recorder.ui.common.Operations;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
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

    /** Lists through {@code client}, failures shown by {@code ops}; {@code seen} is told the rows of each page. */
    SessionPages(TaskRunner tasks, Operations ops, Supplier<SessionsClient> client, Consumer<List<Session>> seen) {
        this.tasks = tasks;
        this.ops = ops;
        this.client = client;
        this.seen = seen;
        visibleRows.predicateProperty().bind(Bindings.createObjectBinding(() -> s -> !hidden.contains(s.id()), hidden));
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
                    rows.setAll(result.page().data());
                    hasMore.set(result.page().hasMore());
                    loading.set(false);
                    seen.accept(result.page().data());
                    landed.run();
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
            page = c.sessions().list(q.withCursor(page.nextCursor())).execute();
            all.addAll(page.data());
        }
        SessionQuery next = q.toBuilder().limit(PAGE_SIZE).cursor(null).build();
        return new Fetched(next, new Page<>(all, page.nextCursor(), page.hasMore()));
    }

    /** Loads the next page, if there is one and nothing is loading. */
    void loadMore() {
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
