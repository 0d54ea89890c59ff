package com.nusomi.recorder.ui.settings;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The "Check privacy" button, its progress, its verdict and a small picture of the frame it judged. */
final class PrivacyCheckPane extends VBox {
    PrivacyCheckPane(PrivacyCheckViewModel vm) {
        super(8);
        Button check = new Button("Check privacy");
        check.setId("privacyCheckButton");
        check.disableProperty().bind(vm.runningProperty());
        check.setOnAction(e -> vm.onCheck());
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        spinner.visibleProperty().bind(vm.runningProperty());
        spinner.managedProperty().bind(spinner.visibleProperty());
        Label hint = new Label("Opens a few coloured windows for some seconds and checks, pixel by pixel, that the"
                + " private and own ones are masked and a window in front is recorded. Nothing is uploaded.");
        hint.getStyleClass().add("muted");
        hint.setWrapText(true);
        HBox row = new HBox(10, check, spinner);
        row.setAlignment(Pos.CENTER_LEFT);

        Label status = new Label();
        status.setId("privacyCheckStatus");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());
        status.visibleProperty().bind(status.textProperty().isNotEmpty());
        status.managedProperty().bind(status.visibleProperty());
        vm.passedProperty().subscribe(p -> {
            status.getStyleClass().removeAll("ok-text", "error-text");
            if (p != null) {
                status.getStyleClass().add(p ? "ok-text" : "error-text");
            }
        });

        ImageView picture = new ImageView();
        picture.setId("privacyCheckPicture");
        picture.setFitWidth(320);
        picture.setPreserveRatio(true);
        picture.visibleProperty().bind(picture.imageProperty().isNotNull());
        picture.managedProperty().bind(picture.visibleProperty());
        // loaded in the background: the file is read off the UI thread
        vm.pictureProperty()
                .subscribe(path -> picture.setImage(
                        path == null ? null : new Image(path.toUri().toString(), 320, 0, true, true, true)));
        getChildren().addAll(row, hint, status, picture);
    }
}
