package com.nusomi.recorder.ui.record;

import com.nusomi.recorder.client.model.Tag;
import com.nusomi.recorder.client.request.ContractRules;
import com.nusomi.recorder.ui.common.Rules;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The tag panel's state: presets, the custom tag being typed (checked live) and the tags applied so far. */
public final class TagsModel {
    private final ObservableList<String> presets = FXCollections.observableArrayList();
    private final StringProperty customName = new SimpleStringProperty("");
    private final StringProperty customData = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper nameProblem = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper dataProblem = new ReadOnlyStringWrapper();
    private final ObservableList<Tag> applied = FXCollections.observableArrayList();
    private final BooleanBinding customValid;

    public TagsModel() {
        customName.addListener((o, a, b) -> check());
        customData.addListener((o, a, b) -> check());
        check();
        customValid = Bindings.createBooleanBinding(
                () -> nameProblem.get() == null && dataProblem.get() == null, nameProblem, dataProblem);
    }

    private void check() {
        String name = customName.get();
        nameProblem.set(name.isEmpty() ? "Enter a tag name" : Rules.slugProblem(name, "tag"));
        dataProblem.set(Rules.jsonObject(customData.get(), "tag data").problem());
    }

    /** The custom tag's data as compact JSON (null when there is none or it is invalid). */
    String customDataJson() {
        ContractRules.JsonCheck c = Rules.jsonObject(customData.get(), "tag data");
        return c.ok() && !"{}".equals(c.compact()) ? c.compact() : null;
    }

    void clearCustom() {
        customName.set("");
        customData.set("");
    }

    public ObservableList<String> presets() {
        return presets;
    }

    public StringProperty customNameProperty() {
        return customName;
    }

    public StringProperty customDataProperty() {
        return customData;
    }

    public ReadOnlyStringProperty nameProblemProperty() {
        return nameProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty dataProblemProperty() {
        return dataProblem.getReadOnlyProperty();
    }

    public BooleanBinding customValidBinding() {
        return customValid;
    }

    public ObservableList<Tag> applied() {
        return applied;
    }
}
