package com.nusomi.recorder.ui.record;

import com.nusomi.recorder.client.model.Session;
import com.nusomi.recorder.ui.common.OutcomeDialog;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * The banner offering a session this machine left recording ({@link LeftSessions}): resume it, or stop it with a
 * verdict. Hidden while there is none.
 */
final class RecoveryPane extends VBox {

    RecoveryPane(RecordViewModel vm) {
        super(6);
        ObservableList<Session> left = vm.left().sessions();
        Label text = new Label();
        text.setId("recoveryText");
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        text.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> {
                            if (left.isEmpty()) {
                                return "";
                            }
                            Session s = left.get(0);
                            String more = left.size() > 1 ? " (" + (left.size() - 1) + " more after this one)" : "";
                            return "The session " + s.id() + " (" + s.workflow()
                                    + ") that this machine started is still recording" + more
                                    + ". Resume it to carry on where you left off, or stop it.";
                        },
                        left));
        Label title = new Label("A session was left recording");
        title.getStyleClass().add("banner-title");
        Button resume = new Button("Resume", new FontIcon(MaterialDesignP.PLAY_CIRCLE_OUTLINE));
        resume.setId("resumeLeftButton");
        resume.getStyleClass().add("accent");
        resume.disableProperty().bind(vm.canResumeBinding().not());
        resume.setOnAction(e -> {
            if (!left.isEmpty()) {
                vm.onResumeLeft(left.get(0));
            }
        });
        Button stop = new Button("Stop it…", new FontIcon(MaterialDesignS.STOP_CIRCLE_OUTLINE));
        stop.setId("stopLeftButton");
        stop.disableProperty().bind(vm.operations().busyProperty());
        stop.setOnAction(e -> {
            if (!left.isEmpty()) {
                Session s = left.get(0);
                OutcomeDialog.ask(getScene().getWindow(), s.id()).ifPresent(v -> vm.onStopLeft(s, v));
            }
        });
        HBox buttons = new HBox(8, resume, stop);
        getChildren().addAll(title, text, buttons);
        setId("recoveryPane");
        getStyleClass().addAll("banner", "banner-warning");
        setVisible(false);
        managedProperty().bind(visibleProperty());
        left.addListener((ListChangeListener<Session>) c -> setVisible(!left.isEmpty()));
    }
}
