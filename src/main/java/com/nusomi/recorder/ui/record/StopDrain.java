package com.nusomi.recorder.ui.record;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.value.ObservableObjectValue;

/**
 * The spool draining after Stop: how far the upload of what was still pending has gone (0 to 1, against the most
 * entries pending since the stop) and what it waits for. Follows the {@link LiveRecording}'s pending count.
 */
public final class StopDrain {
    private final LiveRecording live;
    private final ObservableObjectValue<RecordState> state;
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final StringBinding text;
    private int total;

    /** @param state the screen's state: the progress moves while it is {@link RecordState#STOPPING} */
    StopDrain(LiveRecording live, ObservableObjectValue<RecordState> state) {
        this.live = live;
        this.state = state;
        text = Bindings.createStringBinding(
                () -> text(
                        live.pendingEntriesProperty().get(),
                        live.uploadWaitingProperty().get()),
                live.pendingEntriesProperty(),
                live.uploadWaitingProperty());
        live.pendingEntriesProperty().addListener((o, a, b) -> update());
    }

    /** "Uploading 37 pending… (waiting for the server)", or, once all is sent, what the stop waits for. */
    static String text(int pending, boolean uploadWaiting) {
        return pending > 0
                ? "Uploading " + pending + " pending…" + (uploadWaiting ? " (waiting for the server)" : "")
                : "Waiting for the server to acknowledge the stop…";
    }

    /** The stop is recorded (the state is stopping): progress counts from what is pending now. */
    void begin() {
        total = Math.max(1, live.pendingEntriesProperty().get());
        update();
    }

    private void update() {
        if (state.get() != RecordState.STOPPING) {
            return;
        }
        int pending = live.pendingEntriesProperty().get();
        total = Math.max(total, pending);
        progress.set(1.0 - (double) pending / total);
    }

    /** 0 to 1 while the spool drains after Stop. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** What the drain is doing ({@link #text(int, boolean)}); shown while the session is stopping. */
    public StringBinding textBinding() {
        return text;
    }
}
