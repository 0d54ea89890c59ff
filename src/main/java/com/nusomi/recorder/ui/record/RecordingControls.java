package com.nusomi.recorder.ui.record;

import com.nusomi.recorder.recorder.Recording;
import com.nusomi.recorder.ui.common.Operations;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectExpression;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What can be done to a recording in progress, through its {@link Recording}: pause and resume capture (marker
 * events), restart input capture after it was lost, and record a note as an event. Each is enabled only while it
 * makes sense.
 */
public final class RecordingControls {
    private static final Logger LOG = LoggerFactory.getLogger(RecordingControls.class);

    private final Operations ops;
    private final LiveRecording live;
    private final StringProperty note = new SimpleStringProperty("");
    private final BooleanBinding canPause;
    private final BooleanBinding canContinue;
    private final BooleanBinding canNote;
    private final BooleanBinding canRestartInput;

    RecordingControls(Operations ops, LiveRecording live, ObjectExpression<RecordState> state) {
        this.ops = ops;
        this.live = live;
        var busy = ops.busyProperty();
        var recordingLive = state.isEqualTo(RecordState.RECORDING).and(live.activeProperty());
        canPause = recordingLive.and(live.pausedProperty().not());
        canContinue = recordingLive.and(live.pausedProperty());
        canNote = recordingLive.and(note.isNotEmpty()).and(busy.not());
        canRestartInput =
                live.activeProperty().and(live.inputLostProperty().isNotNull()).and(busy.not());
    }

    /** Pauses capture (a {@code pause} marker event); tags and notes still go in. */
    public void onPause() {
        Recording r = live.recording();
        if (canPause.get() && r != null) {
            r.pause().exceptionally(e -> {
                LOG.warn("Could not pause the recording", e);
                return null;
            });
        }
    }

    /** Resumes capture after {@link #onPause()} (a {@code resume} marker event and a fresh frame). */
    public void onContinue() {
        Recording r = live.recording();
        if (canContinue.get() && r != null) {
            r.resume().exceptionally(e -> {
                LOG.warn("Could not resume the recording", e);
                return null;
            });
        }
    }

    /**
     * Registers the global input hook again after input was lost ("Restart input capture"); the notice clears
     * when the recorder reports input restored, a failure shows with a retry.
     */
    public void onRestartInput() {
        Recording r = live.recording();
        if (!canRestartInput.get() || r == null) {
            return;
        }
        ops.run("Could not restart input capture", () -> r.restartInput().get(), done -> {});
    }

    /** Records the note as a {@code note} event in the recording; the field empties once it is recorded. */
    public void onAddNote() {
        Recording r = live.recording();
        String text = note.get().strip();
        if (!canNote.get() || r == null || text.isEmpty()) {
            return;
        }
        ops.run(
                "Could not record the note",
                () -> {
                    r.note(text).get();
                    return text;
                },
                recorded -> note.set(""));
    }

    /** The note being typed. */
    public StringProperty noteProperty() {
        return note;
    }

    public BooleanBinding canPauseBinding() {
        return canPause;
    }

    public BooleanBinding canContinueBinding() {
        return canContinue;
    }

    public BooleanBinding canNoteBinding() {
        return canNote;
    }

    /** While input capture is lost during a recording and nothing else runs. */
    public BooleanBinding canRestartInputBinding() {
        return canRestartInput;
    }
}
