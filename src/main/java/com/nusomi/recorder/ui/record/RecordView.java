package com.nusomi.recorder.ui.record;

import com.nusomi.recorder.client.model.Session;
import com.nusomi.recorder.ui.common.Banner;
import com.nusomi.recorder.ui.common.OutcomeDialog;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The Record screen: the notices on top, the new-session form ({@link NewSessionCard}) on the left, the current
 * session and its tags ({@link CurrentSessionCard}) on the right, and the start countdown over everything. Drives
 * the timer and the countdown with timelines.
 */
public final class RecordView extends StackPane {
    private static final PseudoClass RECORDING = PseudoClass.getPseudoClass("recording");
    private static final PseudoClass PAUSED = PseudoClass.getPseudoClass("paused");

    /** Below this page width the cards are stacked. */
    static final double STACK_BELOW = 900;

    private final RecordViewModel vm;
    private final NewSessionCard form;
    private final CurrentSessionCard current;
    private final Timeline timer;
    private final Timeline countdownTimer;

    public RecordView(RecordViewModel vm) {
        this.vm = vm;
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

        form = new NewSessionCard(vm, this::askAndStop);
        current = new CurrentSessionCard(vm);
        form.setPrefWidth(460);
        current.setPrefWidth(420);
        GridPane columns = columns(form, current);

        VBox page = new VBox(
                14,
                header,
                new Banner(vm.operations()),
                new RecorderNotices(
                        vm.live(), vm.controls()::onRestartInput, vm.controls().canRestartInputBinding()),
                elsewhereNotice(),
                new RecoveryPane(vm),
                columns);
        page.getStyleClass().add("page");
        ScrollPane scroll = new ScrollPane(page);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.getStyleClass().add("page-scroll");

        StartCountdown countdown = vm.countdown();
        Label count = new Label();
        count.setId("countdownLabel");
        count.getStyleClass().add("countdown");
        count.textProperty().bind(countdown.remainingProperty().asString());
        StackPane overlay = new StackPane(count);
        overlay.getStyleClass().add("countdown-overlay");
        overlay.visibleProperty().bind(countdown.runningBinding());
        overlay.setOnMouseClicked(e -> countdown.onCancel());
        getChildren().addAll(scroll, overlay);

        timer = new Timeline(
                new KeyFrame(Duration.millis(200), e -> vm.current().tick()));
        timer.setCycleCount(Animation.INDEFINITE);
        countdownTimer = new Timeline(new KeyFrame(Duration.seconds(1), e -> countdown.onTick()));
        countdownTimer.setCycleCount(Animation.INDEFINITE);
        vm.current().stateProperty().addListener((o, a, b) -> {
            pseudoClassStateChanged(RECORDING, b == RecordState.RECORDING);
            if (b == RecordState.RECORDING) {
                timer.play();
            } else {
                timer.stop();
            }
        });
        vm.live().pausedProperty().addListener((o, a, b) -> pseudoClassStateChanged(PAUSED, b));
        countdown.remainingProperty().addListener((o, a, b) -> {
            if (b.intValue() > 0 && countdownTimer.getStatus() != Animation.Status.RUNNING) {
                countdownTimer.playFromStart();
            } else if (b.intValue() == 0) {
                countdownTimer.stop();
            }
        });
    }

    /**
     * The two cards side by side when the page is wide enough for both at their full width, else one above the
     * other (at 1024 px the form's fields would otherwise be cut: "invoic", "amoun").
     */
    private static GridPane columns(Region form, Region current) {
        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(16);
        ColumnConstraints half = new ColumnConstraints();
        half.setHgrow(Priority.ALWAYS);
        half.setPercentWidth(50);
        grid.add(form, 0, 0);
        grid.add(current, 1, 0);
        grid.widthProperty().subscribe(w -> {
            boolean wide = w.doubleValue() >= STACK_BELOW;
            GridPane.setConstraints(current, wide ? 1 : 0, wide ? 0 : 1);
            if (wide) {
                grid.getColumnConstraints().setAll(half, half);
            } else {
                grid.getColumnConstraints().setAll(full());
            }
        });
        return grid;
    }

    private static ColumnConstraints full() {
        ColumnConstraints c = new ColumnConstraints();
        c.setHgrow(Priority.ALWAYS);
        c.setPercentWidth(100);
        return c;
    }

    /** What waits on disk for other servers (sent when the app is connected to them again); hidden if nothing. */
    private Label elsewhereNotice() {
        Label l = new Label();
        l.setId("elsewhereLabel");
        l.getStyleClass().add("muted");
        l.setWrapText(true);
        l.textProperty().bind(vm.elsewhere().textProperty());
        l.visibleProperty().bind(vm.elsewhere().textProperty().isNotEmpty());
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }

    /** Asks for the outcome, then stops (Stop button, Ctrl+Shift+S, the mini recorder). */
    public void askAndStop() {
        if (!vm.canStopBinding().get()) {
            return;
        }
        Session s = vm.current().sessionProperty().get();
        OutcomeDialog.ask(getScene() != null ? getScene().getWindow() : null, s.id() + " (" + s.workflow() + ")")
                .ifPresent(vm::onStop);
    }

    public void focusCustomTag() {
        current.focusCustomTag();
    }

    public void focusWorkflow() {
        form.focusWorkflow();
    }
}
