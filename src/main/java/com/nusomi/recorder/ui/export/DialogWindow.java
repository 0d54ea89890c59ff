package com.nusomi.recorder.ui.export;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.Region;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * A window of its own over the one a dialog was opened from (blocking it while open), styled as that one is (its
 * style sheets, light or dark), sized to fit inside it where it can.
 */
final class DialogWindow {
    private DialogWindow() {}

    /** A stage holding {@code content}, over {@code from}'s window; not shown yet. */
    static Stage over(Node from, Region content, String title, double width, double height) {
        Window owner =
                from == null || from.getScene() == null ? null : from.getScene().getWindow();
        Stage stage = new Stage();
        content.setPadding(new Insets(14));
        content.getStyleClass().add("export-dialog");
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
            Parent root = owner.getScene() == null ? null : owner.getScene().getRoot();
            if (root != null) {
                content.getStylesheets().setAll(root.getStylesheets());
                if (root.getStyleClass().contains("dark")) {
                    content.getStyleClass().add("dark");
                }
            }
        }
        double w = owner != null && owner.getWidth() > 0 ? Math.min(width, owner.getWidth() - 40) : width;
        double h = owner != null && owner.getHeight() > 0 ? Math.min(height, owner.getHeight() - 40) : height;
        stage.setScene(new Scene(content, Math.max(480, w), Math.max(360, h)));
        if (owner != null && owner.getWidth() > 0) {
            stage.setX(owner.getX() + (owner.getWidth() - stage.getScene().getWidth()) / 2);
            stage.setY(owner.getY() + (owner.getHeight() - stage.getScene().getHeight()) / 2);
        }
        stage.setMinWidth(480);
        stage.setMinHeight(360);
        stage.setTitle(title);
        return stage;
    }
}
