package com.nusomi.recorder.ui.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import com.nusomi.recorder.app.DirectTaskRunner;
import com.nusomi.recorder.client.model.Session;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.image.Image;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The detail pane's timeline of a paused run, without a toolkit: from its markers even when they are not embedded. */
class DetailTimelineTest {
    @TempDir
    static Path data;

    static SessionsFixture fx;

    @BeforeAll
    static void start() {
        fx = new SessionsFixture(data.resolve("server"), 0);
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    private static DetailViewModel detail() {
        DirectTaskRunner tasks = new DirectTaskRunner();
        FilmStripViewModel<Image> film = new FilmStripViewModel<>(
                tasks, () -> fx.admin, (f, w) -> null, new FrameCache<>(4, 4, i -> 1), new FrameCache<>(4, 4, i -> 1));
        return new DetailViewModel(tasks, () -> fx.admin, () -> {}, film);
    }

    @Test
    void aRunWhoseEmbeddedEventsAreCutShortGetsItsPausesFromItsMarkerEvents() {
        String id = FilmFixture.recordPaused(fx, 1_000);
        DetailViewModel vm = detail();

        vm.show(fx.admin.sessions().get(id).execute(), false);

        Session s = vm.sessionProperty().get();
        assertThat(s.eventsTruncated()).isTrue();
        assertThat(s.events())
                .as("the first 1,000 events are the clicks")
                .noneMatch(e -> e.type().equals("marker"));
        assertThat(vm.timeline().recorded(s.tags().get(0).offsetMs())).isEqualTo(13_000);
        assertThat(vm.timeline().recorded(s.durationMs()))
                .as("the run ends where the timer stopped")
                .isEqualTo(s.recordedMs())
                .isEqualTo(18_000);
    }

    @Test
    void aRunWithItsMarkersEmbeddedTakesItsPausesFromThem() {
        String id = FilmFixture.recordPaused(fx, 0);
        DetailViewModel vm = detail();

        vm.show(fx.admin.sessions().get(id).execute(), false);

        Session s = vm.sessionProperty().get();
        assertThat(s.eventsTruncated()).isFalse();
        assertThat(vm.timeline().pauses()).isEqualTo(1);
        assertThat(vm.timeline().recorded(25_000L)).isEqualTo(13_000);
    }

    @Test
    void theFirstFrameComesAheadOfTheSessionYetTheFramesKeepTheirRecordedOffsets() {
        String id = FilmFixture.recordPaused(fx, 0);
        List<String> reads = new ArrayList<>();
        DirectTaskRunner tasks = new DirectTaskRunner();
        FilmStripViewModel<Image> film = new FilmStripViewModel<>(
                tasks,
                () -> fx.admin,
                (f, w) -> {
                    reads.add("image");
                    return null;
                },
                new FrameCache<>(4, 4, i -> 1),
                new FrameCache<>(4, 4, i -> 1));
        film.framesLoadingProperty().addListener((o, a, loading) -> {
            if (loading) {
                reads.add("listing");
            }
        });
        DetailViewModel vm = new DetailViewModel(tasks, () -> fx.admin, () -> {}, film);
        vm.loadingProperty().addListener((o, a, loading) -> {
            if (!loading) {
                reads.add("session in full");
            }
        });

        vm.show(fx.admin.sessions().get(id).execute(), false);

        assertThat(reads)
                .as("the first frame loads from the summary read alone; the listing waits for the session in full")
                .startsWith("image")
                .containsSubsequence("image", "session in full", "listing");
        long[] offsets = film.offsets();
        assertThat(offsets[1] - offsets[0])
                .as("23 s less 5 s, less the 12 s pause: the listing used the session's timeline")
                .isEqualTo(6_000);
    }
}
