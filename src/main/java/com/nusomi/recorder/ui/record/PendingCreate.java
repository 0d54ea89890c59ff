package com.nusomi.recorder.ui.record;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * A Create pressed before the server answered (the embedded server still starting, or a configured server not
 * reachable yet): held, and run once the connection is up, instead of failing or staying disabled. Cancel drops it.
 * FX thread only.
 */
public final class PendingCreate {
    private final ReadOnlyBooleanWrapper waiting = new ReadOnlyBooleanWrapper(false);
    private Runnable held;

    /** Holds {@code create} until {@link #release()}; a second press replaces the first. */
    void hold(Runnable create) {
        held = create;
        waiting.set(true);
    }

    /** The server answers: runs what was held, if anything. */
    void release() {
        Runnable create = held;
        cancel();
        if (create != null) {
            create.run();
        }
    }

    /** Drops the held Create; nothing is sent. */
    public void cancel() {
        held = null;
        waiting.set(false);
    }

    /** True while a Create waits for the server. */
    public ReadOnlyBooleanProperty waitingProperty() {
        return waiting.getReadOnlyProperty();
    }
}
