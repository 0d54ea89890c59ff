package com.nusomi.recorder.ui.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import com.nusomi.recorder.app.DirectTaskRunner;
import com.nusomi.recorder.app.TaskRunner;
import com.nusomi.recorder.client.Include;
import com.nusomi.recorder.client.model.Event;
import com.nusomi.recorder.client.model.FrameImage;
import com.nusomi.recorder.client.model.Session;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The film strip's view model against the real server, without a toolkit; the "image" is the frame's bytes. */
class FilmStripViewModelTest {
    static final int FRAMES = 30;

    @TempDir
    static Path data;

    static SessionsFixture fx;
    static String withFrames;
    static String withoutFrames;

    @BeforeAll
    static void start() {
        fx = new SessionsFixture(data.resolve("server"), 0);
        withFrames = FilmFixture.record(fx.admin, FRAMES);
        withoutFrames = FilmFixture.record(fx.admin, 0);
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    /** Runs work only when the test says so, one task at a time, in order; counts what it was given. */
    static final class QueuedRunner implements TaskRunner {
        final Deque<Runnable> queue = new ArrayDeque<>();
        int submitted;

        @Override
        public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
            submitted++;
            queue.add(() -> new DirectTaskRunner().run(work, onSuccess, onFailure));
        }

        @Override
        public void onUi(Runnable action) {
            action.run();
        }

        void runNext() {
            queue.removeFirst().run();
        }

        void runAll() {
            while (!queue.isEmpty()) {
                runNext();
            }
        }
    }

    /** Counts the tasks a direct runner runs. */
    static final class CountingRunner implements TaskRunner {
        final DirectTaskRunner direct = new DirectTaskRunner();
        int submitted;

        @Override
        public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
            submitted++;
            direct.run(work, onSuccess, onFailure);
        }

        @Override
        public void onUi(Runnable action) {
            action.run();
        }
    }

    static FilmStripViewModel<byte[]> vm(TaskRunner tasks) {
        return vm(tasks, (f, w) -> f.bytes());
    }

    /** {@code decoder} gets each frame and the width it is decoded at. */
    static FilmStripViewModel<byte[]> vm(TaskRunner tasks, BiFunction<FrameImage, Integer, byte[]> decoder) {
        return new FilmStripViewModel<>(
                tasks, () -> fx.admin, decoder, new FrameCache<>(64, 64, b -> 1), new FrameCache<>(24, 24, b -> 1));
    }

    static Session full(String id) {
        return fx.admin
                .sessions()
                .get(id, Include.FRAMES_SUMMARY, Include.EVENTS)
                .execute();
    }

    static Event event(Session s, String type) {
        return s.events().stream()
                .filter(e -> e.type().equals(type))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void nearestFrameByTimeCoversEveryEdge() {
        long[] offsets = {0, 500, 1000, 1500};
        assertThat(FrameTimeline.nearest(offsets, 4, -300))
                .as("before the first")
                .isEqualTo(0);
        assertThat(FrameTimeline.nearest(offsets, 4, 9_000))
                .as("after the last")
                .isEqualTo(3);
        assertThat(FrameTimeline.nearest(offsets, 4, 1000)).as("exact").isEqualTo(2);
        assertThat(FrameTimeline.nearest(offsets, 4, 1200))
                .as("between, nearer the earlier")
                .isEqualTo(2);
        assertThat(FrameTimeline.nearest(offsets, 4, 1300))
                .as("between, nearer the later")
                .isEqualTo(3);
        assertThat(FrameTimeline.nearest(offsets, 4, 750))
                .as("a tie goes to the earlier")
                .isEqualTo(1);
        assertThat(FrameTimeline.nearest(new long[] {42}, 1, 0)).isEqualTo(0);
        assertThat(FrameTimeline.nearest(new long[0], 0, 0)).isEqualTo(-1);
    }

    @Test
    void markersSitWhereTheScrubberWouldBeForThatMoment() {
        long[] offsets = {0, 500, 1000, 1500};
        assertThat(FrameTimeline.position(offsets, 4, -1)).isEqualTo(0.0);
        assertThat(FrameTimeline.position(offsets, 4, 1000)).isEqualTo(2.0 / 3);
        assertThat(FrameTimeline.position(offsets, 4, 1250)).isEqualTo(2.5 / 3);
        assertThat(FrameTimeline.position(offsets, 4, 5000)).isEqualTo(1.0);
    }

    @Test
    void showsTheThumbnailsAndFrameZeroThenListsEveryFrame() {
        FilmStripViewModel<byte[]> vm = vm(new DirectTaskRunner());
        vm.show(full(withFrames));
        assertThat(vm.thumbnails()).hasSize(12);
        assertThat(vm.thumbnails())
                .allSatisfy(t -> assertThat(t.imageProperty().get()).isNotNull());
        assertThat(vm.frames()).hasSize(FRAMES);
        assertThat(vm.currentSeqProperty().get()).isEqualTo(0L);
        assertThat(vm.imageProperty().get()).isEqualTo(FilmFixture.png(0));
        assertThat(vm.captionProperty().get().replace('\u00a0', ' '))
                .contains("Frame 1 of 30")
                .contains("00:00.0");
        assertThat(vm.captionProperty().get().split("  ·  "))
                .as("breaks only between its parts")
                .allSatisfy(part -> assertThat(part).doesNotContain(" "));
        assertThat(vm.markers().list())
                .extracting(TimelineMarkers.EventMarker::styleClass)
                .containsExactly("event-click", "event-key", "event-note", "event-error");
        assertThat(vm.emptyTextProperty().get()).isNull();
    }

    @Test
    void theImagesAreDecodedAtTheWidthsTheyAreDrawnAt() {
        String wide = FilmFixture.record(fx.admin, 3, 1280, 720);
        List<Integer> widths = new ArrayList<>();
        FilmStripViewModel<byte[]> vm = vm(new DirectTaskRunner(), (f, w) -> {
            widths.add(w);
            return f.bytes();
        });
        vm.setShownWidths(600, 100);
        vm.show(full(wide));
        assertThat(widths)
                .as("the preview first, at the step above 600; then three thumbnails, their own decodes")
                .containsExactly(640, 160, 160, 160);
        assertThat(vm.thumbnails())
                .allSatisfy(t -> assertThat(t.imageProperty().get()).isNotNull());

        widths.clear();
        vm.setShownWidths(630, 150);
        assertThat(widths).as("the same steps: nothing decoded again").isEmpty();

        vm.setShownWidths(1000, 150);
        assertThat(widths).as("a wider pane: the preview again, wider").containsExactly(1120);
        widths.clear();
        vm.setShownWidths(1400, 200);
        assertThat(widths)
                .as("drawn wider than the frame: full size; the thumbnails a step up")
                .containsExactly(0, 320, 320, 320);
        widths.clear();
        vm.onThumbnail(vm.thumbnails().get(2).seq());
        assertThat(widths)
                .as("a thumbnail picked: its frame at the preview's width, not the thumbnail's")
                .containsExactly(0);
        assertThat(vm.imageSeqProperty().get()).isEqualTo(vm.thumbnails().get(2).seq());
    }

    @Test
    void aNewWidthWhileTheFirstFrameLoadsStillListsTheFramesAndLoadsTheThumbnails() {
        String wide = FilmFixture.record(fx.admin, 3, 1280, 720);
        QueuedRunner tasks = new QueuedRunner();
        FilmStripViewModel<byte[]> vm = vm(tasks);
        vm.setShownWidths(600, 100);
        vm.show(full(wide));
        assertThat(tasks.queue)
                .as("the frame shown first goes alone: thumbnails and the listing wait for it")
                .hasSize(1);
        vm.setShownWidths(1000, 100); // the pane grows while it loads: fetched again, wider
        tasks.runAll();
        assertThat(vm.imageSeqProperty().get()).isEqualTo(0L);
        assertThat(vm.frames()).hasSize(3);
        assertThat(vm.thumbnails())
                .allSatisfy(t -> assertThat(t.imageProperty().get()).isNotNull());
    }

    @Test
    void theThumbnailsArriveInOneChange() {
        FilmStripViewModel<byte[]> vm = vm(new QueuedRunner());
        int[] changes = {0};
        vm.thumbnails().addListener((ListChangeListener<Thumb<byte[]>>) c -> changes[0]++);
        vm.show(full(withFrames));
        assertThat(vm.thumbnails()).hasSize(12);
        assertThat(changes[0]).as("the strip builds its nodes once a session").isEqualTo(1);
    }

    @Test
    void clickingAnEventJumpsToTheNearestFrame() {
        FilmStripViewModel<byte[]> vm = vm(new DirectTaskRunner());
        Session s = full(withFrames);
        vm.show(s);
        vm.onEvent(event(s, "click")); // 1200 ms: between 1000 and 1500, nearer 1000
        assertThat(vm.currentSeqProperty().get()).isEqualTo(2L);
        vm.onEvent(event(s, "note")); // 9800 ms: nearer 10000
        assertThat(vm.currentSeqProperty().get()).isEqualTo(20L);
        vm.onEvent(event(s, "error")); // after the last frame
        assertThat(vm.currentSeqProperty().get()).isEqualTo(FRAMES - 1L);
        assertThat(vm.imageProperty().get()).isEqualTo(FilmFixture.png(FRAMES - 1));
    }

    @Test
    void steppingStopsAtTheEnds() {
        FilmStripViewModel<byte[]> vm = vm(new DirectTaskRunner());
        vm.show(full(withFrames));
        vm.onStep(-1);
        assertThat(vm.currentIndexProperty().get()).isEqualTo(0);
        vm.onStep(1);
        assertThat(vm.currentSeqProperty().get()).isEqualTo(1L);
        vm.onStep(10);
        assertThat(vm.currentIndexProperty().get()).isEqualTo(11);
        vm.select(Integer.MAX_VALUE);
        assertThat(vm.currentIndexProperty().get()).isEqualTo(FRAMES - 1);
        vm.onStep(1);
        vm.onStep(10);
        assertThat(vm.currentIndexProperty().get()).isEqualTo(FRAMES - 1);
        vm.onStep(-10);
        assertThat(vm.currentIndexProperty().get()).isEqualTo(FRAMES - 11);
        vm.select(0);
        vm.onStep(-10);
        assertThat(vm.currentIndexProperty().get()).isEqualTo(0);
        vm.onScrub(500);
        assertThat(vm.currentIndexProperty().get()).isEqualTo(FRAMES - 1);
    }

    @Test
    void anImageForAFrameNoLongerCurrentIsDropped() {
        QueuedRunner tasks = new QueuedRunner();
        FilmStripViewModel<byte[]> vm = vm(tasks);
        vm.show(full(withFrames));
        tasks.runAll();
        List<Long> thumbs = vm.thumbnails().stream().map(Thumb::seq).toList();
        List<Integer> uncached = new ArrayList<>();
        for (int i = 1; i < FRAMES && uncached.size() < 2; i++) {
            if (!thumbs.contains((long) i)) {
                uncached.add(i);
            }
        }
        int a = uncached.get(0);
        int b = uncached.get(1);
        List<byte[]> shown = new ArrayList<>();
        vm.imageProperty().addListener((o, was, now) -> shown.add(now));

        vm.select(a);
        vm.select(b);
        assertThat(vm.imageLoadingProperty().get()).isTrue();
        tasks.runNext(); // the image of a arrives after b became current
        assertThat(shown).isEmpty();
        assertThat(vm.imageSeqProperty().get()).isEqualTo(0L);
        tasks.runAll();
        assertThat(shown).hasSize(1);
        assertThat(vm.imageProperty().get()).isEqualTo(FilmFixture.png(b));
        assertThat(vm.imageSeqProperty().get()).isEqualTo((long) b);
        assertThat(vm.imageLoadingProperty().get()).isFalse();
    }

    @Test
    void anAnswerForAnEarlierSessionIsDropped() {
        QueuedRunner tasks = new QueuedRunner();
        FilmStripViewModel<byte[]> vm = vm(tasks);
        vm.show(full(withFrames));
        vm.show(full(withoutFrames));
        tasks.runAll();
        assertThat(vm.thumbnails()).isEmpty();
        assertThat(vm.frames()).isEmpty();
        assertThat(vm.imageProperty().get()).isNull();
        assertThat(vm.emptyTextProperty().get()).isEqualTo("No frames were recorded");
    }

    @Test
    void cachedImagesAreNotFetchedAgain() {
        CountingRunner tasks = new CountingRunner();
        FilmStripViewModel<byte[]> vm = vm(tasks);
        vm.show(full(withFrames));
        int afterShow = tasks.submitted;
        vm.onStep(1);
        vm.onStep(1);
        int afterTwoSteps = tasks.submitted;
        assertThat(afterTwoSteps - afterShow).isBetween(1, 2);
        vm.onStep(-1);
        vm.onStep(-1);
        vm.onStep(1);
        vm.onStep(1);
        assertThat(tasks.submitted).isEqualTo(afterTwoSteps);
        // a thumbnail is decoded at its own small size: picking one fetches its frame once, at the preview's size
        for (var t : vm.thumbnails()) {
            vm.onThumbnail(t.seq());
        }
        int afterThumbnails = tasks.submitted;
        for (var t : vm.thumbnails()) {
            vm.onThumbnail(t.seq());
        }
        assertThat(tasks.submitted).isEqualTo(afterThumbnails);
        assertThat(vm.imageProperty().get())
                .isEqualTo(FilmFixture.png(vm.currentSeqProperty().get().intValue()));
    }

    @Test
    void aSessionWithoutFramesSaysSo() {
        FilmStripViewModel<byte[]> vm = vm(new DirectTaskRunner());
        vm.show(full(withoutFrames));
        assertThat(vm.hasFramesProperty().get()).isFalse();
        assertThat(vm.emptyTextProperty().get()).isEqualTo("No frames were recorded");
        vm.onStep(1);
        assertThat(vm.currentSeqProperty().get()).isNull();
    }

    @Test
    void aFrameThatCannotBeLoadedShowsTheFailureWithTheRequestId() {
        FilmStripViewModel<byte[]> vm = vm(new DirectTaskRunner());
        vm.show(full(withFrames));
        vm.onThumbnail(9_999);
        assertThat(vm.imageLoadingProperty().get()).isFalse();
        assertThat(vm.failureProperty().get())
                .startsWith("Could not load frame 9999")
                .contains("(request req_");
        vm.select(0);
        assertThat(vm.failureProperty().get()).isNull();
    }

    @Test
    void theCacheEvictsTheLeastRecentlyUsedWithinItsBudget() {
        FrameCache<String> cache = new FrameCache<>(3, 10, s -> s.length());
        cache.put("a", 1, "xx");
        cache.put("a", 2, "xx");
        cache.put("a", 3, "xx");
        assertThat(cache.get("a", 1)).isEqualTo("xx"); // 1 is now the most recent
        cache.put("a", 4, "xx");
        assertThat(cache.get("a", 2)).isNull();
        assertThat(cache.get("a", 1)).isNotNull();
        cache.put("b", 1, "xxxxxxxx");
        assertThat(cache.weight()).isLessThanOrEqualTo(10);
        assertThat(cache.get("b", 1)).isNotNull();
    }
}
