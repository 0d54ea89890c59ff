package com.nusomi.recorder.ui.common;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;

/**
 * Shows the last failure of an {@link Operations}: what failed and why, the request id (selectable, to quote
 * it to support), Retry and Dismiss. Hidden while there is none.
 */
public final class Banner extends HBox {

    public Banner(Operations ops) {
        getStyleClass().addAll("banner", "banner-danger");
        setId("failureBanner");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(12);

        FontIcon icon = new FontIcon(MaterialDesignA.ALERT_CIRCLE_OUTLINE);
        icon.getStyleClass().add("banner-icon");

        Label title = new Label();
        title.setId("failureTitle");
        title.getStyleClass().add("banner-title");
        Label detail = new Label();
        detail.setId("failureDetail");
        detail.setWrapText(true);
        TextField requestId = new TextField();
        requestId.setId("failureRequestId");
        requestId.setEditable(false);
        requestId.getStyleClass().add("request-id");
        requestId.setFocusTraversable(false);
        Label requestLabel = new Label("Request ID");
        requestLabel.getStyleClass().add("muted");
        HBox idRow = new HBox(6, requestLabel, requestId);
        HBox.setHgrow(requestId, Priority.ALWAYS); // the whole id, not the text field's default dozen characters
        idRow.setAlignment(Pos.CENTER_LEFT);
        VBox text = new VBox(2, title, detail, idRow);
        HBox.setHgrow(text, Priority.ALWAYS);

        Button retry = new Button("Retry");
        retry.setId("retryButton");
        retry.getStyleClass().add("accent");
        retry.setDefaultButton(false);
        retry.setOnAction(e -> ops.retry());
        retry.disableProperty().bind(ops.busyProperty());
        Button dismiss = new Button("Dismiss");
        dismiss.setId("dismissButton");
        dismiss.getStyleClass().add("flat");
        dismiss.setOnAction(e -> ops.dismiss());

        getChildren().addAll(icon, text, retry, dismiss);

        visibleProperty().bind(ops.failureProperty().isNotNull());
        managedProperty().bind(visibleProperty());
        title.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> ops.getFailure() == null ? "" : ops.getFailure().title(), ops.failureProperty()));
        detail.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> ops.getFailure() == null ? "" : ops.getFailure().detail(), ops.failureProperty()));
        requestId
                .textProperty()
                .bind(Bindings.createStringBinding(
                        () -> {
                            Failure f = ops.getFailure();
                            return f == null || f.requestId() == null
                                    ? "none (no answer from the server)"
                                    : f.requestId();
                        },
                        ops.failureProperty()));
        retry.visibleProperty()
                .bind(Bindings.createBooleanBinding(
                        () -> ops.getFailure() != null && ops.getFailure().retry() != null, ops.failureProperty()));
        retry.managedProperty().bind(retry.visibleProperty());
    }
}
