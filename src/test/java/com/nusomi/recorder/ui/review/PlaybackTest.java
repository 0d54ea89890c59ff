package com.nusomi.recorder.ui.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Playback's schedule on a timer the test moves by hand: which frame is due when, at each speed, over idle gaps
 * with "skip idle", and after a pause. No real time passes.
 */
class PlaybackTest {
    /** A timer whose time only the test moves; each move ticks once, as a pulse would. */
    static final class ManualTimer implements PlaybackTimer {
        long now = 1_000_000;
        Runnable tick;

        @Override
        public long nowMillis() {
            return now;
        }

        @Override
        public void start(Runnable t) {
            tick = t;
        }

        @Override
        public void stop() {
            tick = null;
        }

        void advance(long ms) {
            now += ms;
            if (tick != null) {
                tick.run();
            }
        }
    }

    /** Frames at these offsets, with events at those; records every frame shown. */
    static final class FakeFrames implements Playback.Frames {
        final long[] offsets;
        final long[] events;
        final List<Integer> shown = new ArrayList<>();
        int index;

        FakeFrames(long[] offsets, long... events) {
            this.offsets = offsets;
            this.events = events;
        }

        @Override
        public int index() {
            return index;
        }

        @Override
        public int count() {
            return offsets.length;
        }

        @Override
        public long offset(int i) {
            return offsets[i];
        }

        @Override
        public boolean quiet(long from, long to) {
            for (long e : events) {
                if (e > from && e < to) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public void show(int i) {
            index = i;
            shown.add(i);
        }
    }

    private final ManualTimer timer = new ManualTimer();

    /** A frame a second for 5 s, then 2 min 10 s with no frame, then a frame a second again. */
    private static long[] withIdleGap() {
        return new long[] {0, 1000, 2000, 3000, 4000, 134_000, 135_000, 136_000};
    }

    @Test
    void atOneTimesEachFrameIsHeldUntilTheNextFramesOffset() {
        FakeFrames frames = new FakeFrames(new long[] {0, 1000, 1500, 4000});
        Playback p = new Playback(timer, frames);
        p.play();
        assertThat(p.playingProperty().get()).isTrue();
        timer.advance(999);
        assertThat(frames.index).isZero();
        timer.advance(1);
        assertThat(frames.index).isEqualTo(1);
        timer.advance(500);
        assertThat(frames.index).isEqualTo(2);
        timer.advance(2499);
        assertThat(frames.index).isEqualTo(2);
        timer.advance(1);
        assertThat(frames.index).isEqualTo(3);
        assertThat(frames.shown).containsExactly(1, 2, 3);
    }

    @Test
    void atEightTimesFramesComeEightTimesSooner() {
        FakeFrames frames = new FakeFrames(new long[] {0, 1000, 2000, 3000, 4000});
        Playback p = new Playback(timer, frames);
        p.speedProperty().set(8);
        p.play();
        timer.advance(124);
        assertThat(frames.index).isZero();
        timer.advance(1);
        assertThat(frames.index).isEqualTo(1);
        timer.advance(125);
        assertThat(frames.index).isEqualTo(2);
    }

    @Test
    void whenItFallsBehindItJumpsToTheFrameDueNowAndKeepsTime() {
        FakeFrames frames = new FakeFrames(new long[] {0, 1000, 2000, 3000, 4000, 5000});
        Playback p = new Playback(timer, frames);
        p.play();
        timer.advance(3500);
        assertThat(frames.shown)
                .as("frames 1 and 2 were due in the same tick: only 3 is shown")
                .containsExactly(3);
        timer.advance(500);
        assertThat(frames.index)
                .as("frame 4 was due at 4000, planned from 3000, not from the late tick")
                .isEqualTo(4);
    }

    @Test
    void skipIdleCutsAQuietGapAndSaysHowLongItSkipped() {
        FakeFrames frames = new FakeFrames(withIdleGap());
        frames.index = 4;
        Playback p = new Playback(timer, frames);
        p.skipIdleProperty().set(true);
        p.play();
        assertThat(p.statusProperty().get()).isEmpty();
        timer.advance(Playback.IDLE_KEEP_MS - 1);
        assertThat(frames.index).isEqualTo(4);
        timer.advance(1);
        assertThat(frames.index).isEqualTo(5);
        assertThat(p.statusProperty().get()).isEqualTo("Skipped 2 min 9 s idle");
    }

    @Test
    void withoutSkipIdleTheGapPlaysInFull() {
        FakeFrames frames = new FakeFrames(withIdleGap());
        frames.index = 4;
        Playback p = new Playback(timer, frames);
        p.play();
        timer.advance(Playback.IDLE_KEEP_MS);
        assertThat(frames.index).isEqualTo(4);
        timer.advance(130_000 - Playback.IDLE_KEEP_MS);
        assertThat(frames.index).isEqualTo(5);
        assertThat(p.statusProperty().get()).isEmpty();
    }

    @Test
    void aGapWithAnEventInItIsNotIdle() {
        FakeFrames frames = new FakeFrames(withIdleGap(), 60_000);
        frames.index = 4;
        Playback p = new Playback(timer, frames);
        p.skipIdleProperty().set(true);
        p.play();
        timer.advance(Playback.IDLE_KEEP_MS);
        assertThat(frames.index).as("a click in the gap: something happened").isEqualTo(4);
        timer.advance(130_000 - Playback.IDLE_KEEP_MS);
        assertThat(frames.index).isEqualTo(5);
    }

    @Test
    void aShortGapIsNeverSkipped() {
        FakeFrames frames = new FakeFrames(new long[] {0, Playback.IDLE_MIN_MS - 1, Playback.IDLE_MIN_MS});
        Playback p = new Playback(timer, frames);
        p.skipIdleProperty().set(true);
        p.play();
        timer.advance(Playback.IDLE_KEEP_MS);
        assertThat(frames.index).isZero();
        timer.advance(Playback.IDLE_MIN_MS - 1 - Playback.IDLE_KEEP_MS);
        assertThat(frames.index).isEqualTo(1);
    }

    @Test
    void pauseStopsTheTicksAndPlayGoesOnFromTheFrameShown() {
        FakeFrames frames = new FakeFrames(new long[] {0, 1000, 2000, 3000});
        Playback p = new Playback(timer, frames);
        p.onPlayPause();
        timer.advance(1000);
        p.onPlayPause();
        assertThat(p.playingProperty().get()).isFalse();
        assertThat(timer.tick).as("the timer stopped").isNull();
        timer.advance(5000);
        assertThat(frames.index).isEqualTo(1);
        p.onPlayPause();
        timer.advance(999);
        assertThat(frames.index)
                .as("held a full second from when play was pressed")
                .isEqualTo(1);
        timer.advance(1);
        assertThat(frames.index).isEqualTo(2);
    }

    @Test
    void itStopsAtTheEndAndPlayAtTheEndStartsFromTheFirstFrame() {
        FakeFrames frames = new FakeFrames(new long[] {0, 1000});
        Playback p = new Playback(timer, frames);
        p.play();
        timer.advance(1000);
        assertThat(frames.index).isEqualTo(1);
        timer.advance(1);
        assertThat(p.playingProperty().get()).isFalse();
        assertThat(p.statusProperty().get()).isEqualTo("End of the recording");
        p.play();
        assertThat(frames.index).isZero();
        assertThat(p.playingProperty().get()).isTrue();
    }

    @Test
    void aChangeOfSpeedWhilePlayingHoldsTheCurrentFrameFromNow() {
        FakeFrames frames = new FakeFrames(new long[] {0, 1000, 2000});
        Playback p = new Playback(timer, frames);
        p.play();
        timer.advance(900);
        p.speedProperty().set(4);
        timer.advance(249);
        assertThat(frames.index).isZero();
        timer.advance(1);
        assertThat(frames.index).isEqualTo(1);
    }

    @Test
    void oneFrameDoesNotPlay() {
        FakeFrames frames = new FakeFrames(new long[] {0});
        Playback p = new Playback(timer, frames);
        p.play();
        assertThat(p.playingProperty().get()).isFalse();
        assertThat(timer.tick).isNull();
    }

    @Test
    void durationsReadAsAPersonWouldSayThem() {
        assertThat(Playback.duration(45_000)).isEqualTo("45 s");
        assertThat(Playback.duration(129_000)).isEqualTo("2 min 9 s");
        assertThat(Playback.duration(120_000)).isEqualTo("2 min");
        assertThat(Playback.duration(3_900_000)).isEqualTo("1 h 5 min");
        assertThat(Playback.duration(7_200_000)).isEqualTo("2 h");
    }
}
