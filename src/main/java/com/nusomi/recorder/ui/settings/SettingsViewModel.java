package com.nusomi.recorder.ui.settings;

import com.nusomi.recorder.app.TaskRunner;
import com.nusomi.recorder.app.settings.SecretStore;
import com.nusomi.recorder.app.settings.Settings;
import com.nusomi.recorder.ui.common.Operations;
import java.util.function.Consumer;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The Settings screen: its form in parts (the {@link ConnectionSettingsViewModel connection}, the
 * {@link PresetTagsViewModel preset tags}, the {@link CaptureSettingsViewModel screen capture}) plus the theme and
 * the countdown, filled from the saved settings, reverted or saved as one.
 */
public final class SettingsViewModel {
    private final Operations ops;
    private final Settings settings;
    private final Consumer<Settings> saver;
    private final ConnectionSettingsViewModel connection;
    private final PresetTagsViewModel presetTags;
    private final CaptureSettingsViewModel capture;
    private final ObjectProperty<Settings.Theme> theme = new SimpleObjectProperty<>();
    private final BooleanProperty countdown = new SimpleBooleanProperty();
    private final ReadOnlyStringWrapper savedNote = new ReadOnlyStringWrapper();
    private final BooleanBinding canSave;
    private Consumer<Boolean> onSaved = connectionChanged -> {};
    private Consumer<Settings.Theme> preview = t -> {};

    /**
     * @param environmentKey the key {@code NUSOMI_API_KEY} gives, or null
     * @param saver writes the settings (off the UI thread)
     */
    public SettingsViewModel(
            TaskRunner tasks, Settings settings, SecretStore secrets, String environmentKey, Consumer<Settings> saver) {
        this.ops = new Operations(tasks);
        this.settings = settings;
        this.saver = saver;
        this.connection = new ConnectionSettingsViewModel(ops, settings, secrets, environmentKey);
        this.presetTags = new PresetTagsViewModel(settings);
        this.capture = new CaptureSettingsViewModel(tasks, settings);
        reset();
        // the theme chosen shows at once, before it is saved (Revert shows the saved one again)
        theme.addListener((o, before, now) -> {
            onEdited();
            if (now != null) {
                preview.accept(now);
            }
        });
        countdown.addListener((o, before, now) -> onEdited());
        canSave = ops.busyProperty()
                .not()
                .and(connection.urlProblemProperty().isNull())
                .and(capture.recorderProblemProperty().isNull());
    }

    /** Fills the form from the saved settings, and reads (off the UI thread) which key is stored. */
    public void reset() {
        connection.reset();
        theme.set(settings.theme);
        countdown.set(settings.countdownBeforeStart);
        presetTags.reset();
        capture.reset();
    }

    /** Saves everything; a new key goes to the keychain or the 0600 file first. */
    public void onSave() {
        if (!canSave.get()) {
            return;
        }
        String typed = connection.typedKey();
        boolean connectionChanged = connection.changesTheConnection();
        ops.run("Could not save the API key", () -> connection.storeKey(typed), where -> {
            connection.apply();
            settings.theme = theme.get();
            settings.countdownBeforeStart = countdown.get();
            presetTags.apply();
            capture.apply();
            saver.accept(settings);
            connection.keySaved(typed, where);
            savedNote.set("Saved.");
            onSaved.accept(connectionChanged);
        });
    }

    /** Something in the form changed: "Saved." no longer describes it. */
    public void onEdited() {
        savedNote.set(null);
    }

    /** Shows a theme on the app's windows without saving it. */
    public void setThemePreview(Consumer<Settings.Theme> preview) {
        this.preview = preview;
    }

    /** The screen is left: the windows show the saved theme again (the form keeps what was chosen). */
    public void onHidden() {
        preview.accept(settings.theme);
    }

    /** The screen is shown again: the form's theme shows again. */
    public void onShown() {
        if (theme.get() != null) {
            preview.accept(theme.get());
        }
    }

    /** Told after each save whether the connection changed (the mode, the URL or the key). */
    public void setOnSaved(Consumer<Boolean> onSaved) {
        this.onSaved = onSaved;
    }

    public Operations operations() {
        return ops;
    }

    public ConnectionSettingsViewModel connection() {
        return connection;
    }

    public PresetTagsViewModel presetTags() {
        return presetTags;
    }

    public CaptureSettingsViewModel capture() {
        return capture;
    }

    public ObjectProperty<Settings.Theme> themeProperty() {
        return theme;
    }

    public BooleanProperty countdownProperty() {
        return countdown;
    }

    public ReadOnlyStringProperty savedNoteProperty() {
        return savedNote.getReadOnlyProperty();
    }

    public BooleanBinding canSaveBinding() {
        return canSave;
    }
}
