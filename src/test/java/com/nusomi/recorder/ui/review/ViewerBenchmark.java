package com.nusomi.recorder.ui.review;

import static org.awaitility.Awaitility.await;

import com.nusomi.recorder.app.AppExecutor;
import com.nusomi.recorder.app.FxTaskRunner;
import com.nusomi.recorder.app.TaskRunner;
import com.nusomi.recorder.bench.ReviewSeeder;
import com.nusomi.recorder.client.SessionsClient;
import com.nusomi.recorder.client.model.Session;
import com.nusomi.recorder.server.ApiServer;
import com.nusomi.recorder.server.ServerConfig;
import com.nusomi.recorder.ui.common.Debouncer;
import com.nusomi.recorder.ui.main.ThemeSupport;
import com.nusomi.recorder.ui.sessions.FilmStripViewModel;
import com.nusomi.recorder.ui.sessions.SessionsView;
import com.nusomi.recorder.ui.sessions.SessionsViewModel;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/**
 * The frame viewer on the local server with a session of 1,000 frames of 1920×1080 ({@link ReviewSeeder}):
 * selection → first frame painted in the detail pane (p95 of 50, each on a fresh Sessions screen, so no cache
 * helps), → in the viewer → next frame painted (p95 of 50), and playback at 8× for {@value #PLAY_SECONDS} s:
 * frames shown ÷ frames due. "Painted" is the first pulse laid out after the image is set. Bars: ≤ 150 ms,
 * ≤ 50 ms, ≥ 0.95; printed, not asserted.
 *
 * <p>{@code mvn -B -Pbenchmark test -Dtest=ViewerBenchmark} ({@code -Dbench.viewer.play=SECONDS} for a shorter
 * playback; {@code -Dbench.viewer.windows=FILE} writes each selection's time span, to pick a profile's samples)
 */
@Tag("benchmark")
class ViewerBenchmark {
    private static final int FRAMES = Integer.getInteger("bench.viewer.frames", 1000);
    private static final int TRIES = 50;
    private static final int WARMUP = 5;
    private static final int PLAY_SECONDS = Integer.getInteger("bench.viewer.play", 60);
    /** With {@code -Dbench.viewer.windows=FILE}: each selection's start and end, epoch ms, a line each. */
    private static final Path WINDOWS = System.getProperty("bench.viewer.windows") == null
            ? null
            : Path.of(System.getProperty("bench.viewer.windows"));

    @Test
    void selectionStepAndPlayback() throws Exception {
        Path dir = Files.createTempDirectory("viewer-bench");
        FxToolkit.registerPrimaryStage();
        try (ApiServer server = ApiServer.start(
                        ServerConfig.builder().dataDir(dir).port(0).build());
                SessionsClient client = SessionsClient.builder()
                        .baseUrl(server.baseUrl())
                        .apiKey(server.adminKey())
                        .build();
                AppExecutor executor = new AppExecutor()) {
            long t = System.nanoTime();
            String id = ReviewSeeder.seed(client, FRAMES, 1920, 1080);
            System.out.println("seeded session " + id);
            System.out.printf(Locale.ROOT, "seeded %d frames in %.1f s%n", FRAMES, (System.nanoTime() - t) / 1e9);
            TaskRunner tasks = new FxTaskRunner(executor.workers());
            Stage stage = FxToolkit.registerPrimaryStage();

            // selection → first frame painted, on a fresh screen each time
            List<Double> select = new ArrayList<>();
            // where the time goes, from the selection: → session loaded in full, → image set; image set → painted
            List<Double> toLoaded = new ArrayList<>();
            List<Double> toImage = new ArrayList<>();
            List<Double> toPaint = new ArrayList<>();
            SessionsViewModel vm = null;
            SessionsView screen = null;
            for (int i = 0; i < WARMUP + TRIES; i++) {
                // one screen at a time, as in the app: the one before stops polling and lets go of its session
                SessionsViewModel before = vm;
                SessionsView beforeView = screen;
                onFx(() -> {
                    if (beforeView != null) {
                        beforeView.dispose();
                        before.dispose();
                    }
                    return null;
                });
                SessionsViewModel fresh = new SessionsViewModel(
                        tasks, () -> client, null, Debouncer.immediate(), Debouncer.immediate(), Clock.systemUTC());
                SessionsView view = onFx(() -> {
                    ThemeSupport.applyUserAgent(false);
                    SessionsView v = new SessionsView(fresh);
                    ThemeSupport.style(v, false);
                    stage.setScene(new Scene(v, 1200, 760));
                    stage.show();
                    fresh.onConnected(null);
                    return v;
                });
                Scene scene = view.getScene();
                @SuppressWarnings("unchecked")
                TableView<Session> table = (TableView<Session>) scene.lookup("#sessionsTable");
                waitFor(() ->
                        !table.getItems().isEmpty() && !fresh.loadingProperty().get());
                // the rows painted, as a reviewer sees them before clicking one (not timed as the selection's)
                timePainted(scene, () -> {}, () -> true);
                FilmStripViewModel<Image> film = fresh.detail().film();
                AtomicLong loaded = new AtomicLong();
                AtomicLong imageSet = new AtomicLong();
                onFx(() -> {
                    fresh.detail().loadingProperty().addListener((o, a, b) -> {
                        if (!b && loaded.get() == 0) {
                            loaded.set(System.nanoTime());
                        }
                    });
                    film.imageSeqProperty().addListener((o, a, b) -> {
                        if (Long.valueOf(0).equals(b) && imageSet.get() == 0) {
                            imageSet.set(System.nanoTime());
                        }
                    });
                    return null;
                });
                long[] span = timePainted(
                        scene,
                        () -> table.getSelectionModel().clearAndSelect(0),
                        () -> film.imageProperty().get() != null
                                && Long.valueOf(0)
                                        .equals(film.imageSeqProperty().get()));
                if (WINDOWS != null) { // for a profile: which samples fall in a timed selection
                    long nowMs = System.currentTimeMillis();
                    long nowNs = System.nanoTime();
                    Files.writeString(
                            WINDOWS,
                            (nowMs - (nowNs - span[0]) / 1_000_000) + " " + (nowMs - (nowNs - span[1]) / 1_000_000)
                                    + "\n",
                            StandardOpenOption.CREATE,
                            StandardOpenOption.APPEND);
                }
                if (i >= WARMUP) {
                    select.add((span[1] - span[0]) / 1e6);
                    toLoaded.add((loaded.get() - span[0]) / 1e6);
                    toImage.add((imageSet.get() - span[0]) / 1e6);
                    toPaint.add((span[1] - imageSet.get()) / 1e6);
                }
                vm = fresh;
                screen = view;
            }
            FilmStripViewModel<Image> film = vm.detail().film();
            waitFor(() -> film.frames().size() == FRAMES
                    && !film.framesLoadingProperty().get());

            // → in the viewer → next frame painted
            FrameViewerViewModel viewer =
                    new FrameViewerViewModel(tasks, () -> client, PlaybackTimer.fx(Clock.systemUTC()));
            Stage owner = stage;
            FrameViewerWindow window = onFx(() -> {
                FrameViewerWindow w = new FrameViewerWindow(viewer, owner);
                viewer.follow(film);
                w.show();
                return w;
            });
            Scene scene = window.stage().getScene();
            waitFor(() -> Long.valueOf(film.frames().get(0).seq())
                            .equals(viewer.imageSeqProperty().get())
                    && !viewer.loadingProperty().get());
            List<Double> step = new ArrayList<>();
            for (int i = 0; i < WARMUP + TRIES; i++) {
                int next = viewer.indexProperty().get() + 1;
                long seq = film.frames().get(next).seq();
                long[] span = timePainted(
                        scene,
                        () -> scene.getRoot()
                                .fireEvent(new KeyEvent(
                                        KeyEvent.KEY_PRESSED, "", "", KeyCode.RIGHT, false, false, false, false)),
                        () -> Long.valueOf(seq).equals(viewer.imageSeqProperty().get())
                                && !viewer.loadingProperty().get());
                if (i >= WARMUP) {
                    step.add((span[1] - span[0]) / 1e6);
                }
                // as a reviewer reads a frame before the next (and lets the prefetch land)
                Thread.sleep(200);
            }

            // playback at 8× from frame 100 (past the seeded idle gap)
            Set<Long> shown = Collections.synchronizedSet(new HashSet<>());
            onFx(() -> {
                viewer.onScrub(100);
                return null;
            });
            waitFor(() -> !viewer.loadingProperty().get());
            int from = viewer.indexProperty().get();
            onFx(() -> {
                viewer.imageSeqProperty().addListener((o, a, b) -> {
                    if (b != null && viewer.playingProperty().get()) {
                        shown.add(b);
                    }
                });
                viewer.playback().speedProperty().set(8);
                viewer.onPlayPause();
                return null;
            });
            Thread.sleep(PLAY_SECONDS * 1000L);
            int to = onFx(() -> {
                int at = viewer.indexProperty().get();
                viewer.onPlayPause();
                return at;
            });
            int due = to - from;
            onFx(() -> {
                window.close();
                return null;
            });
            FxToolkit.cleanupStages();

            double p95Select = p95(select);
            double p95Step = p95(step);
            double ratio = due == 0 ? 0 : (double) shown.size() / due;
            System.out.printf(
                    Locale.ROOT,
                    "VIEWER selection → first frame painted: p50 %.1f ms, p95 %.1f ms (bar ≤ 150) %s%n",
                    p50(select),
                    p95Select,
                    p95Select <= 150 ? "MET" : "MISSED");
            System.out.printf(
                    Locale.ROOT,
                    "VIEWER   from the selection: → session loaded in full p50 %.1f / p95 %.1f ms; → image set p50 %.1f / "
                            + "p95 %.1f ms; then → painted p50 %.1f / p95 %.1f ms; all, sorted: %s%n",
                    p50(toLoaded),
                    p95(toLoaded),
                    p50(toImage),
                    p95(toImage),
                    p50(toPaint),
                    p95(toPaint),
                    sorted(select));
            System.out.printf(
                    Locale.ROOT,
                    "VIEWER → → next frame painted: p50 %.1f ms, p95 %.1f ms (bar ≤ 50) %s%n",
                    p50(step),
                    p95Step,
                    p95Step <= 50 ? "MET" : "MISSED");
            System.out.printf(
                    Locale.ROOT,
                    "VIEWER playback 8× for %d s: %d frames shown of %d due = %.3f (bar ≥ 0.95) %s%n",
                    PLAY_SECONDS,
                    shown.size(),
                    due,
                    ratio,
                    ratio >= 0.95 ? "MET" : "MISSED");
            System.out.printf(
                    Locale.ROOT,
                    "VIEWER load average at the end: %.2f%n",
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    /**
     * Runs {@code action} on the FX thread; returns when it ran and when the first pulse laid out with {@code done}
     * ended ({@code System.nanoTime()}).
     */
    private static long[] timePainted(Scene scene, Runnable action, BooleanSupplier done) throws Exception {
        CountDownLatch painted = new CountDownLatch(1);
        AtomicLong start = new AtomicLong();
        AtomicLong end = new AtomicLong();
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            if (painted.getCount() > 0 && done.getAsBoolean()) {
                end.set(System.nanoTime());
                painted.countDown();
                Platform.runLater(() -> scene.removePostLayoutPulseListener(listener[0]));
            }
        };
        Platform.runLater(() -> {
            scene.addPostLayoutPulseListener(listener[0]);
            start.set(System.nanoTime());
            action.run();
            Platform.requestNextPulse();
        });
        if (!painted.await(30, TimeUnit.SECONDS)) {
            throw new AssertionError("not painted within 30 s");
        }
        return new long[] {start.get(), end.get()};
    }

    private static <T> T onFx(Callable<T> action) throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        Object[] out = new Object[1];
        Exception[] failed = new Exception[1];
        Platform.runLater(() -> {
            try {
                out[0] = action.call();
            } catch (Exception e) {
                failed[0] = e;
            } finally {
                done.countDown();
            }
        });
        done.await();
        if (failed[0] != null) {
            throw failed[0];
        }
        @SuppressWarnings("unchecked")
        T result = (T) out[0];
        return result;
    }

    private static void waitFor(BooleanSupplier condition) {
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(10))
                .until(() -> onFx(condition::getAsBoolean));
    }

    private static String sorted(List<Double> xs) {
        return xs.stream()
                .sorted()
                .map(x -> String.format(Locale.ROOT, "%.0f", x))
                .toList()
                .toString();
    }

    private static double p50(List<Double> xs) {
        return at(xs, 0.50);
    }

    private static double p95(List<Double> xs) {
        return at(xs, 0.95);
    }

    private static double at(List<Double> xs, double q) {
        List<Double> sorted = new ArrayList<>(xs);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
    }
}
