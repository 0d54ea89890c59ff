package com.nusomi.recorder.ui.record;

import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

/**
 * The 3-2-1 countdown before a start call (when the settings ask for one): holds the call, runs it when the count
 * reaches 0, drops it when cancelled. The view's timeline ticks it once a second.
 */
public final class StartCountdown {
    static final int SECONDS = 3;

    private final ReadOnlyIntegerWrapper remaining = new ReadOnlyIntegerWrapper(0);
    private final BooleanBinding running = remaining.greaterThan(0);
    private Runnable then;

    /** Counts down from {@value #SECONDS}, then runs {@code call}. */
    void begin(Runnable call) {
        then = call;
        remaining.set(SECONDS);
    }

    /** One second has passed (driven by the view's timeline). */
    public void onTick() {
        if (remaining.get() <= 0) {
            return;
        }
        remaining.set(remaining.get() - 1);
        if (remaining.get() == 0 && then != null) {
            Runnable call = then;
            then = null;
            call.run();
        }
    }

    /** Stops counting; the held call never runs. */
    public void onCancel() {
        then = null;
        remaining.set(0);
    }

    /** Seconds left, 0 when not counting. */
    public ReadOnlyIntegerProperty remainingProperty() {
        return remaining.getReadOnlyProperty();
    }

    /** True while counting down. */
    public BooleanBinding runningBinding() {
        return running;
    }
}
