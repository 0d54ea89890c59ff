package com.nusomi.recorder.ui.settings;

import com.nusomi.recorder.app.connection.Connector;
import com.nusomi.recorder.app.settings.SecretStore;
import com.nusomi.recorder.app.settings.Settings;
import com.nusomi.recorder.client.ApiKeyMask;
import com.nusomi.recorder.client.SessionsClient;
import com.nusomi.recorder.client.exception.ApiConnectionException;
import com.nusomi.recorder.client.exception.NotSupportedException;
import com.nusomi.recorder.client.model.Health;
import com.nusomi.recorder.client.request.SessionQuery;
import com.nusomi.recorder.ui.common.Operations;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The Settings screen's connection: embedded or hosted, the hosted API's URL and key, and a test of both. The key
 * typed here goes to the {@link SecretStore} and is never shown again in full.
 */
public final class ConnectionSettingsViewModel {
    private final Operations ops;
    private final Settings settings;
    private final SecretStore secrets;
    private final String environmentKey;
    private final ObjectProperty<Settings.ConnectionMode> mode = new SimpleObjectProperty<>();
    private final StringProperty baseUrl = new SimpleStringProperty("");
    private final StringProperty apiKey = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper storedKey = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper urlProblem = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper testResult = new ReadOnlyStringWrapper();

    /**
     * @param ops the Settings screen's operations (busy while testing or saving; the failure shown on the screen)
     * @param settings the saved settings: read by {@link #reset}, written by {@link #apply}
     * @param environmentKey the key {@code NUSOMI_API_KEY} gives, or null
     */
    ConnectionSettingsViewModel(Operations ops, Settings settings, SecretStore secrets, String environmentKey) {
        this.ops = ops;
        this.settings = settings;
        this.secrets = secrets;
        this.environmentKey = environmentKey;
        baseUrl.addListener((o, a, b) -> checkUrl());
        mode.addListener((o, a, b) -> checkUrl());
        // a test that failed: the line beside the button says so too, with the URL and the cause
        ops.failureProperty().subscribe(f -> {
            String result = testResult.get();
            if (f != null && result != null && result.startsWith("Testing ")) {
                testResult.set(f.title() + ": " + f.detail());
            }
        });
    }

    /** Fills the form from the saved settings, and reads (off the UI thread) which key is stored. */
    void reset() {
        mode.set(settings.connectionMode);
        baseUrl.set(settings.hostedBaseUrl == null ? "" : settings.hostedBaseUrl);
        apiKey.set("");
        checkUrl();
        ops.tasks().run(secrets::load, key -> storedKey.set(describeStoredKey(key)), e -> storedKey.set(""));
    }

    private String describeStoredKey(String stored) {
        if (stored != null) {
            return "Stored key: " + ApiKeyMask.mask(stored);
        }
        if (environmentKey != null) {
            return "Using NUSOMI_API_KEY: " + ApiKeyMask.mask(environmentKey);
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
            if ((!scheme.equals("https") && !scheme.equals("http")) || uri.getHost() == null) {
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
        testResult.set("Testing " + url + "\u2026");
        ops.run(
                "Could not connect to " + url,
                () -> {
                    String key = !typed.isEmpty() ? typed : secrets.load() != null ? secrets.load() : environmentKey;
                    try (SessionsClient client = Connector.client(url, key)) {
                        String version;
                        try {
                            Health h = client.health().execute();
                            version = h.version();
                        } catch (NotSupportedException e) {
                            version = null;
                        }
                        client.sessions()
                                .list(SessionQuery.builder().limit(1).build())
                                .execute();
                        return "Connected to " + url + (version != null ? " (server " + version + ")" : "")
                                + "; the key can read sessions.";
                    } catch (ApiConnectionException e) {
                        // "could not be reached" alone does not say why: name the cause (refused, unknown host, TLS)
                        Throwable cause = e;
                        while (cause.getCause() != null) {
                            cause = cause.getCause();
                        }
                        throw new IllegalStateException(
                                (e.isTimeout() ? "No answer in time from " : "No connection to ") + url + ": "
                                        + (cause.getMessage() != null
                                                ? cause.getMessage()
                                                : cause.getClass().getSimpleName()),
                                e);
                    }
                },
                testResult::set);
    }

    /** The key as typed (stripped), empty to keep the stored one. */
    String typedKey() {
        return apiKey.get().strip();
    }

    /** Whether saving the form would change the connection: another mode, another URL, or a new key. */
    boolean changesTheConnection() {
        return settings.connectionMode != mode.get()
                || !baseUrl.get().strip().equals(settings.hostedBaseUrl)
                || !typedKey().isEmpty();
    }

    /** Stores a typed key in the keychain or the 0600 file (off the UI thread): where it went; null if none. */
    String storeKey(String typed) throws IOException {
        return typed.isEmpty() ? null : secrets.save(typed);
    }

    /** Writes the mode and the URL into the settings. */
    void apply() {
        settings.connectionMode = mode.get();
        settings.hostedBaseUrl = baseUrl.get().strip();
    }

    /** The form was saved: the typed key (if any) is stored {@code where}, and shown masked from now on. */
    void keySaved(String typed, String where) {
        apiKey.set("");
        if (!typed.isEmpty()) {
            storedKey.set("Stored key: " + ApiKeyMask.mask(typed) + " (in " + where + ")");
        }
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

    public ReadOnlyStringProperty testResultProperty() {
        return testResult.getReadOnlyProperty();
    }
}
