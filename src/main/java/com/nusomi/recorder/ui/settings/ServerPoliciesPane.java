package com.nusomi.recorder.ui.settings;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;

/**
 * The "Server policies" card's content: the connected server's retention, auto-stop of abandoned runs and rate
 * limit in plain words, read-only; while asking, a spinner; when the server cannot be asked, why (with the request
 * id) and Refresh.
 */
final class ServerPoliciesPane extends VBox {
    ServerPoliciesPane(ServerPoliciesViewModel vm) {
        super(8);
        setId("serverPolicies");
        Label hint = new Label("Set by whoever runs the server (serve --retention, --auto-stop-abandoned, "
                + "--rate-limit); shown here read-only, to keys with the admin scope.");
        hint.getStyleClass().add("muted");
        hint.setWrapText(true);

        GridPane grid = new GridPane();
        grid.setId("serverPoliciesValues");
        grid.setHgap(16);
        grid.setVgap(6);
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(USE_PREF_SIZE);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        values.setFillWidth(true);
        grid.getColumnConstraints().addAll(names, values);
        row(grid, 0, "Retention", "policyRetention", vm.retentionProperty());
        row(grid, 1, "Abandoned runs", "policyAutoStop", vm.autoStopProperty());
        row(grid, 2, "Rate limit", "policyRateLimit", vm.rateLimitProperty());
        grid.visibleProperty().bind(vm.policiesProperty().isNotNull());
        grid.managedProperty().bind(grid.visibleProperty());

        Label note = message("serverPoliciesNote", vm.noteProperty(), "muted");
        Label error = message("serverPoliciesError", vm.errorProperty(), "error-text");

        Button refresh = new Button("Refresh", new FontIcon(MaterialDesignR.REFRESH));
        refresh.setId("serverPoliciesRefresh");
        refresh.disableProperty().bind(vm.loadingProperty());
        refresh.setOnAction(e -> vm.onRefresh());
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        Label asking = new Label("Asking the server\u2026");
        asking.getStyleClass().add("muted");
        HBox busy = new HBox(8, spinner, asking);
        busy.setId("serverPoliciesLoading");
        busy.setAlignment(Pos.CENTER_LEFT);
        busy.visibleProperty().bind(vm.loadingProperty());
        busy.managedProperty().bind(busy.visibleProperty());
        HBox actions = new HBox(10, refresh, busy);
        actions.setAlignment(Pos.CENTER_LEFT);

        getChildren().addAll(hint, grid, note, error, actions);
    }

    private static void row(GridPane grid, int index, String name, String id, ReadOnlyStringProperty value) {
        Label label = new Label(name);
        label.getStyleClass().add("field-label");
        label.setMinWidth(USE_PREF_SIZE);
        Label text = new Label();
        text.setId(id);
        text.setWrapText(true);
        text.setMaxWidth(Double.MAX_VALUE);
        text.textProperty().bind(value);
        GridPane.setValignment(label, VPos.TOP);
        grid.addRow(index, label, text);
    }

    private static Label message(String id, ReadOnlyStringProperty text, String style) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add(style);
        l.setWrapText(true);
        l.textProperty().bind(text);
        l.visibleProperty().bind(text.isNotEmpty());
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }
}
