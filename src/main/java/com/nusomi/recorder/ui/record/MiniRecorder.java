package com.nusomi.recorder.ui.record;

import com.nusomi.recorder.app.settings.Settings.WindowBounds;
import com.nusomi.recorder.ui.common.ScreenFit;
import com.nusomi.recorder.ui.common.Tips;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignK;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignW;

/**
 * A small always-on-top window (timer, quick tags, Stop; "Restart input capture" while input is lost) shown
 * while the main window is minimised during a recording, so the operator can work in other applications. Drag it
 * anywhere: it comes back where it was left (kept in the settings, so across restarts too), unless that place is
 * on no screen any more; the first time, and then, it opens at the top right of the primary screen.
 */
public final class MiniRecorder {
    private static final int MAX_QUICK_TAGS = 4;
    private static final PseudoClass PAUSED = PseudoClass.getPseudoClass("paused");

    private final Stage stage = new Stage(StageStyle.UNDECORATED);
    private final HBox quickTags = new HBox(4);
    private final RecordViewModel vm;
    private final Supplier<WindowBounds> place;
    private double dragX;
    private double dragY;
    private boolean dragged;

    /**
     * @param onStop restores the main window and asks for the outcome
     * @param onRestore brings the main window back
     * @param place where it was left last (null: never moved)
     * @param keepPlace remembers where it is left
     */
    public MiniRecorder(
            RecordViewModel vm,
            Runnable onStop,
            Runnable onRestore,
            Supplier<WindowBounds> place,
            Consumer<WindowBounds> keepPlace) {
        this.vm = vm;
        this.place = place;
        stage.setAlwaysOnTop(true);
        stage.setTitle("Session Recorder");

        Label dot = new Label();
        dot.getStyleClass().add("rec-dot");
        Label timer = new Label();
        timer.setId("miniTimer");
        timer.getStyleClass().add("mini-timer");
        timer.textProperty().bind(vm.current().timer().textProperty());
        // "Stop" in words: at this size the stop-circle icon alone reads as a record button
        Button stop = new Button("Stop", new FontIcon(MaterialDesignS.STOP_CIRCLE_OUTLINE));
        stop.setId("miniStopButton");
        stop.getStyleClass().addAll("danger", "small");
        Tips.set(stop, "Stop (Ctrl+Shift+S)");
        stop.disableProperty().bind(vm.canStopBinding().not());
        stop.setOnAction(e -> onStop.run());
        Button restore = new Button(null, new FontIcon(MaterialDesignW.WINDOW_RESTORE));
        restore.getStyleClass().addAll("flat", "small");
        Tips.set(restore, "Show the main window");
        restore.setOnAction(e -> onRestore.run());
        Button pause = new Button(null, new FontIcon(MaterialDesignP.PAUSE_CIRCLE_OUTLINE));
        pause.setId("miniPauseButton");
        pause.getStyleClass().addAll("flat", "small");
        Tips.set(pause, "Pause recording");
        pause.visibleProperty().bind(vm.controls().canContinueBinding().not());
        pause.managedProperty().bind(pause.visibleProperty());
        pause.disableProperty().bind(vm.controls().canPauseBinding().not());
        pause.setOnAction(e -> vm.controls().onPause());
        Button resume = new Button(null, new FontIcon(MaterialDesignP.PLAY_CIRCLE_OUTLINE));
        resume.setId("miniResumeButton");
        resume.getStyleClass().addAll("success", "small");
        Tips.set(resume, "Resume recording");
        resume.visibleProperty().bind(vm.controls().canContinueBinding());
        resume.managedProperty().bind(resume.visibleProperty());
        resume.setOnAction(e -> vm.controls().onContinue());
        // the controls sit at the right edge, above the end of the quick tags, the timer at the left
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label paused = TimerLabels.paused(vm.current().timer(), "miniPausedLabel", "mini-paused");
        HBox top = new HBox(8, dot, timer, paused, spacer, pause, resume, stop, restore);
        top.setAlignment(Pos.CENTER_LEFT);

        vm.tags().presets().addListener((ListChangeListener<String>) c -> rebuild());
        rebuild();
        VBox root = new VBox(6, top, inputLostRow(), quickTags);
        root.setId("miniRecorder");
        root.getStyleClass().add("mini-recorder");
        vm.live().pausedProperty().addListener((o, a, b) -> root.pseudoClassStateChanged(PAUSED, b));
        root.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            dragX = stage.getX() - e.getScreenX();
            dragY = stage.getY() - e.getScreenY();
            dragged = false;
        });
        root.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            double x = e.getScreenX() + dragX;
            double y = e.getScreenY() + dragY;
            dragged |= x != stage.getX() || y != stage.getY();
            stage.setX(x);
            stage.setY(y);
        });
        // kept once a drag that moved the window ends: not on every click on its buttons, which would save the
        // settings for nothing. What counts is that the window moved: with isStillSincePress, a drag on a loaded
        // machine once ended with the window moved and its place not kept (CI, MiniRecorderPlacementTest).
        root.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            if (dragged) {
                dragged = false;
                keepPlace.accept(
                        new WindowBounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), false));
            }
        });
        stage.setScene(new Scene(root));
    }

    /** "Input lost" with its restart, while clicks and keys are not recorded; the window grows to show it. */
    private HBox inputLostRow() {
        Label lost = new Label("Clicks and keys lost");
        lost.setId("miniInputLost");
        lost.getStyleClass().add("warn-text");
        lost.setGraphic(new FontIcon(MaterialDesignK.KEYBOARD_OFF_OUTLINE));
        lost.setMinWidth(Region.USE_PREF_SIZE);
        Tips.set(lost, "Clicks and keys are no longer recorded (the input hook stopped)");
        vm.live().inputLostProperty().addListener((o, a, b) -> {
            if (b != null) {
                Tips.set(lost, b);
            }
        });
        Button restart = new Button("Restart input capture", new FontIcon(MaterialDesignR.RESTART));
        restart.setId("miniRestartInputButton");
        restart.getStyleClass().add("small");
        restart.setMinWidth(Region.USE_PREF_SIZE);
        restart.disableProperty().bind(vm.controls().canRestartInputBinding().not());
        restart.setOnAction(e -> vm.controls().onRestartInput());
        HBox row = new HBox(8, lost, restart);
        row.setId("miniInputLostRow");
        row.setAlignment(Pos.CENTER_LEFT);
        row.visibleProperty()
                .bind(vm.live().inputLostProperty().isNotNull().and(vm.live().activeProperty()));
        row.managedProperty().bind(row.visibleProperty());
        row.visibleProperty().addListener((o, a, b) -> {
            if (stage.isShowing()) {
                stage.sizeToScene();
            }
        });
        return row;
    }

    /** The first presets as buttons; any more in a "+N" menu, so that every preset can be tagged from here. */
    private void rebuild() {
        quickTags.getChildren().clear();
        List<String> presets = List.copyOf(vm.tags().presets());
        presets.stream().limit(MAX_QUICK_TAGS).forEach(p -> {
            Button b = new Button(p);
            b.getStyleClass().addAll("preset-tag", "small");
            b.setMnemonicParsing(false);
            Tips.set(b, "Tag \"" + p + "\"");
            b.disableProperty().bind(vm.tagging().canTagBinding().not());
            b.setOnAction(e -> vm.tagging().onTagPreset(p));
            quickTags.getChildren().add(b);
        });
        if (presets.size() > MAX_QUICK_TAGS) {
            MenuButton more = new MenuButton("+" + (presets.size() - MAX_QUICK_TAGS));
            more.setId("miniMorePresets");
            more.getStyleClass().addAll("preset-tag", "small");
            Tips.set(more, "More preset tags");
            more.disableProperty().bind(vm.tagging().canTagBinding().not());
            for (String p : presets.subList(MAX_QUICK_TAGS, presets.size())) {
                MenuItem item = new MenuItem(p);
                item.setMnemonicParsing(false);
                item.setOnAction(e -> vm.tagging().onTagPreset(p));
                more.getItems().add(item);
            }
            quickTags.getChildren().add(more);
        }
    }

    public Stage stage() {
        return stage;
    }

    public void show() {
        if (!stage.isShowing()) {
            stage.show();
            WindowBounds left = place.get();
            Rectangle2D at = left == null
                    ? null
                    : ScreenFit.fit(
                            new WindowBounds(left.x, left.y, stage.getWidth(), stage.getHeight(), false),
                            0,
                            0,
                            ScreenFit.screens());
            if (at != null) {
                stage.setX(at.getMinX());
                stage.setY(at.getMinY());
            } else {
                Rectangle2D screen = Screen.getPrimary().getVisualBounds();
                stage.setX(screen.getMaxX() - stage.getWidth() - 24);
                stage.setY(screen.getMinY() + 24);
            }
        }
    }

    public void hide() {
        stage.hide();
    }
}
