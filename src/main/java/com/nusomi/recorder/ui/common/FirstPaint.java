package com.nusomi.recorder.ui.common;

import java.util.function.BooleanSupplier;
import javafx.animation.AnimationTimer;

/**
 * Tells when a window's first frame has been painted, for start-up figures: the app's start-up probe and the
 * benchmarks' baseline window use the same hook, so that both are measured alike. JavaFX gives no public
 * "frame rendered" callback; what it does guarantee is that a pulse does not start before the previous pulse's frame
 * was handed to the renderer and rendered (the toolkit waits on the render lock). So: wait for the first pulse at
 * which {@code shownAndReady} holds (the window is showing, the focus is where the user types), and run
 * {@code painted} at the start of the pulse after it, by which time the frame of that pulse has been painted. FX
 * thread only.
 */
public final class FirstPaint {
    private FirstPaint() {}

    public static void whenPainted(BooleanSupplier shownAndReady, Runnable painted) {
        new AnimationTimer() {
            private boolean seen;

            @Override
            public void handle(long now) {
                if (seen) {
                    stop();
                    painted.run();
                } else if (shownAndReady.getAsBoolean()) {
                    seen = true; // this pulse lays out and paints the frame; the next one starts after it
                }
            }
        }.start();
    }
}
