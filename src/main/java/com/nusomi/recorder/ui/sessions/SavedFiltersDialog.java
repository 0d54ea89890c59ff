package com.nusomi.recorder.ui.sessions;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextInputDialog;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

/**
 * The saved filter sets, to open, rename or delete one: a list of the names with what the chosen one filters,
 * and its actions. Every change goes to the view model at once (and is written to disk there); a delete asks
 * first. Enter or a double click opens the chosen set, Delete deletes it.
 */
final class SavedFiltersDialog {
    private final SessionsViewModel vm;
    private final Dialog<ButtonType> dialog = new Dialog<>();
    private final ListView<String> list;

    SavedFiltersDialog(SessionsViewModel vm, Window owner) {
        this.vm = vm;
        dialog.setTitle("Saved filters");
        dialog.setHeaderText("Open, rename or delete the filters you saved.");
        if (owner != null) {
            dialog.initOwner(owner);
        }
        list = new ListView<>(vm.saved().names());
        list.setId("savedFilterList");
        list.setPrefSize(320, 220);
        list.setPlaceholder(new Label("No saved filters."));

        Label summary = new Label();
        summary.setId("savedFilterSummary");
        summary.setWrapText(true);
        summary.setPrefWidth(320);
        summary.setMinHeight(36); // two lines, so that the buttons below stay put as the choice changes
        summary.getStyleClass().add("muted");
        list.getSelectionModel()
                .selectedItemProperty()
                .subscribe(name -> summary.setText(
                        name == null
                                ? "Choose a saved filter to see what it keeps."
                                : Formats.filters(vm.saved().get(name))));

        BooleanBinding none = list.getSelectionModel().selectedItemProperty().isNull();
        Button open = button("openSavedFilter", "Open", new FontIcon(MaterialDesignF.FILTER_OUTLINE), this::onOpen);
        open.disableProperty().bind(none);
        Button rename =
                button("renameSavedFilter", "Rename…", new FontIcon(MaterialDesignP.PENCIL_OUTLINE), this::onRename);
        rename.disableProperty().bind(none);
        Button delete =
                button("deleteSavedFilter", "Delete…", new FontIcon(MaterialDesignD.DELETE_OUTLINE), this::onDelete);
        delete.getStyleClass().addAll(Styles.DANGER, Styles.BUTTON_OUTLINED);
        delete.disableProperty().bind(none);
        HBox actions = new HBox(8, open, rename, delete);
        actions.setAlignment(Pos.CENTER_LEFT);

        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE && !none.get()) {
                onDelete();
                e.consume();
            } else if (e.getCode() == KeyCode.ENTER && !none.get()) {
                onOpen();
                e.consume();
            }
        });
        list.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !none.get()) {
                onOpen();
            }
        });

        VBox content = new VBox(10, list, summary, actions);
        VBox.setVgrow(list, Priority.ALWAYS);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
        dialog.getDialogPane().lookupButton(ButtonType.CLOSE).setId("closeSavedFilters");
        if (!vm.saved().names().isEmpty()) {
            list.getSelectionModel().selectFirst();
        }
        list.sceneProperty().subscribe(s -> list.requestFocus());
    }

    void showAndWait() {
        dialog.showAndWait();
    }

    private static Button button(String id, String text, Node icon, Runnable action) {
        Button b = new Button(text, icon);
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    private String chosen() {
        return list.getSelectionModel().getSelectedItem();
    }

    private void onOpen() {
        vm.onOpenSaved(chosen());
        dialog.close();
    }

    private void onRename() {
        String from = chosen();
        TextInputDialog d = new TextInputDialog(from);
        d.initOwner(dialog.getDialogPane().getScene().getWindow());
        d.setTitle("Rename saved filter");
        d.setHeaderText("New name for \u201c" + from + "\u201d");
        d.getEditor().setId("savedFilterNewName");
        Node ok = d.getDialogPane().lookupButton(ButtonType.OK);
        ok.setId("confirmRenameSavedFilter");
        ok.disableProperty()
                .bind(d.getEditor().textProperty().map(t -> !vm.saved().canRename(from, t)));
        d.showAndWait().ifPresent(to -> {
            if (vm.saved().rename(from, to)) {
                list.getSelectionModel().select(to.strip());
            }
        });
    }

    private void onDelete() {
        String name = chosen();
        int at = list.getSelectionModel().getSelectedIndex();
        Alert a = new Alert(Alert.AlertType.CONFIRMATION);
        a.initOwner(dialog.getDialogPane().getScene().getWindow());
        a.setTitle("Delete saved filter");
        a.setHeaderText("Delete the saved filter \u201c" + name + "\u201d?");
        a.setContentText("Only the saved filter goes; the sessions it shows stay, and so do the filters in use now.");
        ButtonType delete = new ButtonType("Delete", ButtonBar.ButtonData.OK_DONE);
        a.getButtonTypes().setAll(delete, ButtonType.CANCEL);
        Node ok = a.getDialogPane().lookupButton(delete);
        ok.setId("confirmDeleteSavedFilter");
        ok.getStyleClass().add(Styles.DANGER);
        // Enter keeps the saved filter: deleting takes a deliberate click or Space on Delete
        ((Button) ok).setDefaultButton(false);
        Button cancel = (Button) a.getDialogPane().lookupButton(ButtonType.CANCEL);
        cancel.setId("cancelDeleteSavedFilter");
        cancel.setDefaultButton(true);
        if (a.showAndWait().orElse(ButtonType.CANCEL) == delete) {
            vm.saved().delete(name);
            // keep a row chosen, so that the keyboard can go on from where it was
            if (!list.getItems().isEmpty()) {
                list.getSelectionModel().select(Math.min(at, list.getItems().size() - 1));
            }
        }
    }
}
