package com.nusomi.recorder.ui.record;

import com.nusomi.recorder.recorder.RecorderWarning;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
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

/**
 * The recorder's part of the Record screen's banner area: warnings (spool nearly full, frames skipped, uploads
 * waiting) until they clear or are dismissed, and the entries the server refused, with their details.
 */
final class RecorderNotices extends VBox {

    RecorderNotices(LiveRecording live) {
        setSpacing(8);
        setId("recorderNotices");
        managedProperty().bind(visibleProperty());

        Label warningText = new Label();
        warningText.setId("recorderWarningText");
        warningText.setWrapText(true);
        warningText.setMinHeight(Region.USE_PREF_SIZE);
        warningText.textProperty().bind(Bindings.createStringBinding(() -> live.warnings().stream()
                .map(RecorderWarning::message).collect(Collectors.joining("\n")), live.warnings()));
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
        rejectedText.textProperty().bind(Bindings.createStringBinding(() -> {
            int n = live.rejected().size();
            return n == 1 ? "1 recorded entry was refused by the server (kept on disk)."
                    : n + " recorded entries were refused by the server (kept on disk).";
        }, live.rejected()));
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

        getChildren().addAll(warnings, rejected);
        visibleProperty().bind(warnings.visibleProperty().or(rejected.visibleProperty()));
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
