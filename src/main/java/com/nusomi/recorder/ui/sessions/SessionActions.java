package com.nusomi.recorder.ui.sessions;

import com.nusomi.recorder.client.SessionsClient;
import com.nusomi.recorder.client.exception.ApiException;
import com.nusomi.recorder.client.exception.PermissionException;
import com.nusomi.recorder.client.model.BatchStopResult;
import com.nusomi.recorder.client.model.Outcome;
import com.nusomi.recorder.client.model.Session;
import com.nusomi.recorder.client.model.SessionStatus;
import com.nusomi.recorder.client.request.SessionQuery;
import com.nusomi.recorder.client.request.TagRequest;
import com.nusomi.recorder.ui.common.Debouncer;
import com.nusomi.recorder.ui.common.Failure;
import com.nusomi.recorder.ui.common.Operations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import javafx.util.Subscription;

/**
 * What can be done to the selected sessions: batch stop (1,000 ids a call, with progress and per-id failures),
 * find abandoned recordings and stop them, soft delete with an undo for a while, delete permanently (admin),
 * and restore from the trash. Each ends with a refresh of the list.
 */
public final class SessionActions {
    public static final int BATCH = 1000;

    /** The last soft delete, which {@link #onUndo()} can restore while it is offered. */
    public record Undo(List<String> ids, String message) {}

    private final Operations ops;
    private final Supplier<SessionsClient> client;
    private final Clock clock;
    private final ObservableList<Session> selection;
    private final ObservableSet<String> hidden;
    private final Runnable refresh;
    private final UndoOffer undo;
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper();
    private final ObservableList<String> failures = FXCollections.observableArrayList();
    private final Subscription onFailure;
    private Confirmations confirm = Confirmations.YES;

    SessionActions(
            Operations ops,
            Supplier<SessionsClient> client,
            Clock clock,
            ObservableList<Session> selection,
            ObservableSet<String> hidden,
            Runnable refresh,
            Debouncer undoTimer) {
        this.ops = ops;
        this.client = client;
        this.clock = clock;
        this.selection = selection;
        this.hidden = hidden;
        this.refresh = refresh;
        this.undo = new UndoOffer(undoTimer);
        onFailure = ops.failureProperty().subscribe(failure -> {
            if (failure != null) {
                progress.set(-1);
                message.set(null);
                hidden.clear();
            }
        });
    }

    /** Stops following the operations and drops the undo on offer (the screen is going away). */
    void dispose() {
        onFailure.unsubscribe();
        undo.withdraw();
    }

    public void setConfirmations(Confirmations confirm) {
        this.confirm = confirm;
    }

    private record Tally(int done, List<String> failed) {}

    /**
     * Stops the selected sessions that are still created or recording, once the user has confirmed and given a
     * verdict (saved on each as an {@code outcome} tag before the stop; none when the server decides).
     */
    public void onStopSelected() {
        List<Session> live = selection.stream()
                .filter(s -> s.status() == SessionStatus.CREATED || s.status() == SessionStatus.RECORDING)
                .toList();
        if (live.isEmpty()) {
            report("Nothing to stop: none of the selected sessions is created or recording.", List.of());
            return;
        }
        confirm.stopSelected(live)
                .ifPresent(
                        verdict -> batchStop(live.stream().map(Session::id).toList(), "Stopping", verdict.outcome()));
    }

    private void batchStop(List<String> all, String verb, Outcome verdict) {
        start(verb + " " + sessions(all.size()) + "…");
        ops.run(
                verb + " sessions",
                () -> {
                    List<String> failed = new ArrayList<>();
                    List<String> ids = all;
                    if (verdict != null) { // the verdict first: a session whose verdict is not saved is not stopped
                        Tally tagged = each(
                                all,
                                id -> client.get()
                                        .sessions()
                                        .tag(id, TagRequest.outcome(verdict))
                                        .execute());
                        failed.addAll(tagged.failed());
                        ids = all.stream()
                                .filter(id -> tagged.failed().stream().noneMatch(f -> f.startsWith(id + ":")))
                                .toList();
                    }
                    int stopped = 0;
                    for (int from = 0; from < ids.size(); from += BATCH) {
                        List<String> chunk = ids.subList(from, Math.min(ids.size(), from + BATCH));
                        BatchStopResult r =
                                client.get().sessions().batchStop(chunk).execute();
                        stopped += r.data().size();
                        r.errors()
                                .forEach(f -> failed.add(f.id() + ": " + f.code()
                                        + (f.error() != null && f.error().message() != null
                                                ? " (" + f.error().message() + ")"
                                                : "")));
                        setProgress((double) Math.min(ids.size(), from + BATCH) / ids.size());
                    }
                    return new Tally(stopped, failed);
                },
                r -> {
                    report(
                            "Stopped " + r.done() + " of " + sessions(all.size())
                                    + (r.failed().isEmpty()
                                            ? "."
                                            : "; " + r.failed().size() + " failed:"),
                            r.failed());
                    refresh.run();
                });
    }

    /**
     * Finds sessions recording for longer than {@code age} (zero: every one recording), lists them for the user to
     * choose from, and batch-stops the ones chosen.
     */
    public void onFindAbandoned(Duration age) {
        if (age.isNegative()) {
            return;
        }
        String longer = "recording for longer than " + Formats.hoursMinutes(age);
        Instant cutoff = clock.instant().minus(age);
        start("Looking for sessions " + longer + "\u2026");
        ops.run("Finding abandoned sessions", () -> findAbandoned(cutoff), found -> {
            progress.set(-1);
            if (found.isEmpty()) {
                report("No session has been " + longer + ".", List.of());
                return;
            }
            List<String> chosen = confirm.stopAbandoned(found, age);
            if (!chosen.isEmpty()) {
                batchStop(chosen, "Stopping abandoned", null);
            } else {
                report(
                        Formats.count(found.size(), "abandoned session", "abandoned sessions")
                                + " found; none stopped.",
                        List.of());
            }
        });
    }

    /** Sessions still recording that started before {@code cutoff} (or at it); blocking. */
    List<Session> findAbandoned(Instant cutoff) {
        // Started before the cutoff means created before it too: the until filter narrows the list early.
        SessionQuery q = SessionQuery.builder()
                .status(SessionStatus.RECORDING)
                .until(cutoff)
                .limit(500)
                .build();
        List<Session> found = new ArrayList<>();
        for (Session s : client.get().sessions().listAll(q)) {
            if (s.startedAt() != null && !s.startedAt().isAfter(cutoff)) {
                found.add(s);
            }
        }
        return found;
    }

    /** Soft-deletes the selection; offers an undo for a while. */
    public void onDeleteSelected() {
        delete(selectedIds());
    }

    /** Soft-deletes the sessions {@code ids} (say, a run sent to another server); offers an undo for a while. */
    public void delete(List<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        hidden.addAll(ids);
        start("Deleting " + sessions(ids.size()) + "…");
        ops.run(
                "Deleting sessions",
                () -> each(ids, id -> client.get().sessions().delete(id).execute()),
                r -> {
                    List<String> deleted = ids.stream()
                            .filter(id -> r.failed().stream().noneMatch(f -> f.startsWith(id)))
                            .toList();
                    if (r.failed().isEmpty()) {
                        finish(); // the undo bar says what was deleted; a second line saying it again is noise
                    } else {
                        report(
                                "Deleted " + sessions(r.done()) + "; "
                                        + r.failed().size() + " failed:",
                                r.failed());
                    }
                    if (!deleted.isEmpty()) {
                        undo.offer(
                                deleted,
                                "Deleted " + (deleted.size() == 1 ? deleted.get(0) : sessions(deleted.size())) + ".");
                    }
                    refresh.run();
                });
    }

    /** Restores what the last delete removed. */
    public void onUndo() {
        Undo u = undo.take();
        if (u != null) {
            restore(u.ids());
        }
    }

    public void onDismissUndo() {
        undo.withdraw();
    }

    /** Restores the selected sessions (trash view). */
    public void onRestoreSelected() {
        restore(selectedIds());
    }

    private void restore(List<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        start("Restoring " + sessions(ids.size()) + "…");
        ops.run(
                "Restoring sessions",
                () -> each(ids, id -> client.get().sessions().restore(id).execute()),
                r -> {
                    report(
                            "Restored " + sessions(r.done())
                                    + (r.failed().isEmpty()
                                            ? "."
                                            : "; " + r.failed().size() + " failed:"),
                            r.failed());
                    refresh.run();
                });
    }

    /** Deletes the selection for good, after the user has typed what goes (admin scope). */
    public void onDeletePermanently() {
        List<String> ids = selectedIds();
        if (ids.isEmpty() || !confirm.deletePermanently(List.copyOf(selection))) {
            return;
        }
        start("Deleting " + sessions(ids.size()) + " permanently…");
        ops.run(
                "Deleting permanently",
                () -> each(ids, id -> client.get().sessions().deleteHard(id).execute()),
                r -> {
                    report(
                            "Deleted " + sessions(r.done()) + " permanently"
                                    + (r.failed().isEmpty()
                                            ? "."
                                            : "; " + r.failed().size() + " failed:"),
                            r.failed());
                    refresh.run();
                });
    }

    /** Runs {@code call} for each id; per-id API errors are collected, a 403 stops everything. */
    private Tally each(List<String> ids, Consumer<String> call) {
        List<String> failed = new ArrayList<>();
        int done = 0;
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            try {
                call.accept(id);
                done++;
            } catch (PermissionException e) {
                throw e;
            } catch (ApiException e) {
                failed.add(id + ": " + Failure.describe(e));
            }
            setProgress((i + 1.0) / ids.size());
        }
        return new Tally(done, failed);
    }

    private List<String> selectedIds() {
        return selection.stream().map(Session::id).toList();
    }

    private void start(String text) {
        failures.clear();
        message.set(text);
        progress.set(0);
    }

    private void setProgress(double value) {
        ops.tasks().onUi(() -> progress.set(value));
    }

    /** An action ended with nothing left to say: no progress, no message. */
    private void finish() {
        progress.set(-1);
        message.set(null);
        failures.clear();
    }

    private static String sessions(long n) {
        return Formats.count(n, "session", "sessions");
    }

    private void report(String text, List<String> failed) {
        progress.set(-1);
        message.set(text);
        failures.setAll(failed);
    }

    public void onDismissMessage() {
        message.set(null);
        failures.clear();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ObservableList<String> failures() {
        return failures;
    }

    /** The last soft delete, which {@link #onUndo()} restores while it is on offer; null when none is. */
    public ReadOnlyObjectProperty<Undo> undoProperty() {
        return undo.offeredProperty();
    }
}
