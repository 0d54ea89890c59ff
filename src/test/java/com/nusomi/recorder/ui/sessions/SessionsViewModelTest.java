package com.nusomi.recorder.ui.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import com.nusomi.recorder.app.DirectTaskRunner;
import com.nusomi.recorder.app.TaskRunner;
import com.nusomi.recorder.client.Include;
import com.nusomi.recorder.client.SessionsClient;
import com.nusomi.recorder.client.exception.GoneException;
import com.nusomi.recorder.client.exception.NotFoundException;
import com.nusomi.recorder.client.model.ActorKind;
import com.nusomi.recorder.client.model.Outcome;
import com.nusomi.recorder.client.model.Session;
import com.nusomi.recorder.client.model.SessionStatus;
import com.nusomi.recorder.client.request.CreateSessionRequest;
import com.nusomi.recorder.client.request.SessionQuery;
import com.nusomi.recorder.ui.common.Debouncer;
import com.nusomi.recorder.ui.common.Verdict;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Sessions view models against the real server, without a toolkit: every call runs at once. */
class SessionsViewModelTest {
    @TempDir
    static Path data;

    static SessionsFixture fx;

    @BeforeAll
    static void start() {
        fx = new SessionsFixture(data.resolve("server"), 1200);
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    /** The undo timer: runs only when the test says the time is up. */
    static final class ManualTimer implements Debouncer {
        Runnable pending;

        @Override
        public void trigger(Runnable action) {
            pending = action;
        }

        @Override
        public void cancel() {
            pending = null;
        }

        void elapse() {
            if (pending != null) {
                Runnable r = pending;
                pending = null;
                r.run();
            }
        }
    }

    static ManualTimer undoTimer = new ManualTimer();

    static SessionsViewModel vm(SessionsClient client, Path prefs) {
        Executor direct = Runnable::run;
        return new SessionsViewModel(
                new DirectTaskRunner(),
                () -> client,
                prefs == null ? null : new FilterStore(prefs, direct),
                Debouncer.immediate(),
                undoTimer,
                fx.clock);
    }

    static SessionsViewModel connected(SessionsClient client) {
        SessionsViewModel vm = vm(client, null);
        vm.onConnected(null);
        return vm;
    }

    static List<String> loadAll(SessionsViewModel vm) {
        int guard = 0;
        while (vm.hasMoreProperty().get()) {
            int before = vm.rows().size();
            vm.loadMore();
            assertThat(vm.rows().size() - before).isBetween(1, SessionsViewModel.PAGE_SIZE);
            assertThat(++guard).isLessThan(100);
        }
        return ids(vm.rows());
    }

    static List<String> ids(List<Session> rows) {
        return rows.stream().map(Session::id).toList();
    }

    static List<SessionFilters> cases() {
        Instant now = fx.now.get();
        List<SessionFilters> all = new ArrayList<>();
        all.add(SessionFilters.NONE);
        all.add(new SessionFilters(List.of("refund_order"), null, null, null, null, null, null));
        all.add(new SessionFilters(List.of("refund_order", "payroll_run"), null, null, null, null, null, null));
        all.add(new SessionFilters(null, List.of(SessionStatus.RECORDING), null, null, null, null, null));
        all.add(new SessionFilters(
                null, List.of(SessionStatus.CREATED, SessionStatus.SEALED), null, null, null, null, null));
        all.add(new SessionFilters(null, null, List.of(Outcome.ERROR), null, null, null, null));
        all.add(new SessionFilters(null, null, List.of(Outcome.SUCCESS, Outcome.ABANDONED), null, null, null, null));
        all.add(new SessionFilters(null, null, null, List.of(ActorKind.MODEL), null, null, null));
        all.add(new SessionFilters(null, null, null, List.of(ActorKind.HUMAN, ActorKind.SCRIPT), null, null, null));
        for (String since : List.of("1h", "24h", "7d", "30d")) {
            all.add(new SessionFilters(null, null, null, null, since, null, null));
        }
        all.add(new SessionFilters(
                null, null, null, null, now.minus(Duration.ofDays(12)).toString(), null, null));
        all.add(new SessionFilters(null, null, null, null, null, now.minus(Duration.ofDays(20)), null));
        all.add(new SessionFilters(null, null, null, null, null, null, List.of("reviewed")));
        all.add(new SessionFilters(null, null, null, null, null, null, List.of("reviewed", "escalated")));
        all.add(new SessionFilters(
                List.of("process_invoice", "refund_order"),
                List.of(SessionStatus.SEALED, SessionStatus.STOPPED),
                List.of(Outcome.ERROR),
                List.of(ActorKind.HUMAN, ActorKind.MODEL),
                "30d",
                now.minus(Duration.ofDays(2)),
                List.of("reviewed")));
        all.add(new SessionFilters(List.of("onboard_vendor"), null, null, List.of(ActorKind.SCRIPT), "7d", null, null));
        return all;
    }

    @Test
    void eachFilterAloneAndCombinedGivesTheRowsOfTheApi() {
        SessionsViewModel vm = connected(fx.admin);
        for (SessionFilters f : cases()) {
            vm.openFilters(f);
            assertThat(vm.rows().size()).isLessThanOrEqualTo(SessionsViewModel.PAGE_SIZE);
            List<String> expected = fx.ids(f.toQuery(500, false, false));
            assertThat(loadAll(vm)).as("filters %s", f).isEqualTo(expected);
            assertThat(vm.hasMoreProperty().get()).isFalse();
        }
    }

    @Test
    void filtersTypedIntoTheModelApplyAsTheyChange() {
        SessionsViewModel vm = connected(fx.admin);
        vm.filters().statuses().setAll(SessionStatus.RECORDING);
        vm.filters().tagsTextProperty().set("reviewed");
        vm.filters().workflows().add("refund_order");
        SessionQuery q = SessionQuery.builder()
                .status(SessionStatus.RECORDING)
                .tag("reviewed")
                .workflow("refund_order")
                .build();
        assertThat(loadAll(vm)).isEqualTo(fx.ids(q));
        // the workflows offered are the ones seen so far
        assertThat(vm.filters().knownWorkflows())
                .contains("refund_order")
                .containsAll(vm.rows().stream().map(Session::workflow).toList());
    }

    @Test
    void aBadTagNameIsReportedAndLeftOut() {
        SessionsViewModel vm = connected(fx.admin);
        vm.filters().tagsTextProperty().set("reviewed, Bad-Name");
        assertThat(vm.filters().tagsProblemProperty().get()).contains("Bad-Name");
        assertThat(vm.filters().getFilters().tags()).containsExactly("reviewed");
    }

    /** Holds work until the test releases it, in any order. */
    static final class HeldTasks implements TaskRunner {
        final Deque<Runnable> held = new ArrayDeque<>();

        @Override
        public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
            held.add(() -> new DirectTaskRunner().run(work, onSuccess, onFailure));
        }

        @Override
        public void onUi(Runnable action) {
            action.run();
        }
    }

    @Test
    void aStaleResponseNeverOverwritesANewerOne() {
        HeldTasks tasks = new HeldTasks();
        SessionsViewModel vm = new SessionsViewModel(
                tasks, () -> fx.admin, null, Debouncer.immediate(), Debouncer.immediate(), fx.clock);
        vm.onConnected(null);
        while (!tasks.held.isEmpty()) {
            tasks.held.poll().run();
        }
        vm.filters().workflows().setAll("payroll_run");
        vm.filters().workflows().setAll("refund_order");
        assertThat(tasks.held).hasSize(2);
        tasks.held.pollLast().run(); // the newer answers first
        tasks.held.pollLast().run(); // then the older one, late
        assertThat(vm.rows()).isNotEmpty().allMatch(s -> s.workflow().equals("refund_order"));
    }

    @Test
    void aDisposedViewModelDropsLateAnswersAndAsksForNothingMore() {
        HeldTasks tasks = new HeldTasks();
        SessionsViewModel vm = new SessionsViewModel(
                tasks, () -> fx.admin, null, Debouncer.immediate(), Debouncer.immediate(), fx.clock);
        vm.onConnected(null);
        assertThat(tasks.held).as("the scope check and the first page").hasSize(2);
        vm.dispose();
        while (!tasks.held.isEmpty()) {
            tasks.held.poll().run();
        }
        assertThat(vm.rows()).as("the page that came back late").isEmpty();
        assertThat(vm.loadingProperty().get()).isFalse();
        vm.refresh();
        vm.loadMore();
        vm.filters().workflows().setAll("payroll_run");
        assertThat(tasks.held).isEmpty();
    }

    @Test
    void filtersPersistAcrossRestartsAndASavedSetReopensTheSameRows(@TempDir Path prefs) {
        SessionFilters f = new SessionFilters(
                List.of("payroll_run"),
                List.of(SessionStatus.SEALED),
                null,
                null,
                "30d",
                null,
                List.of("reviewed"),
                List.of("escalated"));
        SessionsViewModel first = vm(fx.admin, prefs);
        first.start();
        first.onConnected(null);
        first.openFilters(f);
        first.saved().save("sealed payroll");
        List<String> rows = loadAll(first);
        first.onClearFilters();
        assertThat(first.filters().getFilters()).isEqualTo(SessionFilters.NONE);

        SessionsViewModel second = vm(fx.admin, prefs);
        second.start();
        second.onConnected(null);
        assertThat(second.filters().getFilters()).isEqualTo(SessionFilters.NONE);
        assertThat(second.saved().names()).containsExactly("sealed payroll");
        second.onOpenSaved("sealed payroll");
        assertThat(second.filters().getFilters()).isEqualTo(f);
        assertThat(loadAll(second)).isEqualTo(rows).isEqualTo(fx.ids(f.toQuery(500, false, false)));

        assertThat(rows)
                .isNotEmpty()
                .doesNotContainAnyElementsOf(
                        fx.ids(SessionQuery.builder().tag("escalated").build()));

        second.filters().outcomes().setAll(Outcome.ERROR);
        SessionsViewModel third = vm(fx.admin, prefs);
        third.start();
        assertThat(third.filters().getFilters().outcomes()).containsExactly(Outcome.ERROR);
        assertThat(third.filters().getFilters().notTags()).containsExactly("escalated");
    }

    @Test
    void aDeletedSavedFilterIsGoneAfterARestartAndTheFiltersInUseStay(@TempDir Path prefs) {
        SessionFilters sealed = new SessionFilters(null, List.of(SessionStatus.SEALED), null, null, null, null, null);
        SessionFilters errors =
                new SessionFilters(List.of("refund_order"), null, List.of(Outcome.ERROR), null, "7d", null, null);
        SessionsViewModel first = vm(fx.admin, prefs);
        first.start();
        first.onConnected(null);
        first.openFilters(sealed);
        first.saved().save("sealed");
        first.openFilters(errors);
        first.saved().save("refund errors");
        first.saved().delete("sealed");
        assertThat(first.saved().names()).containsExactly("refund errors");
        assertThat(first.saved().get("sealed")).isNull();
        assertThat(first.filters().getFilters()).isEqualTo(errors);
        assertThat(ids(first.rows()))
                .isEqualTo(fx.ids(errors.toQuery(500, false, false)).stream()
                        .limit(SessionsViewModel.PAGE_SIZE)
                        .toList());

        SessionsViewModel second = vm(fx.admin, prefs);
        second.start();
        assertThat(second.saved().names()).containsExactly("refund errors");
        assertThat(second.saved().get("refund errors")).isEqualTo(errors);
        assertThat(second.filters().getFilters()).isEqualTo(errors);
        second.onOpenSaved("sealed"); // gone: nothing to open
        assertThat(second.filters().getFilters()).isEqualTo(errors);
        second.saved().delete("refund errors");
        assertThat(vm(fx.admin, prefs)).satisfies(third -> {
            third.start();
            assertThat(third.saved().names()).isEmpty();
        });
    }

    @Test
    void aRenamedSavedFilterKeepsItsPlaceAndItsFiltersAndNeverTakesAnotherOnesName(@TempDir Path prefs) {
        SessionsViewModel first = vm(fx.admin, prefs);
        first.start();
        List<SessionFilters> sets = List.of(
                new SessionFilters(List.of("payroll_run"), null, null, null, null, null, null),
                new SessionFilters(null, List.of(SessionStatus.RECORDING), null, null, null, null, null),
                new SessionFilters(null, null, null, List.of(ActorKind.MODEL), null, null, null));
        for (int i = 0; i < sets.size(); i++) {
            first.openFilters(sets.get(i));
            first.saved().save("set " + i);
        }
        assertThat(first.saved().rename("set 1", "  live ones ")).isTrue();
        assertThat(first.saved().names()).containsExactly("set 0", "live ones", "set 2");
        assertThat(first.saved().get("live ones")).isEqualTo(sets.get(1));
        assertThat(first.saved().rename("live ones", "set 2")).isFalse();
        assertThat(first.saved().rename("live ones", " ")).isFalse();
        assertThat(first.saved().rename("no such set", "x")).isFalse();
        assertThat(first.saved().canRename("live ones", "live ones")).isTrue();
        assertThat(first.saved().names()).containsExactly("set 0", "live ones", "set 2");

        SessionsViewModel second = vm(fx.admin, prefs);
        second.start();
        assertThat(second.saved().names()).containsExactly("set 0", "live ones", "set 2");
        assertThat(second.saved().get("live ones")).isEqualTo(sets.get(1));
        assertThat(second.saved().get("set 2")).isEqualTo(sets.get(2));
    }

    // the writes are held and run by hand below; their futures add nothing to the test
    @SuppressWarnings("FutureReturnValueIgnored")
    @Test
    void theFilterStoreKeepsTheLastSaveWhenWritesRunOutOfOrder(@TempDir Path prefs) {
        Deque<Runnable> held = new ArrayDeque<>();
        FilterStore store = new FilterStore(prefs, held::add);
        SessionFilters older = new SessionFilters(List.of("payroll_run"), null, null, null, null, null, null);
        SessionFilters newer = new SessionFilters(List.of("refund_order"), null, null, null, null, null, null);
        store.save(new FilterStore.State(older, Map.of("a", older)));
        store.save(new FilterStore.State(newer, Map.of()));
        held.pollLast().run(); // the newer write first, as a pool of threads may run them
        held.pollLast().run();
        FilterStore.State onDisk = store.load();
        assertThat(onDisk.current()).isEqualTo(newer);
        assertThat(onDisk.saved()).isEmpty();
    }

    @Test
    void aSavedFilterSetReadsAsOneLine() {
        assertThat(Formats.filters(SessionFilters.NONE)).isEqualTo("No filters: every session");
        assertThat(Formats.filters(new SessionFilters(
                        List.of("payroll_run", "refund_order"),
                        List.of(SessionStatus.SEALED),
                        List.of(Outcome.ERROR),
                        List.of(ActorKind.HUMAN),
                        "30d",
                        null,
                        List.of("reviewed"))))
                .isEqualTo("Workflow: payroll_run, refund_order · Status: sealed · "
                        + "Outcome: error · Actor kind: human · Since: last 30d · Tags: reviewed");
    }

    @Test
    void batchStopStopsExactlyTheSelectedSessions() {
        SessionsViewModel vm = connected(fx.admin);
        fx.seedLive("vm_batch", 400);
        vm.openFilters(new SessionFilters(
                List.of("vm_batch"),
                List.of(SessionStatus.CREATED, SessionStatus.RECORDING),
                null,
                null,
                null,
                null,
                null));
        loadAll(vm);
        assertThat(vm.rows()).hasSize(400);
        // Scattered through the list (two rows in three), always 250: a filter on the ids' hashes picked fewer
        // than 250 of the 400 random ids in about one run in 28.
        List<Session> rows = List.copyOf(vm.rows());
        List<Session> chosen = IntStream.range(0, rows.size())
                .filter(i -> i % 3 != 0)
                .mapToObj(rows::get)
                .limit(250)
                .toList();
        assertThat(chosen).hasSize(250);
        List<String> others = ids(vm.rows()).stream()
                .filter(id -> chosen.stream().noneMatch(s -> s.id().equals(id)))
                .toList();
        vm.setSelection(chosen);
        vm.actions().onStopSelected();
        assertThat(vm.ops().getFailure()).isNull();
        assertThat(vm.actions().messageProperty().get()).startsWith("Stopped 250 of 250");
        for (Session s : chosen) {
            Session now = fx.admin.sessions().get(s.id()).execute();
            assertThat(now.status()).isEqualTo(SessionStatus.STOPPED);
            assertThat(now.outcome()).isEqualTo(Outcome.ABANDONED);
        }
        for (String id : others) {
            assertThat(fx.admin.sessions().get(id).execute().status())
                    .isIn(SessionStatus.CREATED, SessionStatus.RECORDING);
        }
        // the list was refreshed: the stopped ones have dropped out of this filter
        assertThat(ids(vm.rows())).doesNotContainAnyElementsOf(ids(chosen));
    }

    @Test
    void batchStopSendsAtMostAThousandIdsACall() {
        fx.seedLive("vm_chunks", 1100);
        SessionsViewModel vm = connected(fx.admin);
        vm.openFilters(new SessionFilters(List.of("vm_chunks"), null, null, null, null, null, null));
        loadAll(vm);
        assertThat(vm.rows()).hasSize(1100);
        List<Double> progress = new ArrayList<>();
        vm.actions().progressProperty().addListener((o, a, b) -> progress.add(b.doubleValue()));
        vm.setSelection(List.copyOf(vm.rows()));
        vm.actions().onStopSelected();
        // the server refuses more than 1,000 ids a call: all stopped means it was split
        assertThat(vm.ops().getFailure()).isNull();
        assertThat(vm.actions().messageProperty().get()).isEqualTo("Stopped 1100 of 1100 sessions.");
        assertThat(progress).contains(1000 / 1100.0, 1.0);
        assertThat(fx.ids(SessionQuery.builder()
                        .workflow("vm_chunks")
                        .status(SessionStatus.STOPPED)
                        .build()))
                .hasSize(1100);
    }

    @Test
    void stopOnASelectionAsksFirstAndSavesTheVerdict() {
        SessionsViewModel vm = connected(fx.admin);
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            made.add(fx.admin
                    .sessions()
                    .create(CreateSessionRequest.builder("vm_verdict")
                            .start(true)
                            .build())
                    .execute()
                    .id());
        }
        vm.openFilters(new SessionFilters(List.of("vm_verdict"), null, null, null, null, null, null));
        List<Session> chosen = List.copyOf(vm.rows().subList(0, 2));
        List<List<Session>> asked = new ArrayList<>();
        AtomicReference<Optional<Verdict>> answer = new AtomicReference<>(Optional.empty());
        vm.actions().setConfirmations(new Confirmations() {
            @Override
            public Optional<Verdict> stopSelected(List<Session> sessions) {
                asked.add(List.copyOf(sessions));
                return answer.get();
            }

            @Override
            public List<String> stopAbandoned(List<Session> found, Duration age) {
                return List.of();
            }

            @Override
            public boolean deletePermanently(List<Session> sessions) {
                return false;
            }
        });
        vm.setSelection(chosen);

        // cancelled: nothing stops
        vm.actions().onStopSelected();
        assertThat(asked).singleElement().satisfies(l -> assertThat(ids(l)).isEqualTo(ids(chosen)));
        for (String id : made) {
            assertThat(fx.admin.sessions().get(id).execute().status()).isEqualTo(SessionStatus.RECORDING);
        }

        // a verdict: the chosen two stop with it as their outcome, the third records on
        answer.set(Optional.of(Verdict.ERROR));
        vm.actions().onStopSelected();
        assertThat(vm.ops().getFailure()).isNull();
        assertThat(vm.actions().messageProperty().get()).isEqualTo("Stopped 2 of 2 sessions.");
        for (Session s : chosen) {
            Session now = fx.admin.sessions().get(s.id()).execute();
            assertThat(now.status()).isIn(SessionStatus.STOPPED, SessionStatus.SEALED);
            assertThat(now.outcome()).isEqualTo(Outcome.ERROR);
        }
        List<String> rest = new ArrayList<>(made);
        rest.removeAll(ids(chosen));
        assertThat(fx.admin.sessions().get(rest.get(0)).execute().status()).isEqualTo(SessionStatus.RECORDING);
    }

    @Test
    void stopReportsPerIdFailures() {
        SessionsViewModel vm = connected(fx.admin);
        Session gone = fx.admin
                .sessions()
                .create(CreateSessionRequest.builder("vm_failures").start(true).build())
                .execute();
        Session live = fx.admin
                .sessions()
                .create(CreateSessionRequest.builder("vm_failures").start(true).build())
                .execute();
        vm.openFilters(new SessionFilters(List.of("vm_failures"), null, null, null, null, null, null));
        List<Session> both = List.copyOf(vm.rows());
        fx.admin.sessions().deleteHard(gone.id()).execute();
        vm.setSelection(both);
        vm.actions().onStopSelected();
        assertThat(vm.actions().messageProperty().get())
                .contains("Stopped 1 of 2")
                .contains("1 failed");
        assertThat(vm.actions().failures())
                .singleElement()
                .asString()
                .startsWith(gone.id())
                .contains("session_not_found");
        assertThat(fx.admin.sessions().get(live.id()).execute().status()).isEqualTo(SessionStatus.STOPPED);
    }

    @Test
    void findAbandonedFindsExactlyTheStaleRecordingsAndStopsThemOnlyOnYes() {
        Instant real = fx.now.get();
        List<String> stale = new ArrayList<>();
        try {
            fx.now.set(real.minus(Duration.ofHours(9)));
            for (int i = 0; i < 4; i++) {
                stale.add(fx.admin
                        .sessions()
                        .create(CreateSessionRequest.builder("vm_abandoned")
                                .start(true)
                                .build())
                        .execute()
                        .id());
            }
            String stoppedEarly = fx.admin
                    .sessions()
                    .create(CreateSessionRequest.builder("vm_abandoned")
                            .start(true)
                            .build())
                    .execute()
                    .id();
            fx.admin.sessions().stop(stoppedEarly).execute();
            fx.now.set(real.minus(Duration.ofHours(5)));
            fx.admin
                    .sessions()
                    .create(CreateSessionRequest.builder("vm_abandoned")
                            .start(true)
                            .build())
                    .execute();
            String createdLongAgo = fx.admin
                    .sessions()
                    .create(CreateSessionRequest.builder("vm_abandoned").build())
                    .execute()
                    .id();
            fx.now.set(real.minus(Duration.ofHours(3)));
            fx.admin.sessions().start(createdLongAgo).execute(); // created 5 h ago, recording for 3 h only
        } finally {
            fx.now.set(real);
        }
        Instant cutoff = real.minus(Duration.ofHours(6));
        List<String> expected = new ArrayList<>();
        SessionQuery recording = SessionQuery.builder()
                .status(SessionStatus.RECORDING)
                .limit(500)
                .build();
        for (Session s : fx.admin.sessions().listAll(recording)) {
            if (s.startedAt().isBefore(cutoff)) {
                expected.add(s.id());
            }
        }
        assertThat(expected).containsAll(stale);

        SessionsViewModel vm = connected(fx.admin);
        List<Session> asked = new ArrayList<>();
        Duration[] askedAge = {null};
        vm.actions().setConfirmations(new Confirmations() {
            @Override
            public Optional<Verdict> stopSelected(List<Session> sessions) {
                return Optional.empty();
            }

            @Override
            public List<String> stopAbandoned(List<Session> found, Duration age) {
                asked.addAll(found);
                askedAge[0] = age;
                return List.of();
            }

            @Override
            public boolean deletePermanently(List<Session> sessions) {
                return false;
            }
        });
        vm.actions().onFindAbandoned(Duration.ofHours(6));
        assertThat(ids(asked))
                .as("the sessions are listed before any stops")
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(askedAge[0]).isEqualTo(Duration.ofHours(6));
        assertThat(asked).allMatch(s -> s.workflow() != null && s.startedAt() != null);
        assertThat(fx.admin.sessions().get(stale.get(0)).execute().status()).isEqualTo(SessionStatus.RECORDING);
        assertThat(vm.actions().messageProperty().get()).endsWith("found; none stopped.");

        // 0 h 0 min is every session recording, not silently one hour
        asked.clear();
        vm.actions().onFindAbandoned(Duration.ZERO);
        List<String> recordingNow =
                fx.ids(SessionQuery.builder().status(SessionStatus.RECORDING).build());
        assertThat(ids(asked)).containsExactlyInAnyOrderElementsOf(recordingNow);

        vm.actions().setConfirmations(Confirmations.YES);
        vm.actions().onFindAbandoned(Duration.ofHours(6));
        assertThat(vm.actions().messageProperty().get())
                .startsWith("Stopped " + expected.size() + " of " + expected.size());
        for (String id : expected) {
            assertThat(fx.admin.sessions().get(id).execute().status()).isEqualTo(SessionStatus.STOPPED);
        }
        List<String> stillRecording = fx.ids(SessionQuery.builder()
                .workflow("vm_abandoned")
                .status(SessionStatus.RECORDING)
                .build());
        assertThat(stillRecording).hasSize(2);
    }

    @Test
    void deleteHidesTheRowsAndUndoRestoresThem() {
        SessionsViewModel vm = connected(fx.writer);
        vm.openFilters(new SessionFilters(List.of("refund_order"), null, null, null, null, null, null));
        List<Session> chosen = List.copyOf(vm.rows().subList(3, 8));
        vm.setSelection(chosen);
        vm.actions().onDeleteSelected();
        assertThat(vm.actions().undoProperty().get()).isNotNull();
        assertThat(vm.actions().undoProperty().get().ids()).containsExactlyElementsOf(ids(chosen));
        assertThat(vm.actions().undoProperty().get().message()).isEqualTo("Deleted 5 sessions.");
        assertThat(vm.actions().messageProperty().get())
                .as("the undo bar alone says it")
                .isNull();
        assertThat(ids(vm.rows())).doesNotContainAnyElementsOf(ids(chosen));
        for (Session s : chosen) {
            Assertions.assertThrows(
                    GoneException.class, () -> fx.admin.sessions().get(s.id()).execute());
        }
        vm.actions().onUndo();
        assertThat(vm.actions().undoProperty().get()).isNull();
        assertThat(undoTimer.pending).isNull();
        assertThat(vm.actions().messageProperty().get()).isEqualTo("Restored 5 sessions.");
        for (Session s : chosen) {
            assertThat(fx.admin.sessions().get(s.id()).execute().deletedAt()).isNull();
        }
        assertThat(ids(vm.rows())).containsAll(ids(chosen));
    }

    @Test
    void theUndoIsOfferedForAWhileOnly() {
        SessionsViewModel vm = connected(fx.writer);
        vm.openFilters(new SessionFilters(List.of("refund_order"), null, null, null, null, null, null));
        Session victim = vm.rows().get(20);
        vm.setSelection(List.of(victim));
        vm.actions().onDeleteSelected();
        assertThat(vm.actions().undoProperty().get().message()).isEqualTo("Deleted " + victim.id() + ".");
        undoTimer.elapse();
        assertThat(vm.actions().undoProperty().get()).isNull();
        Assertions.assertThrows(
                GoneException.class, () -> fx.admin.sessions().get(victim.id()).execute());
        fx.admin.sessions().restore(victim.id()).execute();
    }

    @Test
    void permanentDeleteIsForAdminsOnly() {
        SessionsViewModel writer = connected(fx.writer);
        assertThat(writer.adminProperty().get()).isFalse();
        writer.openFilters(new SessionFilters(List.of("payroll_run"), null, null, null, null, null, null));
        Session victim = writer.rows().get(0);
        writer.setSelection(List.of(victim));
        writer.actions().onDeletePermanently();
        assertThat(writer.ops().getFailure()).isNotNull();
        assertThat(writer.ops().getFailure().detail())
                .contains("insufficient_scope")
                .contains("403");
        assertThat(writer.ops().getFailure().requestId()).startsWith("req_");
        assertThat(fx.admin.sessions().get(victim.id()).execute().id()).isEqualTo(victim.id());

        SessionsViewModel admin = connected(fx.admin);
        assertThat(admin.adminProperty().get()).isTrue();
        admin.openFilters(new SessionFilters(List.of("payroll_run"), null, null, null, null, null, null));
        List<Session> named = new ArrayList<>();
        admin.actions().setConfirmations(new Confirmations() {
            @Override
            public Optional<Verdict> stopSelected(List<Session> sessions) {
                return Optional.empty();
            }

            @Override
            public List<String> stopAbandoned(List<Session> found, Duration age) {
                return List.of();
            }

            @Override
            public boolean deletePermanently(List<Session> sessions) {
                named.addAll(sessions);
                return true;
            }
        });
        List<Session> two = List.copyOf(admin.rows().subList(0, 2));
        admin.setSelection(two);
        admin.actions().onDeletePermanently();
        assertThat(ids(named)).as("the question names what goes").isEqualTo(ids(two));
        assertThat(Confirmations.deleteWord(two)).isEqualTo("payroll_run");
        assertThat(admin.ops().getFailure()).isNull();
        for (Session s : two) {
            Assertions.assertThrows(
                    NotFoundException.class,
                    () -> fx.admin.sessions().get(s.id()).execute());
        }
    }

    @Test
    void theTrashListsSoftDeletedSessionsAndRestoresThem() {
        Session a = fx.admin
                .sessions()
                .create(CreateSessionRequest.builder("vm_trash").build())
                .execute();
        Session b = fx.admin
                .sessions()
                .create(CreateSessionRequest.builder("vm_trash").build())
                .execute();
        fx.admin.sessions().delete(a.id()).execute();
        fx.admin.sessions().delete(b.id()).execute();
        SessionsViewModel vm = connected(fx.admin);
        vm.openFilters(new SessionFilters(List.of("vm_trash"), null, null, null, null, null, null));
        assertThat(vm.rows()).isEmpty();
        vm.trashProperty().set(true);
        assertThat(ids(vm.rows())).containsExactlyInAnyOrder(a.id(), b.id());
        vm.setSelection(List.of(vm.rows().stream()
                .filter(s -> s.id().equals(a.id()))
                .findFirst()
                .orElseThrow()));
        vm.actions().onRestoreSelected();
        assertThat(ids(vm.rows())).containsExactly(b.id());
        vm.trashProperty().set(false);
        assertThat(ids(vm.rows())).containsExactly(a.id());
    }

    @Test
    void theDetailShowsTheSessionInFullAndAVerdictChangesItsOutcome() {
        Session s = fx.admin
                .sessions()
                .create(CreateSessionRequest.builder("vm_detail").start(true).build())
                .execute();
        fx.admin.sessions().stop(s.id()).execute();
        SessionsViewModel vm = connected(fx.admin);
        vm.openFilters(new SessionFilters(List.of("vm_detail"), null, null, null, null, null, null));
        vm.setSelection(List.of(vm.rows().get(0)));
        Session shown = vm.detail().sessionProperty().get();
        assertThat(shown.framesSummary()).isNotNull();
        assertThat(shown.outcome()).isEqualTo(Outcome.SUCCESS);

        vm.detail().tagNameProperty().set("Bad Name");
        assertThat(vm.detail().canTagProperty().get()).isFalse();
        vm.detail().tagNameProperty().set("checked_by_reviewer");
        vm.detail().tagDataProperty().set("{\"by\": \"anna\"}");
        assertThat(vm.detail().canTagProperty().get()).isTrue();
        vm.detail().onAddTag();
        vm.detail().onVerdict(Outcome.ERROR);
        shown = vm.detail().sessionProperty().get();
        assertThat(shown.tags()).extracting(t -> t.name()).containsExactly("checked_by_reviewer", "outcome");
        assertThat(shown.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(fx.admin.sessions().get(s.id(), Include.TAGS).execute().outcome())
                .isEqualTo(Outcome.ERROR);
        assertThat(vm.rows().get(0).outcome()).isEqualTo(Outcome.ERROR);
        assertThat(vm.selection()).extracting(Session::id).containsExactly(s.id());
    }
}
