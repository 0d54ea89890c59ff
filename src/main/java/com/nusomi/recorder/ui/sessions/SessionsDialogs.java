package com.nusomi.recorder.ui.sessions;

import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/** The Sessions screen's confirmations as dialogs owned by the screen's window. */
final class SessionsDialogs implements Confirmations {
    private final Node owner;

    SessionsDialogs(Node owner) {
        this.owner = owner;
    }

    @Override
    public boolean stopAbandoned(int count, int hours) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION);
        own(a);
        a.setTitle("Stop abandoned sessions");
        a.setHeaderText(Formats.count(count, "session has", "sessions have") + " been recording for longer than "
                + Formats.count(hours, "hour.", "hours."));
        a.setContentText(
                count == 1
                        ? "Stop it now? Its outcome becomes abandoned."
                        : "Stop them all now? Their outcome becomes abandoned.");
        ButtonType stop = new ButtonType("Stop " + count, ButtonBar.ButtonData.OK_DONE);
        a.getButtonTypes().setAll(stop, ButtonType.CANCEL);
        a.getDialogPane().lookupButton(stop).setId("confirmStopAbandoned");
        return a.showAndWait().orElse(ButtonType.CANCEL) == stop;
    }

    @Override
    public boolean deletePermanently(int count) {
        Dialog<ButtonType> d = new Dialog<>();
        own(d);
        d.setTitle("Delete permanently");
        d.setHeaderText("Delete " + Formats.count(count, "session", "sessions") + " permanently? "
                + (count == 1 ? "Its" : "Their")
                + " frames, events and tags are gone for good; this cannot be undone.");
        TextField typed = new TextField();
        typed.setId("confirmCount");
        typed.setPromptText(String.valueOf(count));
        d.getDialogPane().setContent(new VBox(6, new Label("Type " + count + " to confirm:"), typed));
        ButtonType delete = new ButtonType("Delete permanently", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().setAll(delete, ButtonType.CANCEL);
        Node ok = d.getDialogPane().lookupButton(delete);
        ok.setId("confirmDeletePermanently");
        ok.getStyleClass().add(atlantafx.base.theme.Styles.DANGER);
        ok.disableProperty().bind(typed.textProperty().isNotEqualTo(String.valueOf(count)));
        typed.sceneProperty().subscribe(s -> typed.requestFocus());
        return d.showAndWait().orElse(ButtonType.CANCEL) == delete;
    }

    private void own(Dialog<?> d) {
        if (owner.getScene() != null && owner.getScene().getWindow() != null) {
            d.initOwner(owner.getScene().getWindow());
        }
    }
}
