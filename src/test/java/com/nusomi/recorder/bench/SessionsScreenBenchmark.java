package com.nusomi.recorder.bench;

import com.nusomi.recorder.app.AppExecutor;
import com.nusomi.recorder.app.FxTaskRunner;
import com.nusomi.recorder.app.TaskRunner;
import com.nusomi.recorder.client.Page;
import com.nusomi.recorder.client.SessionsClient;
import com.nusomi.recorder.client.model.Session;
import com.nusomi.recorder.client.request.SessionQuery;
import com.nusomi.recorder.server.ApiServer;
import com.nusomi.recorder.server.ServerConfig;
import com.nusomi.recorder.ui.common.Debouncer;
import com.nusomi.recorder.ui.main.ThemeSupport;
import com.nusomi.recorder.ui.sessions.SessionFilters;
import com.nusomi.recorder.ui.sessions.SessionsView;
import com.nusomi.recorder.ui.sessions.SessionsViewModel;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/**
 * The Sessions screen at 1M sessions: from a filter change to the first page laid out in the table, and from
 * scrolling to the last row to the next page laid out, each next to the raw API call for the same page in the
 * same run (medians of 20). The filter bar's 300 ms quiet time is deliberate and left out (the view model gets a
 * debouncer that runs at once). Writes its figures into BENCHMARKS.md, section "Sessions screen".
 *
 * <p>{@code mvn -B -Pbenchmark test -Dtest=SessionsScreenBenchmark}
 */
@Tag("benchmark")
class SessionsScreenBenchmark {
    static final AtomicLong REQUESTED = new AtomicLong();
    static final AtomicLong ROWS_SET = new AtomicLong();
    static final AtomicLong ANSWERED = new AtomicLong();
    static final AtomicLong HANDED_BACK = new AtomicLong();
    static final AtomicLong FIRED = new AtomicLong();
    static final List<double[]> PARTS = new ArrayList<>();
    static final List<double[]> FILTER_PARTS = new ArrayList<>();
    static final List<double[]> RAPID_PARTS = new ArrayList<>();
    static final List<double[]> SCROLL_PARTS = new ArrayList<>();
    private static final int N = Integer.getInteger("bench.big", 1_000_000);
    private static final int ROUNDS = 20;
    private static final int WARMUP = Integer.getInteger("bench.warmup", 40);
    /** The filter bar's quiet time, as {@code boot.Screens} sets it. */
    private static final long QUIET_MS = 300;

    private static final String SECTION = "## Sessions screen";
    private static final String[] WORKFLOWS = {
        "invoice_entry", "po_matching", "expense_review", "kyc_check", "claims_review", "order_entry"
    };

    @Test
    void filterChangeAndScrollAgainstTheRawApi() throws Exception {
        Path dir = prepare();
        FxToolkit.registerPrimaryStage();
        try (ApiServer server = ApiServer.start(
                        ServerConfig.builder().dataDir(dir).port(0).build());
                SessionsClient client = SessionsClient.builder()
                        .baseUrl(server.baseUrl())
                        .apiKey(server.adminKey())
                        .build();
                AppExecutor executor = new AppExecutor()) {
            QuietTime quiet = new QuietTime(executor.scheduler());
            SessionsViewModel vm = new SessionsViewModel(
                    timed(new FxTaskRunner(executor.workers())),
                    () -> {
                        REQUESTED.set(System.nanoTime());
                        return client;
                    },
                    null,
                    quiet,
                    Debouncer.immediate(),
                    Clock.systemUTC());
            SessionsView[] view = new SessionsView[1];
            FxToolkit.setupStage(stage -> {
                ThemeSupport.applyUserAgent(false); // the app's theme, as App sets it before the first control
                view[0] = new SessionsView(vm);
                ThemeSupport.style(view[0], false);
                stage.setScene(new Scene(view[0], 1200, 760));
                stage.show();
            });
            Scene scene = view[0].getScene();
            @SuppressWarnings("unchecked")
            TableView<Session> table = (TableView<Session>) scene.lookup("#sessionsTable");
            vm.rows().addListener((ListChangeListener<Session>) c -> ROWS_SET.set(System.nanoTime()));
            onFx(() -> vm.onConnected(null));
            waitShown(scene, table, () -> true);

            // filter change → first page laid out: first as in the app (the filter bar's quiet time runs, and the
            // clock starts when it fires), then back to back with no quiet time at all (the method of earlier runs)
            List<Double> screenFilter = new ArrayList<>();
            List<Double> apiFilter = new ArrayList<>();
            List<Double> screenRapid = new ArrayList<>();
            List<Double> apiRapid = new ArrayList<>();
            filterRounds(client, vm, scene, table, quiet, true, WARMUP, screenFilter, apiFilter, FILTER_PARTS);
            filterRounds(client, vm, scene, table, quiet, false, WARMUP / 4, screenRapid, apiRapid, RAPID_PARTS);

            // scroll to the end → next page laid out
            onFx(() -> vm.filters().workflows().clear());
            waitShown(
                    scene,
                    table,
                    () -> table.getItems().size() == SessionsViewModel.PAGE_SIZE
                            && !vm.loadingProperty().get()
                            && vm.filters().workflows().isEmpty());
            SessionQuery all = SessionFilters.NONE.toQuery(SessionsViewModel.PAGE_SIZE, false, true);
            List<String> cursors = new ArrayList<>();
            Page<Session> p = client.sessions().list(all).execute();
            for (int i = 0; i < WARMUP + ROUNDS; i++) {
                cursors.add(p.nextCursor());
                p = client.sessions().list(all.withCursor(p.nextCursor())).execute();
            }
            List<Double> screenScroll = new ArrayList<>();
            List<Double> apiScroll = new ArrayList<>();
            for (int i = 0; i < WARMUP + ROUNDS; i++) {
                int before = table.getItems().size();
                SessionQuery next = all.withCursor(cursors.get(i));
                double api = i % 2 == 1 ? timeApi(client, next) : -1;
                double screen = timeShown(
                        scene,
                        table,
                        () -> table.scrollTo(table.getItems().size() - 1),
                        () -> table.getItems().size() == before + SessionsViewModel.PAGE_SIZE
                                && !vm.loadingProperty().get());
                if (api < 0) {
                    api = timeApi(client, next);
                }
                if (i >= WARMUP) {
                    screenScroll.add(screen);
                    apiScroll.add(api);
                    SCROLL_PARTS.add(PARTS.get(PARTS.size() - 1));
                }
            }
            FxToolkit.cleanupStages();
            write(screenFilter, apiFilter, screenRapid, apiRapid, screenScroll, apiScroll);
        }
    }

    private static void filterRounds(
            SessionsClient client,
            SessionsViewModel vm,
            Scene scene,
            TableView<Session> table,
            QuietTime quiet,
            boolean debounced,
            int warmup,
            List<Double> screens,
            List<Double> apis,
            List<double[]> parts)
            throws Exception {
        quiet.debounced = debounced;
        for (int i = 0; i < warmup + ROUNDS; i++) {
            String wf = WORKFLOWS[i % WORKFLOWS.length];
            SessionFilters f = new SessionFilters(List.of(wf), null, null, null, null, null, null);
            SessionQuery q = f.toQuery(SessionsViewModel.PAGE_SIZE, false, true);
            // whichever goes second finds the database pages hot: alternate the order
            double api = i % 2 == 1 ? timeApi(client, q) : -1;
            double screen = timeShown(
                    scene,
                    table,
                    () -> vm.filters().workflows().setAll(wf),
                    () -> !table.getItems().isEmpty()
                            && table.getItems().get(0).workflow().equals(wf)
                            && !vm.loadingProperty().get(),
                    debounced);
            if (api < 0) {
                api = timeApi(client, q);
            }
            Page<Session> page = client.sessions().list(q).execute();
            if (page.data().size() != SessionsViewModel.PAGE_SIZE) {
                throw new AssertionError("short page for " + wf);
            }
            if (i >= warmup) {
                screens.add(screen);
                apis.add(api);
                parts.add(PARTS.get(PARTS.size() - 1));
            }
        }
    }

    /**
     * The filter bar's debouncer: either as in the app (runs the action on the FX thread once {@link #QUIET_MS}
     * have passed without a change, noting when it fires) or at once.
     */
    static final class QuietTime implements Debouncer {
        private final ScheduledExecutorService scheduler;
        private ScheduledFuture<?> pending;
        volatile boolean debounced;

        QuietTime(ScheduledExecutorService scheduler) {
            this.scheduler = scheduler;
        }

        @Override
        public synchronized void trigger(Runnable action) {
            cancel();
            if (!debounced) {
                FIRED.set(System.nanoTime());
                action.run();
                return;
            }
            pending = scheduler.schedule(
                    () -> Platform.runLater(() -> {
                        FIRED.set(System.nanoTime());
                        action.run();
                    }),
                    QUIET_MS,
                    TimeUnit.MILLISECONDS);
        }

        @Override
        public synchronized void cancel() {
            if (pending != null) {
                pending.cancel(false);
                pending = null;
            }
        }
    }

    /** The same runner, noting when the work returns on the worker and when its callback starts on the FX thread. */
    private static TaskRunner timed(TaskRunner inner) {
        return new TaskRunner() {
            @Override
            public <T> void run(
                    Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
                inner.run(
                        () -> {
                            T v = work.call();
                            ANSWERED.set(System.nanoTime());
                            return v;
                        },
                        v -> {
                            HANDED_BACK.set(System.nanoTime());
                            onSuccess.accept(v);
                        },
                        onFailure);
            }

            @Override
            public void onUi(Runnable action) {
                inner.onUi(action);
            }
        };
    }

    private static double timeShown(Scene scene, TableView<Session> table, Runnable action, Supplier<Boolean> done)
            throws Exception {
        return timeShown(scene, table, action, done, false);
    }

    /**
     * Runs {@code action} on the FX thread and waits for the first layout pulse after {@code done} holds. With
     * {@code fromQuietTime} the clock starts when the filter bar's quiet time ends (the debouncer fires), not at
     * the action.
     */
    private static double timeShown(
            Scene scene, TableView<Session> table, Runnable action, Supplier<Boolean> done, boolean fromQuietTime)
            throws Exception {
        CountDownLatch latch = new CountDownLatch(1);
        AtomicLong start = new AtomicLong();
        AtomicLong end = new AtomicLong();
        Runnable[] pulse = new Runnable[1];
        pulse[0] = () -> {
            if (latch.getCount() > 0 && done.get()) {
                end.set(System.nanoTime());
                latch.countDown();
            }
        };
        Platform.runLater(() -> {
            scene.addPostLayoutPulseListener(pulse[0]);
            start.set(System.nanoTime());
            action.run();
            Platform.requestNextPulse();
        });
        ListChangeListener<Session> kick = c -> Platform.requestNextPulse();
        table.getItems().addListener(kick);
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new AssertionError("the table did not show the page in time");
            }
        } finally {
            onFx(() -> {
                scene.removePostLayoutPulseListener(pulse[0]);
                table.getItems().removeListener(kick);
            });
        }
        long from = fromQuietTime ? FIRED.get() : start.get();
        PARTS.add(new double[] {
            (REQUESTED.get() - from) / 1e6,
            (ANSWERED.get() - REQUESTED.get()) / 1e6,
            (HANDED_BACK.get() - ANSWERED.get()) / 1e6,
            (ROWS_SET.get() - HANDED_BACK.get()) / 1e6,
            (end.get() - ROWS_SET.get()) / 1e6
        });
        return (end.get() - from) / 1e6;
    }

    private static double timeApi(SessionsClient client, SessionQuery q) {
        long t0 = System.nanoTime();
        client.sessions().list(q).execute();
        return (System.nanoTime() - t0) / 1e6;
    }

    private static void waitShown(Scene scene, TableView<Session> table, Supplier<Boolean> done) throws Exception {
        timeShown(scene, table, () -> {}, done, false);
    }

    private static void onFx(Runnable r) throws Exception {
        CountDownLatch l = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                r.run();
            } finally {
                l.countDown();
            }
        });
        l.await(30, TimeUnit.SECONDS);
    }

    private static Path prepare() throws Exception {
        Path dir = Path.of("target", "bench-data", "screen-" + N + "-v" + Seeder.SEED_VERSION)
                .toAbsolutePath();
        Path marker = dir.resolve("seeded");
        if (!Files.isRegularFile(marker)) {
            if (Files.exists(dir)) {
                try (var files = Files.walk(dir)) {
                    files.sorted(Collections.reverseOrder())
                            .forEach(f -> f.toFile().delete());
                }
            }
            ApiServer.start(ServerConfig.builder().dataDir(dir).port(0).build()).close();
            Seeder.seed(dir.resolve("sessions.db"), N, System.currentTimeMillis(), 42L + N);
            Files.writeString(marker, "seeded by SessionsScreenBenchmark\n");
        }
        return dir;
    }

    private static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    private static void write(
            List<Double> sf, List<Double> af, List<Double> sr, List<Double> ar, List<Double> ss, List<Double> as)
            throws IOException {
        StringBuilder md = new StringBuilder();
        md.append(SECTION).append("\n\n");
        md.append(String.format(
                Locale.ROOT,
                "The Sessions screen (view model, FX task runner, real table in a "
                        + "1200×760 stage with the app's theme under headless Monocle, software rendering) against the "
                        + "embedded server with %,d seeded sessions (`Seeder`, as for the server benchmark), and the client's "
                        + "own `list` call for the same page in the same run, interleaved round by round (the API first in odd "
                        + "rounds, the screen first in even ones, since the second finds the database pages hot). %d warm-up "
                        + "rounds, then %d timed; medians. \"Shown\" = the first layout pulse after the page is in the "
                        + "table's items. The filter bar's %d ms quiet time (debounce) is deliberate and left out: in the "
                        + "first row it runs as in the app and the clock starts when it fires; the second row has no quiet "
                        + "time at all, each change straight after the previous page was laid out (the method of earlier "
                        + "runs). Bar: the screen adds at most 50 ms over the API call. "
                        + "`mvn -B -Pbenchmark test -Dtest=SessionsScreenBenchmark`.%n%n",
                N,
                WARMUP,
                ROUNDS,
                QUIET_MS));
        md.append("| step | screen p50 | raw API p50 | screen − API | bar ≤ 50 ms |\n|---|---|---|---|---|\n");
        md.append(row(
                "filter change (workflow) → first page shown, from the end of the quiet time", median(sf), median(af)));
        md.append(row("filter change, back to back, no quiet time", median(sr), median(ar)));
        md.append(row("scroll to the last row → next page shown", median(ss), median(as)));
        md.append(String.format(
                Locale.ROOT,
                "%nWhere the screen's time goes (medians, ms: start → request sent on a "
                        + "worker | the HTTP call on the worker | its answer → the callback on the FX thread (the hand-back) | "
                        + "callback → rows in the table's list | rows in the list → layout done): filter change %s; back to "
                        + "back %s; scroll %s.%n",
                parts(FILTER_PARTS),
                parts(RAPID_PARTS),
                parts(SCROLL_PARTS)));
        md.append(String.format(
                Locale.ROOT,
                "%nRaw figures (ms): filter screen %s; filter API %s; back-to-back screen "
                        + "%s; back-to-back API %s; scroll screen %s; scroll API %s.%n%n%s, %d cores, load average %.1f at "
                        + "the end.%n",
                fmt(sf),
                fmt(af),
                fmt(sr),
                fmt(ar),
                fmt(ss),
                fmt(as),
                System.getProperty("os.name") + " / JDK " + System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        System.out.println(md);
        Path file = Path.of("BENCHMARKS.md");
        String text = Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : "# Benchmarks\n\n";
        int at = text.indexOf(SECTION + "\n");
        if (at < 0) {
            text = text.stripTrailing() + "\n\n" + md;
        } else {
            int next = text.indexOf("\n## ", at + SECTION.length());
            text = text.substring(0, at) + md.toString().stripTrailing() + "\n\n"
                    + (next < 0 ? "" : text.substring(next + 1));
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static String row(String step, double screen, double api) {
        double over = screen - api;
        return String.format(
                Locale.ROOT,
                "| %s | %.1f ms | %.1f ms | %.1f ms | %s |%n",
                step,
                screen,
                api,
                over,
                over <= 50 ? "PASS" : "MISS");
    }

    private static String parts(List<double[]> xs) {
        List<String> out = new ArrayList<>();
        for (int k = 0; k < xs.get(0).length; k++) {
            int j = k;
            out.add(String.format(
                    Locale.ROOT, "%.1f", median(xs.stream().map(x -> x[j]).toList())));
        }
        return String.join(" | ", out);
    }

    private static String fmt(List<Double> xs) {
        return xs.stream()
                .map(x -> String.format(Locale.ROOT, "%.1f", x))
                .toList()
                .toString();
    }
}
