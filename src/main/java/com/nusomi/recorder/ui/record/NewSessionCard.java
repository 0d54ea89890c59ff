package com.nusomi.recorder.ui.record;

import com.nusomi.recorder.client.model.ActorKind;
import com.nusomi.recorder.ui.common.Problem;
import com.nusomi.recorder.ui.common.Tips;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * The Record screen's "New session" card: workflow, actor and metadata with their problems shown as typed, the
 * start-at-once box, and Create, Start and Stop.
 */
final class NewSessionCard extends VBox {
    private final ComboBox<String> workflowField = new ComboBox<>();

    /** @param askAndStop asks for the verdict, then stops (the Stop button) */
    NewSessionCard(RecordViewModel vm, Runnable askAndStop) {
        super(12);
        RecordForm form = vm.form();
        Label heading = new Label("New session");
        heading.getStyleClass().add("card-title");

        workflowField.setId("workflowField");
        workflowField.setEditable(true);
        workflowField.setItems(form.recentWorkflows());
        workflowField.setPromptText("process_invoice");
        workflowField.setMaxWidth(Double.MAX_VALUE);
        workflowField.getEditor().textProperty().bindBidirectional(form.workflowProperty());
        workflowField.valueProperty().addListener((o, a, b) -> {
            if (b != null && !b.equals(form.workflowProperty().get())) {
                form.workflowProperty().set(b);
            }
        });
        Problem workflowProblem = new Problem("workflowProblem", form.workflowProblemProperty());
        workflowProblem.visibleProperty().unbind();
        // an empty, untouched field is not an error yet: the Create button stays off, the reason shows once typed
        workflowProblem
                .visibleProperty()
                .bind(form.workflowProblemProperty()
                        .isNotNull()
                        .and(form.workflowProperty().isNotEmpty()));
        Label workflowHint = new Label("a–z, 0–9 and _ · 2 to 64 characters");
        workflowHint.getStyleClass().add("muted");
        workflowHint.visibleProperty().bind(workflowProblem.visibleProperty().not());
        workflowHint.managedProperty().bind(workflowHint.visibleProperty());

        HBox actorRow = actorRow(form);

        GridPane grid = new GridPane();
        grid.getStyleClass().add("form-grid");
        grid.setHgap(12);
        grid.setVgap(4);
        grid.addRow(0, fieldLabel("Workflow"), workflowField);
        grid.add(workflowProblem, 1, 1);
        grid.add(workflowHint, 1, 2);
        grid.addRow(3, fieldLabel("Actor"), actorRow);
        grid.add(new Problem("actorProblem", form.actorProblemProperty()), 1, 4);
        GridPane.setHgrow(workflowField, Priority.ALWAYS);
        GridPane.setHgrow(actorRow, Priority.ALWAYS);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        grid.getColumnConstraints().addAll(labels, new ColumnConstraints());
        grid.getColumnConstraints().get(1).setHgrow(Priority.ALWAYS);

        MetadataEditor metadata = new MetadataEditor(form.metadata());

        CheckBox startNow = new CheckBox("Start recording immediately");
        startNow.setId("startImmediately");
        startNow.selectedProperty().bindBidirectional(form.startImmediatelyProperty());

        getChildren().addAll(heading, grid, metadata, startNow, buttons(vm, askAndStop), serverNotice(vm));
        getStyleClass().add("card");
        setMinWidth(340);
    }

    /**
     * While the server has not answered yet: says so, and once Create is pressed, that the session is created as soon
     * as it answers, with a spinner and Cancel.
     */
    private static HBox serverNotice(RecordViewModel vm) {
        PendingCreate pending = vm.pending();
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(16, 16);
        spinner.visibleProperty().bind(pending.waitingProperty());
        spinner.managedProperty().bind(spinner.visibleProperty());
        Label text = new Label();
        text.setId("serverNotice");
        text.getStyleClass().add("muted");
        text.setWrapText(true);
        text.textProperty()
                .bind(Bindings.when(pending.waitingProperty())
                        .then("Creating the session as soon as the server answers…")
                        .otherwise("Waiting for the server… Create waits for it."));
        Hyperlink cancel = new Hyperlink("Cancel");
        cancel.setId("cancelPendingCreate");
        cancel.setOnAction(e -> pending.cancel());
        cancel.visibleProperty().bind(pending.waitingProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        HBox row = new HBox(8, spinner, text, cancel);
        row.setAlignment(Pos.CENTER_LEFT);
        row.visibleProperty().bind(vm.connectedProperty().not().or(pending.waitingProperty()));
        row.managedProperty().bind(row.visibleProperty());
        return row;
    }

    private static HBox actorRow(RecordForm form) {
        TextField actorId = new TextField();
        actorId.setId("actorIdField");
        actorId.setPromptText("alex@nusomi.com");
        actorId.textProperty().bindBidirectional(form.actorIdProperty());
        HBox.setHgrow(actorId, Priority.ALWAYS);
        ComboBox<ActorKind> actorKind = new ComboBox<>();
        actorKind.setId("actorKindField");
        actorKind.setMinWidth(Region.USE_PREF_SIZE);
        actorKind.getItems().setAll(ActorKind.HUMAN, ActorKind.MODEL, ActorKind.SCRIPT);
        actorKind.valueProperty().bindBidirectional(form.actorKindProperty());
        actorKind.setConverter(new StringConverter<>() {
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
        return actorRow;
    }

    private static HBox buttons(RecordViewModel vm, Runnable askAndStop) {
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
        stop.setOnAction(e -> askAndStop.run());
        Tips.set(stop, "Stop recording, with a verdict (Ctrl+Shift+S)");
        HBox buttons = new HBox(8, create, start, stop);
        buttons.getStyleClass().add("button-row");
        return buttons;
    }

    private static Label fieldLabel(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("field-label");
        return l;
    }

    void focusWorkflow() {
        workflowField.requestFocus();
    }
}
