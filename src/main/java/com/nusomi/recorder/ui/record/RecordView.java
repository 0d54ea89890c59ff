package com.nusomi.recorder.ui.record;

import com.nusomi.recorder.client.model.ActorKind;
import com.nusomi.recorder.client.model.Session;
import com.nusomi.recorder.ui.common.Banner;
import com.nusomi.recorder.ui.common.Problem;
import com.nusomi.recorder.ui.common.Tips;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignN;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/** The Record screen: the new-session form on the left, the current session and its tags on the right. */
public final class RecordView extends StackPane {
    private static final PseudoClass RECORDING = PseudoClass.getPseudoClass("recording");
    private static final PseudoClass PAUSED = PseudoClass.getPseudoClass("paused");

    private final RecordViewModel vm;
    private final TagPanel tagPanel;
    private final Timeline timer;
    private final Timeline countdownTimer;
    private final ComboBox<String> workflowField = new ComboBox<>();

    public RecordView(RecordViewModel vm) {
        this.vm = vm;
        this.tagPanel = new TagPanel(vm);
        getStyleClass().add("record-view");
        setId("recordView");

        Label title = new Label("Record");
        title.getStyleClass().add("screen-title");
        ProgressIndicator busy = new ProgressIndicator();
        busy.setId("busyIndicator");
        busy.getStyleClass().add("busy");
        busy.visibleProperty().bind(vm.operations().busyProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(12, title, spacer, busy);
        header.setAlignment(Pos.CENTER_LEFT);

        VBox form = formCard();
        VBox current = currentCard();
        HBox.setHgrow(form, Priority.ALWAYS);
        HBox.setHgrow(current, Priority.ALWAYS);
        form.setPrefWidth(460);
        current.setPrefWidth(420);
        HBox columns = new HBox(16, form, current);

        VBox page = new VBox(14, header, new Banner(vm.operations()), new RecorderNotices(vm.live(), vm::onRestartInput,
                vm.canRestartInputBinding()),
                elsewhereNotice(), recoveryPane(), columns);
        page.getStyleClass().add("page");
        ScrollPane scroll = new ScrollPane(page);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.getStyleClass().add("page-scroll");

        Label countdown = new Label();
        countdown.setId("countdownLabel");
        countdown.getStyleClass().add("countdown");
        countdown.textProperty().bind(vm.countdownProperty().asString());
        StackPane overlay = new StackPane(countdown);
        overlay.getStyleClass().add("countdown-overlay");
        overlay.visibleProperty().bind(vm.countdownProperty().greaterThan(0));
        overlay.setOnMouseClicked(e -> vm.onCancelCountdown());
        getChildren().addAll(scroll, overlay);

        timer = new Timeline(new KeyFrame(Duration.millis(200), e -> vm.tick()));
        timer.setCycleCount(Animation.INDEFINITE);
        countdownTimer = new Timeline(new KeyFrame(Duration.seconds(1), e -> vm.onCountdownTick()));
        countdownTimer.setCycleCount(Animation.INDEFINITE);
        vm.stateProperty().addListener((o, a, b) -> {
            pseudoClassStateChanged(RECORDING, b == RecordState.RECORDING);
            if (b == RecordState.RECORDING) {
                timer.play();
            } else {
                timer.stop();
            }
        });
        vm.live().pausedProperty().addListener((o, a, b) -> pseudoClassStateChanged(PAUSED, b));
        vm.countdownProperty().addListener((o, a, b) -> {
            if (b.intValue() > 0 && countdownTimer.getStatus() != Animation.Status.RUNNING) {
                countdownTimer.playFromStart();
            } else if (b.intValue() == 0) {
                countdownTimer.stop();
            }
        });
    }

    private VBox formCard() {
        Label heading = new Label("New session");
        heading.getStyleClass().add("card-title");

        workflowField.setId("workflowField");
        workflowField.setEditable(true);
        workflowField.setItems(vm.recentWorkflows());
        workflowField.setPromptText("process_invoice");
        workflowField.setMaxWidth(Double.MAX_VALUE);
        workflowField.getEditor().textProperty().bindBidirectional(vm.workflowProperty());
        workflowField.valueProperty().addListener((o, a, b) -> {
            if (b != null && !b.equals(vm.workflowProperty().get())) {
                vm.workflowProperty().set(b);
            }
        });
        Problem workflowProblem = new Problem("workflowProblem", vm.workflowProblemProperty());
        workflowProblem.visibleProperty().unbind();
        // an empty, untouched field is not an error yet: the Create button stays off, the reason shows once typed
        workflowProblem.visibleProperty().bind(vm.workflowProblemProperty().isNotNull()
                .and(vm.workflowProperty().isNotEmpty()));
        Label workflowHint = new Label("a–z, 0–9 and _ · 2 to 64 characters");
        workflowHint.getStyleClass().add("muted");
        workflowHint.visibleProperty().bind(workflowProblem.visibleProperty().not());
        workflowHint.managedProperty().bind(workflowHint.visibleProperty());

        TextField actorId = new TextField();
        actorId.setId("actorIdField");
        actorId.setPromptText("alex@nusomi.com");
        actorId.textProperty().bindBidirectional(vm.actorIdProperty());
        HBox.setHgrow(actorId, Priority.ALWAYS);
        ComboBox<ActorKind> actorKind = new ComboBox<>();
        actorKind.setId("actorKindField");
        actorKind.setMinWidth(Region.USE_PREF_SIZE);
        actorKind.getItems().setAll(ActorKind.HUMAN, ActorKind.MODEL, ActorKind.SCRIPT);
        actorKind.valueProperty().bindBidirectional(vm.actorKindProperty());
        actorKind.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(ActorKind k) {
                return k == null ? "" : k.wireValue();
            }

            @Override
            public ActorKind fromString(String s) {
                return ActorKind.HUMAN;
            }
        });
        HBox actorRow = new HBox(8, actorId, actorKind);
        actorRow.setAlignment(Pos.CENTER_LEFT);

        GridPane grid = new GridPane();
        grid.getStyleClass().add("form-grid");
        grid.setHgap(12);
        grid.setVgap(4);
        grid.addRow(0, fieldLabel("Workflow"), workflowField);
        grid.add(workflowProblem, 1, 1);
        grid.add(workflowHint, 1, 2);
        grid.addRow(3, fieldLabel("Actor"), actorRow);
        grid.add(new Problem("actorProblem", vm.actorProblemProperty()), 1, 4);
        GridPane.setHgrow(workflowField, Priority.ALWAYS);
        GridPane.setHgrow(actorRow, Priority.ALWAYS);
        javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        grid.getColumnConstraints().addAll(labels, new javafx.scene.layout.ColumnConstraints());
        grid.getColumnConstraints().get(1).setHgrow(Priority.ALWAYS);

        MetadataEditor metadata = new MetadataEditor(vm.metadata());

        CheckBox startNow = new CheckBox("Start recording immediately");
        startNow.setId("startImmediately");
        startNow.selectedProperty().bindBidirectional(vm.startImmediatelyProperty());

        Button create = new Button("Create", new FontIcon(MaterialDesignP.PLUS_CIRCLE_OUTLINE));
        create.setId("createButton");
        create.getStyleClass().add("accent");
        create.setDefaultButton(false);
        create.disableProperty().bind(vm.canCreateBinding().not());
        create.setOnAction(e -> vm.onCreate());
        Tips.set(create, "Create the session (and start it if ticked) · Ctrl+Shift+R starts");
        Button start = new Button("Start", new FontIcon(MaterialDesignR.RECORD_CIRCLE_OUTLINE));
        start.setId("startButton");
        start.getStyleClass().add("success");
        start.disableProperty().bind(vm.canStartBinding().not());
        start.setOnAction(e -> vm.onStart());
        Tips.set(start, "Start recording (Ctrl+Shift+R)");
        Button stop = new Button("Stop", new FontIcon(MaterialDesignS.STOP_CIRCLE_OUTLINE));
        stop.setId("stopButton");
        stop.getStyleClass().add("danger");
        stop.disableProperty().bind(vm.canStopBinding().not());
        stop.setOnAction(e -> askAndStop());
        Tips.set(stop, "Stop recording, with a verdict (Ctrl+Shift+S)");
        HBox buttons = new HBox(8, create, start, stop);
        buttons.getStyleClass().add("button-row");

        Label notConnected = new Label("Waiting for the server…");
        notConnected.getStyleClass().add("muted");
        notConnected.visibleProperty().bind(vm.connectedProperty().not());
        notConnected.managedProperty().bind(notConnected.visibleProperty());

        VBox card = new VBox(12, heading, grid, metadata, startNow, buttons, notConnected);
        card.getStyleClass().add("card");
        card.setMinWidth(340);
        return card;
    }

    private VBox currentCard() {
        Label heading = new Label("Current session");
        heading.getStyleClass().add("card-title");

        StackPane elapsed = TimerLabels.main(vm);

        Label dot = new Label();
        dot.getStyleClass().add("rec-dot");
        Label status = new Label();
        status.setId("statusLabel");
        status.getStyleClass().add("status-text");
        status.textProperty().bind(vm.statusTextProperty());
        status.setGraphic(dot);
        TextField sessionId = new TextField();
        sessionId.setId("sessionIdLabel");
        sessionId.setEditable(false);
        sessionId.getStyleClass().add("request-id");
        sessionId.textProperty().bind(Bindings.createStringBinding(() -> {
            Session s = vm.sessionProperty().get();
            return s == null ? "" : s.id();
        }, vm.sessionProperty()));
        sessionId.visibleProperty().bind(vm.sessionProperty().isNotNull());
        sessionId.managedProperty().bind(sessionId.visibleProperty());
        HBox.setHgrow(sessionId, Priority.ALWAYS);
        HBox statusRow = new HBox(10, status, sessionId);
        statusRow.setAlignment(Pos.CENTER_LEFT);

        Label workflowLabel = new Label();
        workflowLabel.getStyleClass().add("muted");
        workflowLabel.textProperty().bind(Bindings.createStringBinding(() -> {
            Session s = vm.sessionProperty().get();
            return s == null ? "Create a session to start recording." : s.workflow()
                    + (s.actor() != null ? " · " + s.actor().id() + " (" + s.actor().kind().wireValue() + ")" : "");
        }, vm.sessionProperty()));

        HBox stats = new HBox(10,
                stat("framesCount", "Frames", vm.framesProperty().asString()),
                stat("eventsCount", "Events", vm.eventsProperty().asString()),
                stat("tagsCount", "Tags", Bindings.size(vm.tags().applied()).asString()),
                stat("pendingCount", "Pending uploads", vm.live().pendingTextProperty()));

        Label unchanged = new Label();
        unchanged.setId("unchangedLabel");
        unchanged.getStyleClass().add("muted");
        unchanged.textProperty().bind(Bindings.createStringBinding(() -> {
            long n = vm.live().framesUnchangedProperty().get();
            return n == 1 ? "1 unchanged capture not stored again" : n + " unchanged captures not stored again";
        }, vm.live().framesUnchangedProperty()));
        unchanged.visibleProperty().bind(vm.live().activeProperty()
                .and(vm.live().framesUnchangedProperty().greaterThan(0)));
        unchanged.managedProperty().bind(unchanged.visibleProperty());

        Label waiting = new Label("Uploads are waiting for the server; nothing is lost, they go on in order.");
        waiting.setId("uploadWaitingLabel");
        waiting.getStyleClass().add("warn-text");
        waiting.setWrapText(true);
        waiting.visibleProperty().bind(vm.live().uploadWaitingProperty().and(vm.live().activeProperty()));
        waiting.managedProperty().bind(waiting.visibleProperty());

        ProgressBar drain = new ProgressBar();
        drain.setId("drainProgress");
        drain.progressProperty().bind(vm.drainProgressProperty());
        drain.setMaxWidth(Double.MAX_VALUE);
        Label drainText = new Label();
        drainText.setId("drainText");
        drainText.textProperty().bind(vm.drainTextProperty());
        VBox draining = new VBox(4, drainText, drain);
        draining.setId("drainBox");
        draining.visibleProperty().bind(vm.stateProperty().isEqualTo(RecordState.STOPPING));
        draining.managedProperty().bind(draining.visibleProperty());

        Label inputNotice = new Label();
        inputNotice.setId("inputNotice");
        inputNotice.getStyleClass().add("warn-text");
        inputNotice.setWrapText(true);
        inputNotice.textProperty().bind(vm.live().inputNoticeProperty());
        inputNotice.visibleProperty().bind(vm.live().inputNoticeProperty().isNotNull()
                .and(vm.live().activeProperty()));
        inputNotice.managedProperty().bind(inputNotice.visibleProperty());

        VBox card = new VBox(12, heading, elapsed, statusRow, workflowLabel, stats, unchanged, waiting, draining, inputNotice,
                recordingControls(), tagPanel);
        card.getStyleClass().addAll("card", "current-card");
        card.setMinWidth(330);
        VBox.setVgrow(tagPanel, Priority.ALWAYS);
        return card;
    }

    private HBox recordingControls() {
        Button pause = new Button("Pause", new FontIcon(MaterialDesignP.PAUSE_CIRCLE_OUTLINE));
        pause.setId("pauseButton");
        pause.setMinWidth(Region.USE_PREF_SIZE);
        pause.disableProperty().bind(vm.canPauseBinding().not());
        pause.visibleProperty().bind(vm.canContinueBinding().not());
        pause.managedProperty().bind(pause.visibleProperty());
        pause.setOnAction(e -> vm.onPause());
        Button resume = new Button("Resume", new FontIcon(MaterialDesignP.PLAY_CIRCLE_OUTLINE));
        resume.setId("resumeButton");
        resume.getStyleClass().add("success");
        resume.setMinWidth(Region.USE_PREF_SIZE);
        resume.visibleProperty().bind(vm.canContinueBinding());
        resume.managedProperty().bind(resume.visibleProperty());
        resume.setOnAction(e -> vm.onContinue());
        TextField note = new TextField();
        note.setId("noteField");
        note.setPromptText("What just happened?"); // short enough to show whole in the narrowest window
        Tips.set(note, "A note for the session's timeline: type it and press Enter (or Note)");
        note.textProperty().bindBidirectional(vm.noteProperty());
        note.setOnAction(e -> vm.onAddNote());
        note.disableProperty().bind(vm.canPauseBinding().or(vm.canContinueBinding()).not());
        HBox.setHgrow(note, Priority.ALWAYS);
        Button addNote = new Button("Note", new FontIcon(MaterialDesignN.NOTE_PLUS_OUTLINE));
        addNote.setId("addNoteButton");
        addNote.setMinWidth(Region.USE_PREF_SIZE);
        addNote.disableProperty().bind(vm.canNoteBinding().not());
        addNote.setOnAction(e -> vm.onAddNote());
        HBox row = new HBox(8, pause, resume, note, addNote);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private VBox recoveryPane() {
        Label text = new Label();
        text.setId("recoveryText");
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        text.textProperty().bind(Bindings.createStringBinding(() -> {
            if (vm.leftRecording().isEmpty()) {
                return "";
            }
            Session s = vm.leftRecording().get(0);
            String more = vm.leftRecording().size() > 1 ? " (" + (vm.leftRecording().size() - 1) + " more after this one)" : "";
            return "The session " + s.id() + " (" + s.workflow() + ") that this machine started is still recording"
                    + more + ". Resume it to carry on where you left off, or stop it.";
        }, vm.leftRecording()));
        Label title = new Label("A session was left recording");
        title.getStyleClass().add("banner-title");
        Button resume = new Button("Resume", new FontIcon(MaterialDesignP.PLAY_CIRCLE_OUTLINE));
        resume.setId("resumeLeftButton");
        resume.getStyleClass().add("accent");
        resume.disableProperty().bind(vm.canResumeBinding().not());
        resume.setOnAction(e -> {
            if (!vm.leftRecording().isEmpty()) {
                vm.onResumeLeft(vm.leftRecording().get(0));
            }
        });
        Button stop = new Button("Stop it…", new FontIcon(MaterialDesignS.STOP_CIRCLE_OUTLINE));
        stop.setId("stopLeftButton");
        stop.disableProperty().bind(vm.operations().busyProperty());
        stop.setOnAction(e -> {
            if (!vm.leftRecording().isEmpty()) {
                Session s = vm.leftRecording().get(0);
                OutcomeDialog.ask(getScene().getWindow(), s.id()).ifPresent(v -> vm.onStopLeft(s, v));
            }
        });
        HBox buttons = new HBox(8, resume, stop);
        VBox pane = new VBox(6, title, text, buttons);
        pane.setId("recoveryPane");
        pane.getStyleClass().addAll("banner", "banner-warning");
        pane.setVisible(false);
        pane.managedProperty().bind(pane.visibleProperty());
        vm.leftRecording().addListener((ListChangeListener<Session>) c -> pane.setVisible(!vm.leftRecording().isEmpty()));
        return pane;
    }

    /** What waits on disk for other servers (sent when the app is connected to them again); hidden if nothing. */
    private Label elsewhereNotice() {
        Label l = new Label();
        l.setId("elsewhereLabel");
        l.getStyleClass().add("muted");
        l.setWrapText(true);
        l.textProperty().bind(vm.elsewhereTextProperty());
        l.visibleProperty().bind(vm.elsewhereTextProperty().isNotEmpty());
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }

    private static Label fieldLabel(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("field-label");
        return l;
    }

    private static VBox stat(String id, String label, javafx.beans.value.ObservableStringValue value) {
        return stat(id, new javafx.beans.property.SimpleStringProperty(label), value);
    }

    private static VBox stat(String id, javafx.beans.value.ObservableStringValue label,
                             javafx.beans.value.ObservableStringValue value) {
        Label v = new Label();
        v.setId(id);
        v.getStyleClass().add("stat-value");
        v.textProperty().bind(value);
        Label l = new Label();
        l.textProperty().bind(label);
        l.setMinWidth(Region.USE_PREF_SIZE);
        l.getStyleClass().add("stat-label");
        VBox box = new VBox(2, v, l);
        box.getStyleClass().add("stat");
        HBox.setHgrow(box, Priority.ALWAYS);
        box.setMaxWidth(Double.MAX_VALUE);
        return box;
    }

    /** Asks for the outcome, then stops (Stop button, Ctrl+Shift+S, the mini recorder). */
    public void askAndStop() {
        if (!vm.canStopBinding().get()) {
            return;
        }
        Session s = vm.sessionProperty().get();
        OutcomeDialog.ask(getScene() != null ? getScene().getWindow() : null, s.id() + " (" + s.workflow() + ")")
                .ifPresent(vm::onStop);
    }

    public void focusCustomTag() {
        tagPanel.focusCustomTag();
    }

    public void focusWorkflow() {
        workflowField.requestFocus();
    }
}
