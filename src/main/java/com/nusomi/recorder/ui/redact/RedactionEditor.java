package com.nusomi.recorder.ui.redact;

import atlantafx.base.theme.Styles;
import com.nusomi.recorder.ui.common.Banner;
import com.nusomi.recorder.ui.redact.RedactionModel.Scope;
import java.util.function.BooleanSupplier;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The redaction editor: the frame with the boxes drawn on it, stepping through the run, where to apply the boxes
 * (this frame, frames from–to, the whole run), a reason, and Redact, which asks {@code confirm} first (the originals
 * are erased for good).
 */
final class RedactionEditor extends BorderPane {
    private static final KeyCombination UNDO = new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN);

    private final RedactionCanvas canvas;

    RedactionEditor(RedactionModel vm, BooleanSupplier confirm, Runnable close) {
        setId("redactionEditor");
        getStyleClass().add("redaction-editor");

        Label help = new Label("Drag across the frame to draw a box over what must not be seen. Each box is painted"
                + " solid black on the frames you choose below.");
        help.setWrapText(true);
        help.getStyleClass().add("muted");
        Button previous = new Button("Previous");
        previous.setId("redactPrevious");
        previous.setOnAction(e -> vm.step(-1));
        previous.disableProperty().bind(vm.indexProperty().isEqualTo(0));
        Button next = new Button("Next");
        next.setId("redactNext");
        next.setOnAction(e -> vm.step(1));
        next.disableProperty().bind(vm.indexProperty().isEqualTo(vm.frameCount() - 1));
        Label frame = new Label();
        frame.setId("redactFrameNumber");
        frame.setMinWidth(Region.USE_PREF_SIZE);
        frame.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> "Frame " + (vm.indexProperty().get() + 1) + " of " + vm.frameCount(),
                        vm.indexProperty()));
        HBox nav = new HBox(6, previous, frame, next);
        nav.setAlignment(Pos.CENTER_LEFT);
        nav.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(help, Priority.ALWAYS);
        HBox top = new HBox(12, help, nav);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(0, 0, 8, 0));
        setTop(top);

        canvas = new RedactionCanvas(vm.imageProperty(), vm.rects(), vm::add);
        Label loading = new Label("Loading frame…");
        loading.getStyleClass().add("frame-loading");
        loading.visibleProperty().bind(vm.imageLoadingProperty());
        loading.setMouseTransparent(true);
        StackPane.setAlignment(loading, Pos.TOP_RIGHT);
        Label imageProblem = new Label();
        imageProblem.getStyleClass().add("frame-failure");
        imageProblem.setWrapText(true);
        imageProblem.textProperty().bind(vm.imageProblemProperty());
        imageProblem.visibleProperty().bind(vm.imageProblemProperty().isNotNull());
        StackPane.setAlignment(imageProblem, Pos.BOTTOM_LEFT);
        StackPane frameBox = new StackPane(canvas, loading, imageProblem);
        frameBox.getStyleClass().add("frame-preview");
        setCenter(frameBox);

        setBottom(controls(vm, confirm, close));
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (UNDO.match(e)) {
                vm.undo();
                e.consume();
            }
        });
    }

    private static VBox controls(RedactionModel vm, BooleanSupplier confirm, Runnable close) {
        ToggleGroup scope = new ToggleGroup();
        RadioButton frame = scopeButton("redactThisFrame", "This frame", Scope.FRAME, scope);
        RadioButton range = scopeButton("redactRange", "Frames", Scope.RANGE, scope);
        RadioButton run =
                scopeButton("redactWholeRun", "The whole run (" + vm.frameCount() + " frames)", Scope.RUN, scope);
        scope.selectToggle(frame);
        scope.selectedToggleProperty().subscribe(t -> {
            if (t != null) {
                vm.scopeProperty().set((Scope) t.getUserData());
            }
        });
        TextField from = numberField("redactFrom", vm.fromProperty());
        TextField to = numberField("redactTo", vm.toProperty());
        from.disableProperty().bind(range.selectedProperty().not());
        to.disableProperty().bind(range.selectedProperty().not());
        HBox rangeRow = new HBox(4, range, from, new Label("to"), to);
        rangeRow.setAlignment(Pos.CENTER_LEFT);
        Label applyTo = new Label("Apply to");
        applyTo.getStyleClass().add("muted");
        FlowPane where = new FlowPane(16, 6, applyTo, frame, rangeRow, run);
        where.setAlignment(Pos.CENTER_LEFT);

        Label reasonLabel = new Label("Reason");
        reasonLabel.getStyleClass().add("muted");
        reasonLabel.setMinWidth(Region.USE_PREF_SIZE);
        TextField reason = new TextField();
        reason.setId("redactReason");
        reason.setPromptText("why, kept in the audit log (optional)");
        reason.textProperty().bindBidirectional(vm.reasonProperty());
        HBox.setHgrow(reason, Priority.ALWAYS);
        HBox reasonRow = new HBox(8, reasonLabel, reason);
        reasonRow.setAlignment(Pos.CENTER_LEFT);

        Label count = new Label();
        count.setId("redactBoxCount");
        count.setMinWidth(Region.USE_PREF_SIZE);
        count.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> vm.rects().size() == 1 ? "1 box" : vm.rects().size() + " boxes", vm.rects()));
        Button undo = new Button("Undo box");
        undo.setId("redactUndo");
        undo.disableProperty().bind(Bindings.isEmpty(vm.rects()));
        undo.setOnAction(e -> vm.undo());
        Button clear = new Button("Clear");
        clear.setId("redactClear");
        clear.disableProperty().bind(Bindings.isEmpty(vm.rects()));
        clear.setOnAction(e -> vm.clear());
        Label status = new Label();
        status.setId("redactStatus");
        status.setWrapText(true);
        status.textProperty()
                .bind(Bindings.when(vm.messageProperty().isEmpty())
                        .then(Bindings.createStringBinding(
                                () -> vm.problemProperty().get() == null
                                        ? ""
                                        : vm.problemProperty().get(),
                                vm.problemProperty()))
                        .otherwise(vm.messageProperty()));
        status.getStyleClass().add("muted");
        HBox.setHgrow(status, Priority.ALWAYS);
        status.setMaxWidth(Double.MAX_VALUE);
        Button done = new Button("Close");
        done.setId("redactClose");
        done.setCancelButton(true);
        done.setOnAction(e -> close.run());
        Button apply = new Button("Redact…");
        apply.setId("applyRedaction");
        apply.getStyleClass().add(Styles.DANGER);
        apply.setMinWidth(Region.USE_PREF_SIZE);
        apply.disableProperty().bind(vm.canApplyProperty().not());
        apply.setOnAction(e -> {
            if (confirm.getAsBoolean()) {
                vm.apply();
            }
        });
        HBox actions = new HBox(8, count, undo, clear, status, done, apply);
        actions.setAlignment(Pos.CENTER_LEFT);

        VBox box = new VBox(8, where, reasonRow, new Banner(vm.ops()), actions);
        box.setPadding(new Insets(10, 0, 0, 0));
        return box;
    }

    private static RadioButton scopeButton(String id, String text, Scope s, ToggleGroup group) {
        RadioButton b = new RadioButton(text);
        b.setId(id);
        b.setUserData(s);
        b.setToggleGroup(group);
        b.setMinWidth(Region.USE_PREF_SIZE);
        return b;
    }

    private static TextField numberField(String id, StringProperty value) {
        TextField f = new TextField();
        f.setId(id);
        f.setPrefColumnCount(5);
        f.setMinWidth(Region.USE_PREF_SIZE);
        f.textProperty().bindBidirectional(value);
        return f;
    }

    /** Stops following the model (the window is closing). */
    void dispose() {
        canvas.dispose();
    }
}
