package com.nusomi.recorder.ui.redact;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The redaction editor in a window of its own, over the window it was opened from (which it blocks while open),
 * styled as that window is. Redact asks first, saying that the originals are erased for good.
 */
public final class RedactionWindow {
    private final Stage stage = new Stage();
    private final RedactionEditor editor;

    private RedactionWindow(Window owner, RedactionModel vm, String title) {
        editor = new RedactionEditor(vm, () -> confirm(vm), stage::close);
        editor.setPadding(new Insets(12));
        Scene scene = new Scene(editor, 1000, 720);
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
            Parent root = owner.getScene() == null ? null : owner.getScene().getRoot();
            if (root != null) {
                editor.getStylesheets().setAll(root.getStylesheets());
                if (root.getStyleClass().contains("dark")) {
                    editor.getStyleClass().add("dark");
                }
            }
            if (owner.getWidth() > 0) { // over the window it came from, inside it where it can
                double w = Math.max(640, Math.min(1000, owner.getWidth() - 40));
                double h = Math.max(480, Math.min(720, owner.getHeight() - 40));
                stage.setWidth(w);
                stage.setHeight(h);
                stage.setX(owner.getX() + (owner.getWidth() - w) / 2);
                stage.setY(owner.getY() + (owner.getHeight() - h) / 2);
            }
        }
        stage.setMinWidth(640);
        stage.setMinHeight(480);
        stage.setTitle(title);
        stage.setScene(scene);
        stage.setOnHidden(e -> editor.dispose());
    }

    /** Opens the editor over {@code owner}'s window and shows its first frame. */
    public static RedactionWindow open(Node owner, RedactionModel vm, String title) {
        Window w = owner.getScene() == null ? null : owner.getScene().getWindow();
        RedactionWindow window = new RedactionWindow(w, vm, title);
        window.stage.show();
        vm.load();
        return window;
    }

    private boolean confirm(RedactionModel vm) {
        Alert a = new Alert(Alert.AlertType.WARNING);
        a.initOwner(stage);
        a.setTitle("Redact frames");
        a.setHeaderText(vm.question());
        a.setContentText(RedactionModel.warning());
        ButtonType erase = new ButtonType("Erase the originals and redact", ButtonBar.ButtonData.OK_DONE);
        a.getButtonTypes().setAll(erase, ButtonType.CANCEL);
        Node ok = a.getDialogPane().lookupButton(erase);
        ok.setId("confirmRedaction");
        ok.getStyleClass().add(Styles.DANGER);
        ((Button) ok).setDefaultButton(false);
        ((Button) a.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        return a.showAndWait().orElse(ButtonType.CANCEL) == erase;
    }

    /** The window, to close or look at. */
    public Stage stage() {
        return stage;
    }
}
