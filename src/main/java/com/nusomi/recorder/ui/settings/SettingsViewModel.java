package com.nusomi.recorder.ui.settings;

import com.nusomi.recorder.app.TaskRunner;
import com.nusomi.recorder.app.connection.Connector;
import com.nusomi.recorder.app.settings.SecretStore;
import com.nusomi.recorder.app.settings.Settings;
import com.nusomi.recorder.client.SessionsClient;
import com.nusomi.recorder.client.exception.NotSupportedException;
import com.nusomi.recorder.client.model.Health;
import com.nusomi.recorder.client.request.SessionQuery;
import com.nusomi.recorder.ui.common.Operations;
import com.nusomi.recorder.ui.common.Rules;
import java.net.URI;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Settings screen: embedded or hosted (URL and key, with a connection test), preset tags, theme and the
 * countdown. The key typed here goes to the {@link SecretStore} and is never shown again in full.
 */
public final class SettingsViewModel {
    private final Operations ops;
    private final Settings settings;
    private final SecretStore secrets;
    private final String environmentKey;
    private final Consumer<Settings> saver;

    private final ObjectProperty<Settings.ConnectionMode> mode = new SimpleObjectProperty<>();
    private final StringProperty baseUrl = new SimpleStringProperty("");
    private final StringProperty apiKey = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper storedKey = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper urlProblem = new ReadOnlyStringWrapper();
    private final ObjectProperty<Settings.Theme> theme = new SimpleObjectProperty<>();
    private final BooleanProperty countdown = new SimpleBooleanProperty();
    private final ObservableList<String> presets = FXCollections.observableArrayList();
    private final StringProperty newPreset = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper presetProblem = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper testResult = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper savedNote = new ReadOnlyStringWrapper();
    private final BooleanBinding canSave;
    private final BooleanBinding canAddPreset;
    private Consumer<Boolean> onSaved = connectionChanged -> { };

    /**
     * @param saver writes the settings (off the UI thread)
     */
    public SettingsViewModel(TaskRunner tasks, Settings settings, SecretStore secrets, String environmentKey,
                             Consumer<Settings> saver) {
        this.ops = new Operations(tasks);
        this.settings = settings;
        this.secrets = secrets;
        this.environmentKey = environmentKey;
        this.saver = saver;
        baseUrl.addListener((o, a, b) -> checkUrl());
        mode.addListener((o, a, b) -> checkUrl());
        newPreset.addListener((o, a, b) -> presetProblem.set(b.isEmpty() ? null
                : presets.contains(b) ? "Already a preset" : Rules.slugProblem(b, "tag")));
        reset();
        canSave = ops.busyProperty().not().and(urlProblem.isNull());
        canAddPreset = Bindings.createBooleanBinding(() -> !newPreset.get().isEmpty() && presetProblem.get() == null,
                newPreset, presetProblem);
    }

    /** Fills the form from the saved settings, and reads (off the UI thread) which key is stored. */
    public void reset() {
        mode.set(settings.connectionMode);
        baseUrl.set(settings.hostedBaseUrl == null ? "" : settings.hostedBaseUrl);
        apiKey.set("");
        theme.set(settings.theme);
        countdown.set(settings.countdownBeforeStart);
        presets.setAll(settings.presetTags);
        checkUrl();
        ops.tasks().run(secrets::load, key -> storedKey.set(describeStoredKey(key)), e -> storedKey.set(""));
    }

    private String describeStoredKey(String stored) {
        if (stored != null) {
            return "Stored key: " + SecretStore.mask(stored);
        }
        if (environmentKey != null) {
            return "Using NUSOMI_API_KEY: " + SecretStore.mask(environmentKey);
        }
        return "No key stored";
    }

    private void checkUrl() {
        if (mode.get() != Settings.ConnectionMode.HOSTED) {
            urlProblem.set(null);
            return;
        }
        urlProblem.set(urlProblem(baseUrl.get()));
    }

    static String urlProblem(String url) {
        String u = url == null ? "" : url.strip();
        if (u.isEmpty()) {
            return "Enter the hosted API's base URL";
        }
        try {
            URI uri = URI.create(u);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
                return "A URL like https://api.nusomi.com";
            }
            return null;
        } catch (IllegalArgumentException e) {
            return "Not a URL: " + e.getMessage();
        }
    }

    /** Checks the hosted URL and key: the health route, then one page of sessions (which needs the key). */
    public void onTestConnection() {
        String url = baseUrl.get().strip();
        String typed = apiKey.get().strip();
        testResult.set(null);
        String problem = urlProblem(url);
        if (problem != null) {
            testResult.set(problem);
            return;
        }
        ops.run("Connection test failed", () -> {
            String key = !typed.isEmpty() ? typed : secrets.load() != null ? secrets.load() : environmentKey;
            try (SessionsClient client = Connector.client(url, key)) {
                String version;
                try {
                    Health h = client.health();
                    version = h.version();
                } catch (NotSupportedException e) {
                    version = null;
                }
                client.list(SessionQuery.builder().limit(1).build());
                return "Connected" + (version != null ? " (server " + version + ")" : "")
                        + "; the key can read sessions.";
            }
        }, testResult::set);
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

    /** Saves everything; a new key goes to the keychain or the 0600 file first. */
    public void onSave() {
        if (!canSave.get()) {
            return;
        }
        String typed = apiKey.get().strip();
        boolean connectionChanged = settings.connectionMode != mode.get()
                || !baseUrl.get().strip().equals(settings.hostedBaseUrl) || !typed.isEmpty();
        ops.run("Could not save the API key", () -> typed.isEmpty() ? null : secrets.save(typed), where -> {
            settings.connectionMode = mode.get();
            settings.hostedBaseUrl = baseUrl.get().strip();
            settings.theme = theme.get();
            settings.countdownBeforeStart = countdown.get();
            settings.presetTags = new java.util.ArrayList<>(presets);
            saver.accept(settings);
            apiKey.set("");
            if (!typed.isEmpty()) {
                storedKey.set("Stored key: " + SecretStore.mask(typed) + " (in " + where + ")");
            }
            savedNote.set("Saved.");
            onSaved.accept(connectionChanged);
        });
    }

    public void setOnSaved(Consumer<Boolean> onSaved) {
        this.onSaved = onSaved;
    }

    public Operations operations() {
        return ops;
    }

    public ObjectProperty<Settings.ConnectionMode> modeProperty() {
        return mode;
    }

    public StringProperty baseUrlProperty() {
        return baseUrl;
    }

    public StringProperty apiKeyProperty() {
        return apiKey;
    }

    public ReadOnlyStringProperty storedKeyProperty() {
        return storedKey.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty urlProblemProperty() {
        return urlProblem.getReadOnlyProperty();
    }

    public ObjectProperty<Settings.Theme> themeProperty() {
        return theme;
    }

    public BooleanProperty countdownProperty() {
        return countdown;
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

    public ReadOnlyStringProperty testResultProperty() {
        return testResult.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty savedNoteProperty() {
        return savedNote.getReadOnlyProperty();
    }

    public BooleanBinding canSaveBinding() {
        return canSave;
    }

    public BooleanBinding canAddPresetBinding() {
        return canAddPreset;
    }
}
