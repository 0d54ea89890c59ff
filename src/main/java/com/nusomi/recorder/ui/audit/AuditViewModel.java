package com.nusomi.recorder.ui.audit;

import com.nusomi.recorder.app.TaskRunner;
import com.nusomi.recorder.client.Page;
import com.nusomi.recorder.client.SessionsClient;
import com.nusomi.recorder.client.exception.PermissionException;
import com.nusomi.recorder.client.model.AuditLogEntry;
import com.nusomi.recorder.client.request.AuditLogQuery;
import com.nusomi.recorder.ui.common.Failure;
import com.nusomi.recorder.ui.common.Operations;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Audit screen's state: the audit log [ext] of the server (who did what to which session), newest first, a page
 * at a time, filtered by session and action. It needs a key with the admin scope: without one the server answers
 * 403 and {@link #deniedProperty()} says so instead of any rows. Calls run off the UI thread; an answer to an older
 * request than the newest never lands.
 */
public final class AuditViewModel {
    /** Entries a page. */
    public static final int PAGE_SIZE = 50;
    /** The actions the contract names, for the action filter. */
    public static final List<String> ACTIONS = List.of(
            "session.created",
            "session.started",
            "session.stopped",
            "session.tagged",
            "session.deleted",
            "session.restored",
            "session.hard_deleted",
            "session.purged",
            "session.redacted",
            "session.imported");

    private final TaskRunner tasks;
    private final Supplier<SessionsClient> client;
    private final Operations ops;
    private final StringProperty sessionId = new SimpleStringProperty("");
    private final ObjectProperty<String> action = new SimpleObjectProperty<>();
    private final ObservableList<AuditLogEntry> rows = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper hasMore = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper denied = new ReadOnlyStringWrapper();
    private AuditLogQuery query;
    private String cursor;
    private long generation;

    public AuditViewModel(TaskRunner tasks, Supplier<SessionsClient> client) {
        this.tasks = tasks;
        this.client = client;
        this.ops = new Operations(tasks);
    }

    /** Loads the first page for the filters as they are. */
    public void load() {
        String id = sessionId.get() == null ? "" : sessionId.get().strip();
        AuditLogQuery q = new AuditLogQuery(id.isEmpty() ? null : id, action.get(), PAGE_SIZE, null);
        fetch(q, true);
    }

    /** Shows the history of one session: its id as the filter, every action. */
    public void showSession(String id) {
        sessionId.set(id == null ? "" : id);
        action.set(null);
        load();
    }

    /** Clears both filters and loads. */
    public void onClearFilters() {
        showSession(null);
    }

    /** Loads the next page, if there is one and nothing is loading. */
    public void loadMore() {
        if (!loading.get() && hasMore.get() && query != null && cursor != null) {
            fetch(query.withCursor(cursor), false);
        }
    }

    private void fetch(AuditLogQuery q, boolean first) {
        long gen = ++generation;
        loading.set(true);
        tasks.run(
                () -> client.get().auditLogs().list(q).execute(),
                (Page<AuditLogEntry> page) -> {
                    if (gen != generation) {
                        return;
                    }
                    if (first) {
                        query = q;
                        rows.setAll(page.data());
                    } else {
                        rows.addAll(page.data());
                    }
                    cursor = page.nextCursor();
                    hasMore.set(page.hasMore());
                    loading.set(false);
                    denied.set(null);
                    ops.dismiss();
                },
                e -> {
                    if (gen != generation) {
                        return;
                    }
                    loading.set(false);
                    PermissionException p = permission(e);
                    if (p != null) {
                        rows.clear();
                        hasMore.set(false);
                        denied.set("The audit log is for keys with the admin scope; this key has none ("
                                + Failure.describe(p) + ", request " + p.requestId()
                                + "). Connect with an admin key in Settings to see it.");
                    } else {
                        ops.fail(Failure.of("Loading the audit log", e, () -> fetch(q, first)));
                    }
                });
    }

    private static PermissionException permission(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PermissionException p) {
                return p;
            }
        }
        return null;
    }

    /** The session id to filter by, as typed; blank for every session. */
    public StringProperty sessionIdProperty() {
        return sessionId;
    }

    /** The action to filter by; null for every action. */
    public ObjectProperty<String> actionProperty() {
        return action;
    }

    /** The entries loaded so far, newest first. */
    public ObservableList<AuditLogEntry> rows() {
        return rows;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasMoreProperty() {
        return hasMore.getReadOnlyProperty();
    }

    /** Why the log cannot be shown (the key lacks the admin scope); null when it can. */
    public ReadOnlyStringProperty deniedProperty() {
        return denied.getReadOnlyProperty();
    }

    /** Failures other than a missing scope, with a retry. */
    public Operations ops() {
        return ops;
    }
}
