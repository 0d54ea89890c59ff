package com.nusomi.recorder.ui.record;

import com.nusomi.recorder.client.model.Tag;
import com.nusomi.recorder.ui.common.Problem;
import com.nusomi.recorder.ui.common.Rules;
import com.nusomi.recorder.ui.common.Tips;
import java.util.stream.Collectors;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

/** Tags for the current session: one-click presets (Ctrl+1..9), a custom tag checked live, and the tags so far. */
final class TagPanel extends VBox {
    private final RecordViewModel vm;
    private final FlowPane presets = new FlowPane(6, 6);
    private final TextField name = new TextField();
    private ListView<Tag> applied;

    TagPanel(RecordViewModel vm) {
        this.vm = vm;
        TagsModel tags = vm.tags();
        getStyleClass().add("tag-panel");
        setSpacing(8);

        Label presetsLabel = new Label("Quick tags");
        presetsLabel.getStyleClass().add("field-label");
        presets.setId("presetTags");
        tags.presets().addListener((ListChangeListener<String>) c -> rebuildPresets());
        rebuildPresets();

        Label customLabel = new Label("Custom tag");
        customLabel.getStyleClass().add("field-label");
        name.setId("customTagName");
        name.setPromptText("tag_name");
        name.textProperty().bindBidirectional(tags.customNameProperty());
        Tips.set(name, "Custom tag name (Ctrl+T)");
        name.setOnAction(e -> vm.tagging().onAddCustomTag());
        TextField data = new TextField();
        data.setId("customTagData");
        data.setPromptText("data (optional JSON)"); // short enough to show whole in the narrowest window
        Tips.set(data, "Optional JSON object saved with the tag, e.g. {\"approver\": \"anna@acme.com\"}");
        data.textProperty().bindBidirectional(tags.customDataProperty());
        data.setOnAction(e -> vm.tagging().onAddCustomTag());
        HBox.setHgrow(data, Priority.ALWAYS);
        name.setPrefWidth(170);
        Button add = new Button("Tag", new FontIcon(MaterialDesignT.TAG_PLUS_OUTLINE));
        add.setId("addTagButton");
        add.setMinWidth(Region.USE_PREF_SIZE);
        Tips.set(add, "Add the custom tag (Enter)");
        add.disableProperty()
                .bind(vm.tagging()
                        .canTagBinding()
                        .not()
                        .or(tags.customValidBinding().not()));
        add.setOnAction(e -> vm.tagging().onAddCustomTag());
        HBox customRow = new HBox(6, name, data, add);
        customRow.setAlignment(Pos.CENTER_LEFT);
        // a problem is only worth showing once something was typed
        Problem nameProblem = new Problem("customTagNameProblem", tags.nameProblemProperty());
        nameProblem.visibleProperty().unbind();
        nameProblem
                .visibleProperty()
                .bind(tags.nameProblemProperty()
                        .isNotNull()
                        .and(name.textProperty().isNotEmpty()));
        Problem dataProblem = new Problem("customTagDataProblem", tags.dataProblemProperty());

        Label appliedLabel = new Label("Tags so far");
        appliedLabel.getStyleClass().add("field-label");
        // Until the first tag, an empty box in the list's style stands where the list goes: a list view (its
        // skin, virtual flow, scroll bars and behaviour) costs a good part of the first frame's styling.
        StackPane noTags = new StackPane(new Label("No tags yet"));
        noTags.setId("appliedTagsEmpty");
        noTags.getStyleClass().addAll("list-view", "applied-tags");
        sizeLikeTheList(noTags);
        tags.applied().addListener((ListChangeListener<Tag>) c -> {
            if (!tags.applied().isEmpty()) {
                appliedList().scrollTo(tags.applied().size() - 1);
            }
        });

        VBox editable = new VBox(8, presetsLabel, presets, customLabel, customRow, nameProblem, dataProblem);
        editable.disableProperty().bind(vm.tagging().canTagBinding().not());
        getChildren().addAll(editable, appliedLabel, noTags);
        if (!tags.applied().isEmpty()) {
            appliedList();
        }
    }

    /** The list of tags so far, put in place of the empty box the first time there is a tag to show. */
    private ListView<Tag> appliedList() {
        if (applied == null) {
            applied = new ListView<>(vm.tags().applied());
            applied.setId("appliedTags");
            applied.getStyleClass().add("applied-tags");
            applied.setCellFactory(l -> new TagCell());
            applied.setPlaceholder(new Label("No tags yet"));
            sizeLikeTheList(applied);
            getChildren().set(getChildren().size() - 1, applied);
        }
        return applied;
    }

    private static void sizeLikeTheList(Region r) {
        r.setPrefHeight(150);
        r.setMinHeight(90);
        VBox.setVgrow(r, Priority.ALWAYS);
    }

    void focusCustomTag() {
        name.requestFocus();
    }

    private void rebuildPresets() {
        presets.getChildren().clear();
        int i = 0;
        for (String preset : vm.tags().presets()) {
            i++;
            Button b = new Button(preset);
            b.setId("preset-" + preset);
            b.getStyleClass().addAll("preset-tag", "small");
            b.setMnemonicParsing(false);
            Tips.set(b, i <= 9 ? "Tag \"" + preset + "\" (Ctrl+" + i + ")" : "Tag \"" + preset + "\"");
            b.disableProperty().bind(vm.tagging().canTagBinding().not());
            b.setOnAction(e -> vm.tagging().onTagPreset(preset));
            presets.getChildren().add(b);
        }
    }

    /** A tag: its name, its data (compact) and its offset into the run. */
    private static final class TagCell extends ListCell<Tag> {
        private final Label name = new Label();
        private final Label data = new Label();
        private final Label offset = new Label();
        private final HBox box;

        TagCell() {
            name.getStyleClass().add("tag-name");
            data.getStyleClass().add("muted");
            offset.getStyleClass().add("tag-offset");
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            box = new HBox(8, offset, name, data, spacer);
            box.setAlignment(Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(Tag tag, boolean empty) {
            super.updateItem(tag, empty);
            if (empty || tag == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            name.setText(tag.name());
            data.setText(
                    tag.data().isEmpty()
                            ? ""
                            : tag.data().entrySet().stream()
                                    .map(e -> e.getKey() + "=" + e.getValue())
                                    .collect(Collectors.joining(", ")));
            offset.setText(tag.offsetMs() == null ? "—" : "+" + Rules.formatElapsed(tag.offsetMs()));
            setText(null);
            setGraphic(box);
        }
    }
}
