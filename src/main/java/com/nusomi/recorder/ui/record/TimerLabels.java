package com.nusomi.recorder.ui.record;

import com.nusomi.recorder.ui.common.Tips;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * The timer as the Record screen and the mini recorder show it: the time recorded (it stands still while paused)
 * and, apart from it, the time paused ({@code paused 0:12}) once there was a pause.
 */
final class TimerLabels {
    private TimerLabels() {}

    /**
     * The Record screen's large timer with the paused time in its bottom right corner: inside the timer's box, so
     * that nothing below it moves when a pause begins.
     */
    static StackPane main(RecordTimer timer) {
        Label elapsed = new Label();
        elapsed.setId("elapsedLabel");
        elapsed.getStyleClass().add("timer");
        elapsed.textProperty().bind(timer.textProperty());
        elapsed.setMaxWidth(Double.MAX_VALUE);
        Tips.set(elapsed, "Time recorded: pauses are not counted");
        Label paused = paused(timer, "pausedLabel", "timer-paused");
        StackPane box = new StackPane(elapsed, paused);
        StackPane.setAlignment(paused, Pos.BOTTOM_RIGHT);
        StackPane.setMargin(paused, new Insets(0, 10, 6, 0));
        return box;
    }

    /** The paused time, shown once there was a pause. */
    static Label paused(RecordTimer timer, String id, String styleClass) {
        Label paused = new Label();
        paused.setId(id);
        paused.getStyleClass().add(styleClass);
        paused.textProperty().bind(timer.pausedTextProperty());
        paused.visibleProperty().bind(paused.textProperty().isNotEmpty());
        paused.managedProperty().bind(paused.visibleProperty());
        paused.setMinWidth(Region.USE_PREF_SIZE);
        Tips.set(paused, "Time paused in this run: not part of its recorded time");
        return paused;
    }
}
