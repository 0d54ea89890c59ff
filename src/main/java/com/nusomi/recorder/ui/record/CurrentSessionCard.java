package com.nusomi.recorder.ui.record;

import com.nusomi.recorder.client.model.Session;
import com.nusomi.recorder.ui.common.Tips;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignN;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

/**
 * The Record screen's "Current session" card: the timer, the status line and session id, the counts, what the
 * recording reports (unchanged captures, uploads waiting, the drain after Stop, input notices), pause and notes,
 * and the {@link TagPanel}.
 */
final class CurrentSessionCard extends VBox {
    private final TagPanel tagPanel;

    CurrentSessionCard(RecordViewModel vm) {
        super(12);
        CurrentSession current = vm.current();
        LiveRecording live = vm.live();
        tagPanel = new TagPanel(vm);
        Label heading = new Label("Current session");
        heading.getStyleClass().add("card-title");

        StackPane elapsed = TimerLabels.main(current.timer());

        Label workflowLabel = new Label();
        workflowLabel.getStyleClass().add("muted");
        workflowLabel
                .textProperty()
                .bind(Bindings.createStringBinding(
                        () -> {
                            Session s = current.sessionProperty().get();
                            return s == null
                                    ? "Create a session to start recording."
                                    : s.workflow()
                                            + (s.actor() != null
                                                    ? " · " + s.actor().id() + " ("
                                                            + s.actor().kind().wireValue() + ")"
                                                    : "");
                        },
                        current.sessionProperty()));

        HBox stats = new HBox(
                10,
                stat("framesCount", "Frames", current.framesProperty().asString()),
                stat("eventsCount", "Events", current.eventsProperty().asString()),
                stat("tagsCount", "Tags", Bindings.size(vm.tags().applied()).asString()),
                stat("pendingCount", "Pending uploads", live.pendingTextProperty()));

        Label unchanged = new Label();
        unchanged.setId("unchangedLabel");
        unchanged.getStyleClass().add("muted");
        unchanged
                .textProperty()
                .bind(Bindings.createStringBinding(
                        () -> {
                            long n = live.framesUnchangedProperty().get();
                            return n == 1
                                    ? "1 unchanged capture not stored again"
                                    : n + " unchanged captures not stored again";
                        },
                        live.framesUnchangedProperty()));
        unchanged
                .visibleProperty()
                .bind(live.activeProperty().and(live.framesUnchangedProperty().greaterThan(0)));
        unchanged.managedProperty().bind(unchanged.visibleProperty());

        Label waiting = new Label("Uploads are waiting for the server; nothing is lost, they go on in order.");
        waiting.setId("uploadWaitingLabel");
        waiting.getStyleClass().add("warn-text");
        waiting.setWrapText(true);
        waiting.visibleProperty().bind(live.uploadWaitingProperty().and(live.activeProperty()));
        waiting.managedProperty().bind(waiting.visibleProperty());

        Label inputNotice = new Label();
        inputNotice.setId("inputNotice");
        inputNotice.getStyleClass().add("warn-text");
        inputNotice.setWrapText(true);
        inputNotice.textProperty().bind(live.inputNoticeProperty());
        inputNotice
                .visibleProperty()
                .bind(live.inputNoticeProperty().isNotNull().and(live.activeProperty()));
        inputNotice.managedProperty().bind(inputNotice.visibleProperty());

        getChildren()
                .addAll(
                        heading,
                        elapsed,
                        statusRow(current),
                        workflowLabel,
                        stats,
                        unchanged,
                        waiting,
                        draining(current),
                        inputNotice,
                        recordingControls(vm.controls()),
                        tagPanel);
        getStyleClass().addAll("card", "current-card");
        setMinWidth(330);
        VBox.setVgrow(tagPanel, Priority.ALWAYS);
    }

    private static HBox statusRow(CurrentSession current) {
        Label dot = new Label();
        dot.getStyleClass().add("rec-dot");
        Label status = new Label();
        status.setId("statusLabel");
        status.getStyleClass().add("status-text");
        status.textProperty().bind(current.statusTextBinding());
        status.setGraphic(dot);
        TextField sessionId = new TextField();
        sessionId.setId("sessionIdLabel");
        sessionId.setEditable(false);
        sessionId.getStyleClass().add("request-id");
        sessionId
                .textProperty()
                .bind(Bindings.createStringBinding(
                        () -> {
                            Session s = current.sessionProperty().get();
                            return s == null ? "" : s.id();
                        },
                        current.sessionProperty()));
        sessionId.visibleProperty().bind(current.sessionProperty().isNotNull());
        sessionId.managedProperty().bind(sessionId.visibleProperty());
        HBox.setHgrow(sessionId, Priority.ALWAYS);
        HBox statusRow = new HBox(10, status, sessionId);
        statusRow.setAlignment(Pos.CENTER_LEFT);
        return statusRow;
    }

    /** The spool draining after Stop: shown while the session is stopping. */
    private static VBox draining(CurrentSession current) {
        ProgressBar drain = new ProgressBar();
        drain.setId("drainProgress");
        drain.progressProperty().bind(current.drain().progressProperty());
        drain.setMaxWidth(Double.MAX_VALUE);
        Label drainText = new Label();
        drainText.setId("drainText");
        drainText.textProperty().bind(current.drain().textBinding());
        VBox draining = new VBox(4, drainText, drain);
        draining.setId("drainBox");
        draining.visibleProperty().bind(current.stateProperty().isEqualTo(RecordState.STOPPING));
        draining.managedProperty().bind(draining.visibleProperty());
        return draining;
    }

    private static HBox recordingControls(RecordingControls controls) {
        Button pause = new Button("Pause", new FontIcon(MaterialDesignP.PAUSE_CIRCLE_OUTLINE));
        pause.setId("pauseButton");
        pause.setMinWidth(Region.USE_PREF_SIZE);
        pause.disableProperty().bind(controls.canPauseBinding().not());
        pause.visibleProperty().bind(controls.canContinueBinding().not());
        pause.managedProperty().bind(pause.visibleProperty());
        pause.setOnAction(e -> controls.onPause());
        Button resume = new Button("Resume", new FontIcon(MaterialDesignP.PLAY_CIRCLE_OUTLINE));
        resume.setId("resumeButton");
        resume.getStyleClass().add("success");
        resume.setMinWidth(Region.USE_PREF_SIZE);
        resume.visibleProperty().bind(controls.canContinueBinding());
        resume.managedProperty().bind(resume.visibleProperty());
        resume.setOnAction(e -> controls.onContinue());
        TextField note = new TextField();
        note.setId("noteField");
        note.setPromptText("What just happened?"); // short enough to show whole in the narrowest window
        Tips.set(note, "A note for the session's timeline: type it and press Enter (or Note)");
        note.textProperty().bindBidirectional(controls.noteProperty());
        note.setOnAction(e -> controls.onAddNote());
        note.disableProperty()
                .bind(controls.canPauseBinding()
                        .or(controls.canContinueBinding())
                        .not());
        HBox.setHgrow(note, Priority.ALWAYS);
        Button addNote = new Button("Note", new FontIcon(MaterialDesignN.NOTE_PLUS_OUTLINE));
        addNote.setId("addNoteButton");
        addNote.setMinWidth(Region.USE_PREF_SIZE);
        addNote.disableProperty().bind(controls.canNoteBinding().not());
        addNote.setOnAction(e -> controls.onAddNote());
        HBox row = new HBox(8, pause, resume, note, addNote);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private static VBox stat(String id, String label, ObservableStringValue value) {
        Label v = new Label();
        v.setId(id);
        v.getStyleClass().add("stat-value");
        v.textProperty().bind(value);
        Label l = new Label(label);
        l.setMinWidth(Region.USE_PREF_SIZE);
        l.getStyleClass().add("stat-label");
        VBox box = new VBox(2, v, l);
        box.getStyleClass().add("stat");
        HBox.setHgrow(box, Priority.ALWAYS);
        box.setMaxWidth(Double.MAX_VALUE);
        return box;
    }

    void focusCustomTag() {
        tagPanel.focusCustomTag();
    }
}
