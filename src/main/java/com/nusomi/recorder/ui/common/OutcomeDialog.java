package com.nusomi.recorder.ui.common;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.stage.Window;

/**
 * Asks how a run ended before stopping it (the Record screen's Stop, a stop of sessions chosen in the Sessions
 * list). Empty when the user cancels. Cancel sits at the left end of the button row, apart from the verdicts.
 */
public final class OutcomeDialog {
    /** The buttons' order: Cancel first, then room, then the verdicts in their own order. */
    static final String BUTTON_ORDER = "C+U";

    private OutcomeDialog() {}

    /** Asks about one run, named by {@code sessionLabel} ("ses_… (process_invoice)"). */
    public static Optional<Verdict> ask(Window owner, String sessionLabel) {
        return ask(
                owner,
                "How did the run end?",
                "Stopping " + sessionLabel + ". A verdict is saved as an \"outcome\" tag; "
                        + "without one the server derives the outcome from the run's tags and events.");
    }

    /** Asks with another {@code header} and {@code text} (several sessions at once). */
    public static Optional<Verdict> ask(Window owner, String header, String text) {
        Dialog<Verdict> dialog = new Dialog<>();
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setTitle("Stop the session");
        dialog.setHeaderText(header);
        dialog.setContentText(text);
        dialog.getDialogPane().getStyleClass().add("outcome-dialog");
        dialog.getDialogPane().setMinWidth(520);
        Map<ButtonType, Verdict> verdicts = new LinkedHashMap<>();
        for (Verdict v : Verdict.values()) {
            ButtonType type = new ButtonType(v.label(), ButtonBar.ButtonData.OTHER);
            verdicts.put(type, v);
            dialog.getDialogPane().getButtonTypes().add(type);
        }
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CANCEL);
        verdicts.forEach((type, v) -> {
            Button b = (Button) dialog.getDialogPane().lookupButton(type);
            b.setId("verdict-" + v.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            b.setDefaultButton(v == Verdict.SUCCESS);
        });
        Button cancel = (Button) dialog.getDialogPane().lookupButton(ButtonType.CANCEL);
        cancel.setId("verdict-cancel");
        if (dialog.getDialogPane().lookup(".button-bar") instanceof ButtonBar bar) {
            bar.setButtonOrder(BUTTON_ORDER);
        }
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
