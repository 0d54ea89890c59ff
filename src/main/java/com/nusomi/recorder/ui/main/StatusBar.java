package com.nusomi.recorder.ui.main;

import com.nusomi.recorder.app.connection.ConnectionState;
import java.util.Locale;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The bottom line: a coloured dot and the connection (embedded or hosted URL, and whether it answers). */
final class StatusBar extends HBox {
    StatusBar(StatusViewModel vm, String hint) {
        setId("statusBar");
        getStyleClass().add("status-bar");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(8);
        Region dot = new Region();
        dot.getStyleClass().add("status-dot");
        Label text = new Label();
        text.setId("connectionLabel");
        text.textProperty().bind(vm.textProperty());
        Label detail = new Label();
        detail.setId("connectionDetail");
        detail.getStyleClass().add("muted");
        detail.textProperty().bind(vm.detailProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label shortcuts = new Label(hint);
        shortcuts.getStyleClass().add("muted");
        getChildren().addAll(dot, text, detail, spacer, shortcuts);
        vm.phaseProperty().addListener((o, a, b) -> phase(dot, b));
        phase(dot, vm.phaseProperty().get());
    }

    private static void phase(Region dot, ConnectionState.Phase p) {
        for (ConnectionState.Phase each : ConnectionState.Phase.values()) {
            dot.pseudoClassStateChanged(PseudoClass.getPseudoClass(each.name().toLowerCase(Locale.ROOT)), each == p);
        }
    }
}
