package com.nusomi.recorder.ui.sessions;

import atlantafx.base.theme.Styles;
import com.nusomi.recorder.ui.common.Failure;
import com.nusomi.recorder.ui.common.Operations;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;

/** Shows the last {@link Failure} of an {@link Operations}: what failed, why, the request id, Retry and Dismiss. */
final class FailureBanner extends HBox {
    private final Label title = new Label();
    private final Label detail = new Label();
    private final Label requestId = new Label();
    private final Subscription subscription;

    FailureBanner(Operations ops, String id) {
        setId(id);
        getStyleClass().add("failure-banner");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(8);
        setPadding(new Insets(6, 10, 6, 10));
        setStyle("-fx-background-color: -color-danger-subtle; -fx-border-color: -color-danger-muted;");
        title.getStyleClass().addAll(Styles.TEXT_BOLD, Styles.DANGER);
        detail.setWrapText(true);
        requestId.getStyleClass().add(Styles.TEXT_MUTED);
        requestId.setId(id + "RequestId");
        Button retry = new Button("Retry");
        retry.setOnAction(e -> ops.retry());
        Button dismiss = new Button("Dismiss");
        dismiss.getStyleClass().add(Styles.FLAT);
        dismiss.setOnAction(e -> ops.dismiss());
        VBox text = new VBox(2, title, detail, requestId);
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMaxWidth(Double.MAX_VALUE);
        getChildren().addAll(text, retry, dismiss);
        setMinHeight(Region.USE_PREF_SIZE);
        subscription = ops.failureProperty().subscribe(this::show);
    }

    private void show(Failure f) {
        setVisible(f != null);
        setManaged(f != null);
        if (f == null) {
            return;
        }
        title.setText(f.title() + " failed");
        detail.setText(f.detail());
        requestId.setText(f.requestId() == null ? "" : "Request id: " + f.requestId());
        requestId.setVisible(f.requestId() != null);
    }

    void dispose() {
        subscription.unsubscribe();
    }
}
