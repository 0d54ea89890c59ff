package com.nusomi.recorder.ui.settings;

import com.nusomi.recorder.app.settings.Settings;
import com.nusomi.recorder.ui.common.Rules;
import java.util.ArrayList;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Settings screen's preset tags, in order (the first nine get Ctrl+1 … Ctrl+9 on the Record screen): add one
 * (a valid tag name not in the list yet), remove one, move one up or down.
 */
public final class PresetTagsViewModel {
    private final Settings settings;
    private final ObservableList<String> presets = FXCollections.observableArrayList();
    private final StringProperty newPreset = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper presetProblem = new ReadOnlyStringWrapper();
    private final BooleanBinding canAddPreset;

    /** @param settings the saved settings: read by {@link #reset}, written by {@link #apply} */
    PresetTagsViewModel(Settings settings) {
        this.settings = settings;
        newPreset.addListener((o, a, b) -> presetProblem.set(
                b.isEmpty() ? null : presets.contains(b) ? "Already a preset" : Rules.slugProblem(b, "tag")));
        canAddPreset = Bindings.createBooleanBinding(
                () -> !newPreset.get().isEmpty() && presetProblem.get() == null, newPreset, presetProblem);
    }

    /** Fills the list from the saved settings. */
    void reset() {
        presets.setAll(settings.presetTags);
    }

    /** Writes the list into the settings. */
    void apply() {
        settings.presetTags = new ArrayList<>(presets);
    }

    public void onAddPreset() {
        if (canAddPreset.get()) {
            presets.add(newPreset.get());
            newPreset.set("");
        }
    }

    public void onRemovePreset(String preset) {
        presets.remove(preset);
    }

    public void onMovePreset(String preset, int delta) {
        int i = presets.indexOf(preset);
        int j = i + delta;
        if (i >= 0 && j >= 0 && j < presets.size()) {
            presets.remove(i);
            presets.add(j, preset);
        }
    }

    public ObservableList<String> presets() {
        return presets;
    }

    public StringProperty newPresetProperty() {
        return newPreset;
    }

    public ReadOnlyStringProperty presetProblemProperty() {
        return presetProblem.getReadOnlyProperty();
    }

    public BooleanBinding canAddPresetBinding() {
        return canAddPreset;
    }
}
