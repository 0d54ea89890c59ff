package com.nusomi.recorder.ui.export;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * The "Send to server…" dialog: what goes where, then a line per step (export, import, verify) with Cancel, and
 * at the end the session's id on the other server and "Delete the local copy". Closing it while it runs cancels.
 */
public final class SendDialog extends VBox {
    private final Button close = new Button("Close");

    private SendDialog(SendViewModel vm) {
        super(10);
        setId("sendDialog");
        Label title = new Label("Send " + vm.run().label() + " to " + vm.address());
        title.getStyleClass().add(Styles.TITLE_4);
        title.setWrapText(true);
        Label what = new Label("The run is exported as a bundle, imported into that server as a sealed session, "
                + "and its frames checked there against the bundle. Sending it again gives no second copy.");
        what.setWrapText(true);
        what.getStyleClass().add("muted");

        VBox lines = new VBox(8);
        for (RunRow step : vm.steps()) {
            ProgressBar bar = new ProgressBar();
            bar.setMaxWidth(Double.MAX_VALUE);
            bar.progressProperty().bind(step.progressProperty());
            Label status = new Label();
            status.getStyleClass().add("muted");
            status.setWrapText(true);
            status.textProperty().bind(step.statusProperty());
            Label name = new Label(step.label());
            name.setWrapText(true);
            lines.getChildren().add(new VBox(3, name, bar, status));
        }
        show(lines, vm.phaseProperty().isNotEqualTo(Phase.CHOOSING));
        Label summary = new Label();
        summary.setId("sendSummary");
        summary.setWrapText(true);
        summary.textProperty().bind(vm.summaryProperty());
        Label failure = new Label();
        failure.setId("sendFailure");
        failure.setWrapText(true);
        failure.getStyleClass().add(Styles.DANGER);
        failure.textProperty().bind(vm.failureProperty());
        show(failure, vm.failureProperty().isNotNull());
        TextField targetId = new TextField();
        targetId.setId("sendTargetId");
        targetId.setEditable(false);
        targetId.textProperty().bind(vm.targetIdProperty());
        show(targetId, vm.targetIdProperty().isNotNull());

        Button send = new Button("Send");
        send.setId("sendStart");
        send.getStyleClass().add(Styles.ACCENT);
        send.setDefaultButton(true);
        send.setOnAction(e -> vm.onSend());
        show(send, vm.phaseProperty().isNotEqualTo(Phase.RUNNING));
        send.textProperty()
                .bind(Bindings.when(vm.phaseProperty().isEqualTo(Phase.DONE))
                        .then("Send again")
                        .otherwise("Send"));
        Button cancel = new Button("Cancel");
        cancel.setId("sendCancel");
        cancel.setOnAction(e -> vm.onCancel());
        show(cancel, vm.phaseProperty().isEqualTo(Phase.RUNNING));
        Button delete = new Button("Delete the local copy");
        delete.setId("sendDeleteLocal");
        delete.getStyleClass().add(Styles.DANGER);
        show(delete, vm.canDeleteLocalProperty());
        close.setId("sendClose");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(8, delete, gap, send, cancel, close);
        delete.setOnAction(e -> {
            vm.onDeleteLocal();
            close.fire();
        });
        Region fill = new Region();
        VBox.setVgrow(fill, Priority.ALWAYS);
        getChildren().addAll(title, what, lines, summary, failure, targetId, fill, buttons);
    }

    /** Opens the dialog over {@code from}'s window. */
    public static Stage open(Node from, SendViewModel vm) {
        SendDialog dialog = new SendDialog(vm);
        Stage stage = DialogWindow.over(from, dialog, "Send to server", 600, 460);
        stage.setOnHidden(e -> vm.onCancel());
        dialog.close.setOnAction(e -> stage.close());
        stage.show();
        return stage;
    }

    private static void show(Node node, ObservableBooleanValue when) {
        node.visibleProperty().bind(when);
        node.managedProperty().bind(when);
    }
}
