package com.nusomi.recorder.ui.settings;

import com.nusomi.recorder.app.TaskRunner;
import com.nusomi.recorder.app.connection.ConnectionState;
import com.nusomi.recorder.client.RequestOptions;
import com.nusomi.recorder.client.SessionsClient;
import com.nusomi.recorder.client.exception.ApiException;
import com.nusomi.recorder.client.exception.NotSupportedException;
import com.nusomi.recorder.client.exception.PermissionException;
import com.nusomi.recorder.client.model.Health;
import com.nusomi.recorder.client.request.AuditLogQuery;
import com.nusomi.recorder.ui.common.Failure;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.util.Subscription;

/**
 * "Server policies" in Settings: the admin policies of the server the app is connected to (retention, auto-stop of
 * abandoned runs, the rate limit per key), read-only, from {@code GET /v1/health} [ext]. Shown to a key with the
 * admin scope: the key's scope is found by asking for one audit log entry (admin only), as the app knows no other
 * way. Asked off the UI thread each time the connection comes online on another server (or comes back), and once
 * when it goes offline, to say why; an answer for an older connection than the current one never lands.
 */
public final class ServerPoliciesViewModel {
    private static final RequestOptions ONE_TRY = RequestOptions.NONE.withMaxAttempts(1);

    private final TaskRunner tasks;
    private final Supplier<SessionsClient> client;
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Boolean> admin = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Health.Policies> policies = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper retention = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper autoStop = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper rateLimit = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper();
    private final BooleanBinding shown = Bindings.createBooleanBinding(() -> !Boolean.FALSE.equals(admin.get()), admin);
    private ConnectionState last;
    private long generation;

    /** @param client the current connection's client (it throws while there is none) */
    public ServerPoliciesViewModel(TaskRunner tasks, Supplier<SessionsClient> client) {
        this.tasks = tasks;
        this.client = client;
        policies.subscribe(p -> {
            retention.set(p == null ? null : PolicyWords.retention(p.retention()));
            autoStop.set(p == null ? null : PolicyWords.autoStop(p.autoStopAbandoned()));
            rateLimit.set(p == null ? null : PolicyWords.rateLimit(p.rateLimit()));
        });
    }

    /** Follows the connection's state (on the UI thread) until the returned subscription is cancelled. */
    public Subscription follow(ObservableValue<ConnectionState> connection) {
        return connection.subscribe(this::onConnection);
    }

    /** A state of the connection: a new server (or the same one back) is asked; a lost one says why. */
    void onConnection(ConnectionState s) {
        if (s == null) {
            return;
        }
        ConnectionState before = last;
        last = s;
        boolean wasOnline = before != null && before.phase() == ConnectionState.Phase.ONLINE;
        switch (s.phase()) {
            case CONNECTING -> {
                forget();
                loading.set(true);
            }
            case FAILED -> {
                forget();
                String why = s.error() == null ? "" : s.error().strip();
                error.set("Not connected" + (why.isEmpty() ? "." : ": " + why + (why.endsWith(".") ? "" : ".")));
            }
            case ONLINE -> {
                if (!wasOnline || !Objects.equals(before.label(), s.label())) {
                    forget();
                    load();
                }
            }
            case OFFLINE -> {
                // lost, or never up (health failing): ask once, to say why; not again at each poll
                if (before == null || before.phase() != ConnectionState.Phase.OFFLINE) {
                    load();
                }
            }
        }
    }

    /** Asks the server again (the card's Refresh). */
    public void onRefresh() {
        load();
    }

    private void forget() {
        generation++; // an answer on its way is for the last connection
        admin.set(null);
        policies.set(null);
        note.set(null);
        error.set(null);
        loading.set(false);
    }

    private void load() {
        long gen = ++generation;
        loading.set(true);
        error.set(null);
        tasks.run(
                () -> ask(client.get()),
                answer -> {
                    if (gen != generation) {
                        return;
                    }
                    loading.set(false);
                    admin.set(answer.admin());
                    policies.set(
                            answer.health() == null ? null : answer.health().policies());
                    note.set(answer.note());
                },
                e -> {
                    if (gen != generation) {
                        return;
                    }
                    loading.set(false);
                    policies.set(null);
                    note.set(null);
                    error.set(describe(e));
                });
    }

    /** What the server said: its health (null where it has no health route) and whether the key is an admin's. */
    private record Answer(Boolean admin, Health health) {
        String note() {
            if (Boolean.FALSE.equals(admin)) {
                return null;
            }
            if (health == null || health.policies() == null) {
                return "This server does not say which policies it runs (its health check lists none).";
            }
            return null;
        }
    }

    private static Answer ask(SessionsClient c) {
        Boolean admin;
        try {
            c.auditLogs()
                    .list(new AuditLogQuery(null, null, 1, null))
                    .withOptions(ONE_TRY)
                    .execute();
            admin = Boolean.TRUE;
        } catch (PermissionException e) {
            return new Answer(Boolean.FALSE, null); // not for this key: nothing more to ask
        } catch (NotSupportedException e) {
            admin = null; // a server without the audit log: the key's scope cannot be known
        }
        try {
            return new Answer(admin, c.health().withOptions(ONE_TRY).execute());
        } catch (NotSupportedException e) {
            return new Answer(admin, null);
        }
    }

    private String describe(Throwable e) {
        Throwable t = e;
        while (!(t instanceof ApiException) && t.getCause() != null) {
            t = t.getCause();
        }
        String requestId = t instanceof ApiException api ? api.requestId() : null;
        String server = last != null && last.label() != null ? " (" + last.label() + ")" : "";
        return "Could not ask the server" + server + " for its policies: " + Failure.describe(e)
                + (requestId != null ? " (request " + requestId + ")" : " No answer came, so there is no request id.");
    }

    /** Whether the card is shown: not for a key known to lack the admin scope. */
    public BooleanBinding shownBinding() {
        return shown;
    }

    /** True while the server is being asked (or the connection is being made). */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Whether the key has the admin scope; null while unknown (not asked yet, or a server that cannot say). */
    public ReadOnlyObjectProperty<Boolean> adminProperty() {
        return admin.getReadOnlyProperty();
    }

    /** The policies as the server gave them; null until known (or from a server that does not say). */
    public ReadOnlyObjectProperty<Health.Policies> policiesProperty() {
        return policies.getReadOnlyProperty();
    }

    /** Retention in plain words ("Off" when off); null until known. */
    public ReadOnlyStringProperty retentionProperty() {
        return retention.getReadOnlyProperty();
    }

    /** The auto-stop of abandoned runs in plain words ("Off" when off); null until known. */
    public ReadOnlyStringProperty autoStopProperty() {
        return autoStop.getReadOnlyProperty();
    }

    /** The rate limit per key in plain words ("Off" when off); null until known. */
    public ReadOnlyStringProperty rateLimitProperty() {
        return rateLimit.getReadOnlyProperty();
    }

    /** A remark on the answer (a server that lists no policies); null when none. */
    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    /** Why the server could not be asked, with the request id when it answered; null when it could. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
