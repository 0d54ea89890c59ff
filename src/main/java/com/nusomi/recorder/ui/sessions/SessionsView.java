package com.nusomi.recorder.ui.sessions;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;

/** Placeholder until the Sessions screen (browse, filter, review, clean up) lands. */
public final class SessionsView extends VBox {
    public SessionsView() {
        setId("sessionsView");
        getStyleClass().addAll("page", "placeholder");
        setAlignment(Pos.CENTER);
        setSpacing(12);
        FontIcon icon = new FontIcon(MaterialDesignF.FORMAT_LIST_BULLETED_SQUARE);
        icon.getStyleClass().add("placeholder-icon");
        Label title = new Label("Sessions — coming soon");
        title.getStyleClass().add("screen-title");
        Label text = new Label("Browse, filter and review recorded sessions, stop abandoned ones and clean up.");
        text.getStyleClass().add("muted");
        getChildren().addAll(icon, title, text);
    }
}
