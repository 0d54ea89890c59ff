package com.nusomi.recorder.ui.review;

import java.time.Clock;
import javafx.animation.AnimationTimer;

/**
 * What playback runs on: the time now, and a tick on the UI thread while it plays. The app's timer ticks on every
 * JavaFX pulse and reads the app's {@link Clock}, so that a test that holds the clock still holds playback still
 * and moves it frame by frame by moving the clock.
 */
public interface PlaybackTimer {
    /** The time now, in milliseconds (any origin). */
    long nowMillis();

    /** Calls {@code tick} on the UI thread, often (every pulse), until {@link #stop()}. */
    void start(Runnable tick);

    /** Stops the ticks. */
    void stop();

    /** Ticks on the JavaFX pulse; reads {@code clock}. */
    static PlaybackTimer fx(Clock clock) {
        return new PlaybackTimer() {
            private AnimationTimer timer;

            @Override
            public long nowMillis() {
                return clock.millis();
            }

            @Override
            public void start(Runnable tick) {
                stop();
                timer = new AnimationTimer() {
                    @Override
                    public void handle(long now) {
                        tick.run();
                    }
                };
                timer.start();
            }

            @Override
            public void stop() {
                if (timer != null) {
                    timer.stop();
                    timer = null;
                }
            }
        };
    }
}
