package com.nusomi.recorder.ui.record;

import com.nusomi.recorder.ui.common.Problem;
import com.nusomi.recorder.ui.common.Rules;
import com.nusomi.recorder.ui.common.Tips;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

/** The metadata editor: a key/value table or raw JSON, the live check, and a size meter against 16 KB. */
final class MetadataEditor extends VBox {
    private final MetadataModel model;
    private final VBox rowsBox = new VBox(6);
    private TextArea json;

    MetadataEditor(MetadataModel model) {
        this.model = model;
        getStyleClass().add("metadata-editor");
        setSpacing(8);

        Label title = new Label("Metadata");
        title.getStyleClass().add("field-label");
        ToggleButton rawToggle = new ToggleButton("Raw JSON");
        rawToggle.setId("rawJsonToggle");
        rawToggle.setGraphic(new FontIcon(MaterialDesignC.CODE_BRACES));
        rawToggle.getStyleClass().add("small");
        Tips.set(rawToggle, "Edit the metadata as a JSON object");
        rawToggle.setOnAction(e -> {
            model.setRaw(rawToggle.isSelected());
            rawToggle.setSelected(model.isRaw());
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(8, title, spacer, rawToggle);
        header.setAlignment(Pos.CENTER_LEFT);

        rowsBox.setId("metadataTable");
        rowsBox.getStyleClass().add("kv-table");
        Button addRow = new Button("Add field");
        addRow.setId("addMetadataRow");
        addRow.setGraphic(new FontIcon(MaterialDesignP.PLUS));
        addRow.getStyleClass().addAll("flat", "small");
        addRow.setOnAction(e -> model.addRow());
        VBox table = new VBox(6, rowsBox, addRow);
        table.visibleProperty().bind(model.rawProperty().not());
        table.managedProperty().bind(table.visibleProperty());

        ProgressBar meter = new ProgressBar();
        meter.setId("metadataMeter");
        meter.getStyleClass().add("size-meter");
        meter.setMaxWidth(Double.MAX_VALUE);
        meter.setMinWidth(80);
        HBox.setHgrow(meter, Priority.ALWAYS);
        meter.progressProperty()
                .bind(Bindings.createDoubleBinding(
                        () -> Math.min(1.0, model.bytesProperty().get() / (double) Rules.MAX_JSON_BYTES),
                        model.bytesProperty()));
        model.bytesProperty().addListener((o, a, b) -> {
            boolean over = b.intValue() > Rules.MAX_JSON_BYTES;
            meter.pseudoClassStateChanged(PseudoClass.getPseudoClass("over"), over);
        });
        Label size = new Label();
        size.setId("metadataSize");
        size.getStyleClass().add("muted");
        size.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> Rules.formatBytes(model.bytesProperty().get()) + " of 16 KB", model.bytesProperty()));
        HBox meterRow = new HBox(8, meter, size);
        meterRow.setAlignment(Pos.CENTER_LEFT);

        getChildren()
                .addAll(
                        header,
                        table,
                        new Problem("metadataProblem", model.problemProperty()),
                        new Problem("metadataNotice", model.noticeProperty()),
                        meterRow);

        model.rows().addListener((ListChangeListener<MetadataRow>) c -> {
            while (c.next()) {
                if (c.wasAdded() || c.wasRemoved() || c.wasPermutated()) {
                    rebuildRows();
                    return;
                }
            }
        });
        rebuildRows();
        // The raw JSON editor (a text area, with its scroll pane) is made the first time it is asked for.
        model.rawProperty().addListener((o, a, raw) -> showJson(raw));
        showJson(model.isRaw());
    }

    private void showJson(boolean raw) {
        if (raw && json == null) {
            json = jsonArea();
            getChildren().add(2, json);
        }
    }

    private TextArea jsonArea() {
        TextArea json = new TextArea();
        json.setId("metadataJson");
        json.getStyleClass().add("code");
        json.setPrefRowCount(6);
        json.setPromptText("{ \"vendor\": \"Acme\", \"amount\": 4500 }");
        json.textProperty().bindBidirectional(model.rawTextProperty());
        json.visibleProperty().bind(model.rawProperty());
        json.managedProperty().bind(json.visibleProperty());
        return json;
    }

    private void rebuildRows() {
        rowsBox.getChildren().clear();
        int i = 0;
        for (MetadataRow row : model.rows()) {
            rowsBox.getChildren().add(rowNode(row, i++));
        }
    }

    private HBox rowNode(MetadataRow row, int index) {
        TextField key = new TextField();
        key.setId("metadataKey" + index);
        key.setPromptText("key");
        key.textProperty().bindBidirectional(row.keyProperty());
        key.setPrefWidth(140);
        key.setMinWidth(70);
        ComboBox<MetadataRow.ValueType> type = new ComboBox<>();
        type.setId("metadataType" + index);
        type.getItems().setAll(MetadataRow.ValueType.values());
        type.valueProperty().bindBidirectional(row.typeProperty());
        type.setPrefWidth(110);
        type.setMinWidth(96);
        TextField value = new TextField();
        value.setId("metadataValue" + index);
        value.promptTextProperty()
                .bind(Bindings.createStringBinding(
                        () -> switch (row.typeProperty().get()) {
                            case NUMBER -> "4500";
                            case BOOLEAN -> "true or false";
                            default -> "value";
                        },
                        row.typeProperty()));
        value.textProperty().bindBidirectional(row.valueProperty());
        HBox.setHgrow(value, Priority.ALWAYS);
        Button remove = new Button(null, new FontIcon(MaterialDesignC.CLOSE));
        remove.getStyleClass().addAll("flat", "small", "button-icon");
        Tips.set(remove, "Remove this field");
        remove.setOnAction(e -> model.removeRow(row));
        HBox box = new HBox(6, key, type, value, remove);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }
}
