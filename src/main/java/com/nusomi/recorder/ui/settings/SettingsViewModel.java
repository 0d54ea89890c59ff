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
    private final StringProperty captureInterval = new SimpleStringProperty("1");
    private final StringProperty jpegQuality = new SimpleStringProperty("70");
    private final ObjectProperty<Integer> screen = new SimpleObjectProperty<>(0);
    private final ObservableList<Integer> screenChoices = FXCollections.observableArrayList(0, -1);
    private final java.util.Map<Integer, String> screenLabels = new java.util.HashMap<>();
    private final StringProperty privacyPatterns = new SimpleStringProperty("");
    private final BooleanProperty recordKeyText = new SimpleBooleanProperty();
    private final ReadOnlyStringWrapper recorderProblem = new ReadOnlyStringWrapper();
    private java.util.function.Supplier<java.util.List<java.awt.Rectangle>> screens = java.util.List::of;
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
        captureInterval.addListener((o, a, b) -> checkRecorder());
        jpegQuality.addListener((o, a, b) -> checkRecorder());
        privacyPatterns.addListener((o, a, b) -> checkRecorder());
        reset();
        canSave = ops.busyProperty().not().and(urlProblem.isNull()).and(recorderProblem.isNull());
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
        captureInterval.set(number(settings.captureIntervalSeconds));
        jpegQuality.set(String.valueOf(Math.round(settings.jpegQuality * 100)));
        screen.set(settings.captureScreen);
        privacyPatterns.set(String.join("\n", settings.privacyTitlePatterns));
        recordKeyText.set(settings.recordKeyText);
        loadScreens();
        checkUrl();
        checkRecorder();
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

    /** Where the screens come from (the recorder's screen source); read off the UI thread. */
    public void setScreens(java.util.function.Supplier<java.util.List<java.awt.Rectangle>> screens) {
        this.screens = screens;
        loadScreens();
    }

    /** Lists the screens again (e.g. once the recorder is ready). */
    public void refreshScreens() {
        loadScreens();
    }

    private void loadScreens() {
        int chosen = settings.captureScreen;
        screenLabels.put(0, "Primary screen");
        screenLabels.put(-1, "All screens");
        ops.tasks().run(() -> screens.get(), list -> {
            java.util.List<Integer> choices = new java.util.ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                java.awt.Rectangle r = list.get(i);
                screenLabels.put(i, (i == 0 ? "Primary screen" : "Screen " + (i + 1)) + " (" + r.width + "×"
                        + r.height + " at " + r.x + "," + r.y + ")");
                choices.add(i);
            }
            if (choices.isEmpty()) {
                choices.add(0);
            }
            if (chosen > 0 && !choices.contains(chosen)) {
                screenLabels.put(chosen, "Screen " + (chosen + 1) + " (not connected now)");
                choices.add(chosen);
            }
            choices.add(-1);
            screenChoices.setAll(choices);
            screen.set(chosen);
        }, e -> { });
    }

    /** How a screen choice reads in the list. */
    public String screenLabel(Integer index) {
        return index == null ? "" : screenLabels.getOrDefault(index, "Screen " + (index + 1));
    }

    private static String number(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    private void checkRecorder() {
        recorderProblem.set(recorderProblem(captureInterval.get(), jpegQuality.get(), privacyPatterns.get()));
    }

    static String recorderProblem(String interval, String quality, String patterns) {
        try {
            double i = Double.parseDouble(interval.strip());
            if (!(i >= 0.2 && i <= 60)) {
                return "The capture interval is 0.2 to 60 seconds";
            }
        } catch (NumberFormatException e) {
            return "The capture interval is a number of seconds, like 1 or 0.5";
        }
        try {
            int q = Integer.parseInt(quality.strip());
            if (q < 10 || q > 100) {
                return "The JPEG quality is 10 to 100";
            }
        } catch (NumberFormatException e) {
            return "The JPEG quality is a whole number from 10 to 100";
        }
        for (String line : patterns.split("\\R")) {
            if (!line.isBlank()) {
                try {
                    java.util.regex.Pattern.compile(line.strip());
                } catch (java.util.regex.PatternSyntaxException e) {
                    return "Not a valid pattern: " + line.strip() + " (" + e.getDescription() + ")";
                }
            }
        }
        return null;
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
                    Health h = client.health().execute();
                    version = h.version();
                } catch (NotSupportedException e) {
                    version = null;
                }
                client.sessions().list(SessionQuery.builder().limit(1).build()).execute();
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
            settings.captureIntervalSeconds = Double.parseDouble(captureInterval.get().strip());
            settings.jpegQuality = Integer.parseInt(jpegQuality.get().strip()) / 100.0;
            settings.captureScreen = screen.get() == null ? 0 : screen.get();
            settings.privacyTitlePatterns = new java.util.ArrayList<>(privacyPatterns.get().lines()
                    .map(String::strip).filter(l -> !l.isEmpty()).toList());
            settings.recordKeyText = recordKeyText.get();
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

    /** Seconds between screenshots, as typed. */
    public StringProperty captureIntervalProperty() {
        return captureInterval;
    }

    /** JPEG quality 10–100, as typed. */
    public StringProperty jpegQualityProperty() {
        return jpegQuality;
    }

    /** The screen to capture: 0 primary, N the N-th, -1 all. */
    public ObjectProperty<Integer> screenProperty() {
        return screen;
    }

    public ObservableList<Integer> screenChoices() {
        return screenChoices;
    }

    /** Window-title patterns to black out, one per line. */
    public StringProperty privacyPatternsProperty() {
        return privacyPatterns;
    }

    public BooleanProperty recordKeyTextProperty() {
        return recordKeyText;
    }

    public ReadOnlyStringProperty recorderProblemProperty() {
        return recorderProblem.getReadOnlyProperty();
    }

    public BooleanBinding canSaveBinding() {
        return canSave;
    }

    public BooleanBinding canAddPresetBinding() {
        return canAddPreset;
    }
}
