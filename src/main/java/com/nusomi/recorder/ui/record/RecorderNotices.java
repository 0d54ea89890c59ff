package com.nusomi.recorder.ui.record;

import com.nusomi.recorder.recorder.RecorderWarning;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignK;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;

/**
 * The recorder's part of the Record screen's banner area: input capture lost (with "Restart input capture", until
 * it is restored), warnings (spool nearly full, frames skipped, uploads waiting) until they clear or are
 * dismissed, and the entries the server refused, with their details.
 */
final class RecorderNotices extends VBox {

    /**
     * @param restartInput registers the input hook again
     * @param canRestartInput while the restart button is on
     */
    RecorderNotices(LiveRecording live, Runnable restartInput, ObservableBooleanValue canRestartInput) {
        setSpacing(8);
        setId("recorderNotices");
        managedProperty().bind(visibleProperty());

        Label warningText = new Label();
        warningText.setId("recorderWarningText");
        warningText.setWrapText(true);
        warningText.setMinHeight(Region.USE_PREF_SIZE);
        warningText
                .textProperty()
                .bind(Bindings.createStringBinding(
                        () -> live.warnings().stream()
                                .map(RecorderWarning::message)
                                .collect(Collectors.joining("\n")),
                        live.warnings()));
        HBox.setHgrow(warningText, Priority.ALWAYS);
        warningText.setMaxWidth(Double.MAX_VALUE);
        Button dismiss = new Button("Dismiss");
        dismiss.setId("dismissWarningsButton");
        dismiss.getStyleClass().add("flat");
        dismiss.setOnAction(e -> live.onDismissWarnings());
        FontIcon icon = new FontIcon(MaterialDesignA.ALERT_OUTLINE);
        icon.getStyleClass().add("banner-icon");
        HBox warnings = new HBox(12, icon, warningText, dismiss);
        warnings.setId("recorderWarnings");
        warnings.setAlignment(Pos.CENTER_LEFT);
        warnings.getStyleClass().addAll("banner", "banner-warning");
        warnings.visibleProperty().bind(Bindings.isNotEmpty(live.warnings()));
        warnings.managedProperty().bind(warnings.visibleProperty());

        Label rejectedText = new Label();
        rejectedText.setId("rejectedText");
        rejectedText.setWrapText(true);
        rejectedText
                .textProperty()
                .bind(Bindings.createStringBinding(
                        () -> {
                            int n = live.rejected().size();
                            return n == 1
                                    ? "1 recorded entry was refused by the server (kept on disk)."
                                    : n + " recorded entries were refused by the server (kept on disk).";
                        },
                        live.rejected()));
        HBox.setHgrow(rejectedText, Priority.ALWAYS);
        rejectedText.setMaxWidth(Double.MAX_VALUE);
        Button details = new Button("Details…");
        details.setId("rejectedDetailsButton");
        details.setOnAction(e -> showDetails(live));
        HBox rejected = new HBox(12, new FontIcon(MaterialDesignA.ALERT_CIRCLE_OUTLINE), rejectedText, details);
        rejected.setId("rejectedBanner");
        rejected.setAlignment(Pos.CENTER_LEFT);
        rejected.getStyleClass().addAll("banner", "banner-danger");
        rejected.visibleProperty().bind(Bindings.isNotEmpty(live.rejected()));
        rejected.managedProperty().bind(rejected.visibleProperty());

        HBox inputLost = inputLostBanner(live, restartInput, canRestartInput);

        getChildren().addAll(inputLost, warnings, rejected);
        visibleProperty()
                .bind(inputLost.visibleProperty().or(warnings.visibleProperty()).or(rejected.visibleProperty()));
    }

    /** Not dismissable: it goes when input is restored or the recording ends. */
    private static HBox inputLostBanner(LiveRecording live, Runnable restartInput, ObservableBooleanValue canRestart) {
        Label text = new Label();
        text.setId("inputLostText");
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        text.textProperty().bind(live.inputLostProperty());
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        Button restart = new Button("Restart input capture", new FontIcon(MaterialDesignR.RESTART));
        restart.setId("restartInputButton");
        restart.setMinWidth(Region.USE_PREF_SIZE);
        restart.disableProperty().bind(Bindings.not(canRestart));
        restart.setOnAction(e -> restartInput.run());
        FontIcon icon = new FontIcon(MaterialDesignK.KEYBOARD_OFF_OUTLINE);
        icon.getStyleClass().add("banner-icon");
        HBox banner = new HBox(12, icon, text, restart);
        banner.setId("inputLostNotice");
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.getStyleClass().addAll("banner", "banner-danger");
        banner.visibleProperty().bind(live.inputLostProperty().isNotNull().and(live.activeProperty()));
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }

    private void showDetails(LiveRecording live) {
        TextArea text = new TextArea(live.rejectedDetails());
        text.setId("rejectedDetails");
        text.setEditable(false);
        text.setWrapText(true);
        text.setPrefRowCount(Math.min(12, Math.max(3, live.rejected().size() + 1)));
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        if (getScene() != null) {
            a.initOwner(getScene().getWindow());
        }
        a.setTitle("Refused entries");
        a.setHeaderText(live.rejected().size() + " entries refused (kind · seq · error)");
        a.getDialogPane().setContent(text);
        a.getDialogPane().setPrefWidth(640);
        a.show();
    }
}
