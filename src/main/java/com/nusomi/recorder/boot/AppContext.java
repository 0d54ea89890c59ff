package com.nusomi.recorder.boot;

import com.nusomi.recorder.app.AppExecutor;
import com.nusomi.recorder.app.FxTaskRunner;
import com.nusomi.recorder.app.PrivacyChecker;
import com.nusomi.recorder.app.RecorderHost;
import com.nusomi.recorder.app.SessionsChanged;
import com.nusomi.recorder.app.TaskRunner;
import com.nusomi.recorder.app.connection.ConnectionService;
import com.nusomi.recorder.app.connection.Connector;
import com.nusomi.recorder.app.settings.SecretStore;
import com.nusomi.recorder.app.settings.Settings;
import com.nusomi.recorder.app.settings.SettingsStore;
import com.nusomi.recorder.client.SessionsClient;
import com.nusomi.recorder.recorder.capture.ScreenSource;
import com.nusomi.recorder.recorder.capture.ScreenSources;
import com.nusomi.recorder.recorder.capture.WindowLocator;
import com.nusomi.recorder.recorder.capture.WindowLocators;
import com.nusomi.recorder.recorder.input.GlobalInputHook;
import com.nusomi.recorder.recorder.input.InputSource;
import com.nusomi.recorder.recorder.input.NativeHookInputSource;
import com.nusomi.recorder.recorder.privacy.PrivacyCheck;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the app's services and owns them: the executor, the task runner, the settings and the secret store, the
 * connection to the Sessions API and the recorder host. {@link App} builds one from the environment; tests build one
 * on their own data folder and server. Part of the composition root: {@link Screens} hands each screen the services
 * it uses, never this context itself.
 */
public final class AppContext implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AppContext.class);

    private final Path dataDir;
    private final Map<String, String> env;
    private final AppExecutor executor;
    private final TaskRunner tasks;
    private final SettingsStore settingsStore;
    private final Settings settings;
    private final SecretStore secrets;
    private final ConnectionService connection;
    private final Connector connectorOverride;
    private final Clock clock;
    private final RecorderHost recorder;
    private final SessionsChanged sessionsChanged = new SessionsChanged();
    private final GlobalInputHook inputHook;

    private AppContext(Builder b) {
        this.dataDir = Objects.requireNonNull(b.dataDir, "dataDir");
        this.env = b.env;
        this.executor = new AppExecutor();
        this.tasks = b.tasks != null ? b.tasks : new FxTaskRunner(executor.workers());
        this.settingsStore = new SettingsStore(dataDir, executor.workers());
        this.settings = settingsStore.load();
        this.secrets = new SecretStore(dataDir, b.useKeychain);
        this.connection = new ConnectionService(executor.workers(), executor.scheduler(), b.healthPollMillis);
        this.connectorOverride = b.connector;
        this.clock = b.clock;
        this.inputHook = b.inputHook != null ? b.inputHook : GlobalInputHook.system();
        Supplier<InputSource> inputs =
                b.inputSource != null ? b.inputSource : () -> new NativeHookInputSource(inputHook);
        this.recorder = new RecorderHost(
                dataDir,
                b.screenSource,
                inputs,
                b.windowLocator != null ? b.windowLocator : AppContext::defaultWindowLocator);
        this.recorder.follow(connection);
        this.recorder.addListener(sessionsChanged.recorderListener()); // lives as long as the host
        prefillFromEnvironment();
    }

    public static Builder builder() {
        return new Builder();
    }

    private void prefillFromEnvironment() {
        String url = env.get(SessionsClient.ENV_BASE_URL);
        if ((settings.hostedBaseUrl == null || settings.hostedBaseUrl.isBlank()) && url != null && !url.isBlank()) {
            settings.hostedBaseUrl = url.trim();
        }
    }

    /** The API key given by {@code NUSOMI_API_KEY}, or null. */
    public String environmentApiKey() {
        String key = env.get(SessionsClient.ENV_API_KEY);
        return key == null || key.isBlank() ? null : key.trim();
    }

    /** Opens the connection the settings ask for (or the one given to the builder), off the UI thread. */
    public CompletableFuture<?> connect() {
        if (connectorOverride != null) {
            return connection.reconnect(connectorOverride, "Connecting…");
        }
        if (settings.connectionMode == Settings.ConnectionMode.HOSTED && !settings.hostedBaseUrl.isBlank()) {
            String url = settings.hostedBaseUrl;
            return connection.reconnect(
                    () -> {
                        String key = secrets.load();
                        return Connector.remote(url, key != null ? key : environmentApiKey())
                                .connect();
                    },
                    "Hosted · " + url + " (connecting…)");
        }
        return connection.reconnect(Connector.embedded(dataDir), "Embedded server (starting…)");
    }

    public Path dataDir() {
        return dataDir;
    }

    public AppExecutor executor() {
        return executor;
    }

    public TaskRunner tasks() {
        return tasks;
    }

    public Settings settings() {
        return settings;
    }

    public SettingsStore settingsStore() {
        return settingsStore;
    }

    /** Saves the settings off the UI thread. */
    public void saveSettings() {
        settingsStore.save(settings).exceptionally(e -> {
            LOG.warn("Could not save the settings", e);
            return null;
        });
    }

    public SecretStore secrets() {
        return secrets;
    }

    public ConnectionService connection() {
        return connection;
    }

    public Clock clock() {
        return clock;
    }

    /** Where the app's own changes to sessions (created, started, stopped, tagged) are told. */
    public SessionsChanged sessionsChanged() {
        return sessionsChanged;
    }

    /** The recording engine of the current connection (rebuilt when it changes). */
    public RecorderHost recorder() {
        return recorder;
    }

    /**
     * The privacy self-test with the real screen and the platform's window lookup, at the JPEG quality of the
     * settings; its picture goes to {@code privacy-check.png} in the data folder.
     */
    public PrivacyChecker privacyChecker() {
        return (patterns, progress) -> {
            double q = settings.jpegQuality;
            try (WindowLocator windows = WindowLocators.forThisPlatform();
                    ScreenSource screen = ScreenSources.forThisPlatform()) {
                return new PrivacyCheck(
                                screen,
                                windows,
                                windows,
                                patterns,
                                q >= 0.1 && q <= 1 ? (float) q : 0.7f,
                                dataDir.resolve("privacy-check.png"),
                                progress)
                        .run();
            }
        };
    }

    /**
     * The global input hook: registered by the first recording, kept across recorder rebuilds (connection
     * switches), unregistered by {@link #close()}.
     */
    public GlobalInputHook inputHook() {
        return inputHook;
    }

    /** The platform's window locator; it connects to the desktop on first use (during a recording), not at start. */
    static WindowLocator defaultWindowLocator() {
        return WindowLocators.forThisPlatform();
    }

    /**
     * Closes the recorder first (whatever it holds stays on disk for the next start), then unregisters the global
     * input hook (its native thread would keep the process alive), then the connection.
     */
    @Override
    public void close() {
        recorder.close();
        inputHook.close();
        connection.close();
        executor.close();
    }

    /** Builder of {@link AppContext}; only the data folder is required. */
    public static final class Builder {
        private Path dataDir;
        private Map<String, String> env = Map.of();
        private Connector connector;
        private TaskRunner tasks;
        private boolean useKeychain = true;
        private long healthPollMillis = 10_000;
        private Clock clock = Clock.systemUTC();
        private Supplier<ScreenSource> screenSource;
        private Supplier<InputSource> inputSource;
        private GlobalInputHook inputHook;
        private Supplier<WindowLocator> windowLocator;

        /** Where the recorder's frames come from (default: the real screen through AWT's Robot). */
        public Builder screenSource(Supplier<ScreenSource> screenSource) {
            this.screenSource = screenSource;
            return this;
        }

        /** Where the recorder's clicks and keys come from (default: jnativehook global hooks). */
        public Builder inputSource(Supplier<InputSource> inputSource) {
            this.inputSource = inputSource;
            return this;
        }

        /** The global hook the default input source uses (default: {@link GlobalInputHook#system()}). */
        public Builder inputHook(GlobalInputHook inputHook) {
            this.inputHook = inputHook;
            return this;
        }

        /** Reads the desktop's windows (default: the platform's own calls, see WindowLocators). */
        public Builder windowLocator(Supplier<WindowLocator> windowLocator) {
            this.windowLocator = windowLocator;
            return this;
        }

        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        /** The environment to read {@code NUSOMI_BASE_URL} / {@code NUSOMI_API_KEY} from. */
        public Builder environment(Map<String, String> env) {
            this.env = Map.copyOf(env);
            return this;
        }

        /** Always use this connector instead of the one the settings choose (tests). */
        public Builder connector(Connector connector) {
            this.connector = connector;
            return this;
        }

        public Builder tasks(TaskRunner tasks) {
            this.tasks = tasks;
            return this;
        }

        public Builder useKeychain(boolean useKeychain) {
            this.useKeychain = useKeychain;
            return this;
        }

        public Builder healthPollMillis(long millis) {
            this.healthPollMillis = millis;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public AppContext build() {
            return new AppContext(this);
        }
    }
}
