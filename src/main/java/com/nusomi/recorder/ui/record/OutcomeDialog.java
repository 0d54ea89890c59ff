package com.nusomi.recorder.ui.record;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.stage.Window;

/** Asks how a run ended before stopping it. Empty when the user cancels. */
public final class OutcomeDialog {
    private OutcomeDialog() {}

    public static Optional<Verdict> ask(Window owner, String sessionLabel) {
        Dialog<Verdict> dialog = new Dialog<>();
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setTitle("Stop the session");
        dialog.setHeaderText("How did the run end?");
        dialog.setContentText("Stopping " + sessionLabel + ". A verdict is saved as an \"outcome\" tag; "
                + "without one the server derives the outcome from the run's tags and events.");
        dialog.getDialogPane().getStyleClass().add("outcome-dialog");
        dialog.getDialogPane().setMinWidth(520);
        Map<ButtonType, Verdict> verdicts = new LinkedHashMap<>();
        for (Verdict v : Verdict.values()) {
            ButtonType type = new ButtonType(
                    v.label(), v == Verdict.SUCCESS ? ButtonBar.ButtonData.OK_DONE : ButtonBar.ButtonData.OTHER);
            verdicts.put(type, v);
            dialog.getDialogPane().getButtonTypes().add(type);
        }
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CANCEL);
        verdicts.forEach((type, v) -> {
            Button b = (Button) dialog.getDialogPane().lookupButton(type);
            b.setId("verdict-" + v.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        });
        ((Button) dialog.getDialogPane().lookupButton(ButtonType.CANCEL)).setId("verdict-cancel");
        // Each button as wide as its own label, and the dialog as wide as their row: the theme caps dialogs at
        // 600 px and the bar gives all buttons the widest one's width, which cut "Abandoned" and "Let the server
        // decide" to "Abandon..." and "Let the s...". The theme's cap wins over setMaxWidth, not over a style.
        for (ButtonType type : dialog.getDialogPane().getButtonTypes()) {
            ButtonBar.setButtonUniformSize(dialog.getDialogPane().lookupButton(type), false);
        }
        dialog.getDialogPane().setStyle("-fx-max-width: 960px;");
        dialog.setResultConverter(verdicts::get);
        return dialog.showAndWait();
    }
}
