package com.nusomi.recorder.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.nusomi.recorder.app.DirectTaskRunner;
import com.nusomi.recorder.app.settings.SecretStore;
import com.nusomi.recorder.app.settings.Settings;
import com.nusomi.recorder.app.settings.SettingsStore;
import com.nusomi.recorder.server.ApiServer;
import com.nusomi.recorder.server.ServerConfig;
import java.awt.Rectangle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings without a toolkit: persisted, the key kept in a 0600 file (no keychain here) and shown masked. */
class SettingsViewModelTest {
    @TempDir
    Path dir;

    private SettingsViewModel vm(Settings settings, SecretStore secrets) {
        SettingsStore store = new SettingsStore(dir, Runnable::run);
        return new SettingsViewModel(
                new DirectTaskRunner(),
                settings,
                secrets,
                null,
                s -> store.save(s).join());
    }

    @Test
    void savedSettingsSurviveARestartAndTheKeyIsStoredMasked() throws Exception {
        Settings settings = new Settings();
        SecretStore secrets = new SecretStore(dir, false);
        SettingsViewModel vm = vm(settings, secrets);
        AtomicReference<Boolean> changed = new AtomicReference<>();
        vm.setOnSaved(changed::set);
        vm.connection().modeProperty().set(Settings.ConnectionMode.HOSTED);
        vm.connection().baseUrlProperty().set("https://api.example.com");
        vm.connection().apiKeyProperty().set("nsk_live_0123456789abcdefWXYZ");
        vm.themeProperty().set(Settings.Theme.DARK);
        vm.countdownProperty().set(true);
        vm.presetTags().newPresetProperty().set("called_customer");
        vm.presetTags().onAddPreset();
        vm.onSave();

        assertThat(changed.get()).isTrue();
        assertThat(vm.connection().apiKeyProperty().get()).isEmpty();
        assertThat(vm.connection().storedKeyProperty().get())
                .contains("nsk_live_…WXYZ")
                .doesNotContain("0123456789");
        Path keyFile = dir.resolve("hosted.key");
        assertThat(Files.readString(keyFile).strip()).isEqualTo("nsk_live_0123456789abcdefWXYZ");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)))
                .isEqualTo("rw-------");
        assertThat(Files.readString(dir.resolve("settings.json"))).doesNotContain("0123456789");

        Settings reloaded = new SettingsStore(dir, Runnable::run).load();
        assertThat(reloaded.connectionMode).isEqualTo(Settings.ConnectionMode.HOSTED);
        assertThat(reloaded.hostedBaseUrl).isEqualTo("https://api.example.com");
        assertThat(reloaded.theme).isEqualTo(Settings.Theme.DARK);
        assertThat(reloaded.countdownBeforeStart).isTrue();
        assertThat(reloaded.presetTags).endsWith("called_customer");
        assertThat(new SecretStore(dir, false).load()).isEqualTo("nsk_live_0123456789abcdefWXYZ");
    }

    @Test
    void recorderSettingsAreCheckedPersistedAndBecomeTheRecordersOptions() {
        Settings settings = new Settings();
        SettingsViewModel vm = vm(settings, new SecretStore(dir, false));
        vm.capture().setScreens(() -> List.of(new Rectangle(0, 0, 1920, 1080), new Rectangle(1920, 0, 1280, 1024)));
        assertThat(vm.capture().screenChoices()).containsExactly(0, 1, -1);
        assertThat(vm.capture().screenLabel(1)).isEqualTo("Screen 2 (1280×1024 at 1920,0)");

        vm.capture().captureIntervalProperty().set("0");
        assertThat(vm.capture().recorderProblemProperty().get()).contains("0.2 to 60 seconds");
        assertThat(vm.canSaveBinding().get()).isFalse();
        vm.capture().captureIntervalProperty().set("2.5");
        vm.capture().jpegQualityProperty().set("101");
        assertThat(vm.capture().recorderProblemProperty().get()).contains("10 to 100");
        vm.capture().jpegQualityProperty().set("55");
        vm.capture().privacyPatternsProperty().set("Bank\\b\n(unclosed");
        assertThat(vm.capture().recorderProblemProperty().get()).contains("(unclosed");
        vm.capture().privacyPatternsProperty().set("Bank\\b\n\nPassword Manager\n");
        assertThat(vm.capture().recorderProblemProperty().get()).isNull();
        vm.capture().screenProperty().set(-1);
        vm.capture().recordKeyTextProperty().set(true);
        vm.onSave();

        Settings reloaded = new SettingsStore(dir, Runnable::run).load();
        assertThat(reloaded.captureIntervalSeconds).isEqualTo(2.5);
        assertThat(reloaded.jpegQuality).isEqualTo(0.55);
        assertThat(reloaded.captureScreen).isEqualTo(-1);
        assertThat(reloaded.privacyTitlePatterns).containsExactly("Bank\\b", "Password Manager");
        assertThat(reloaded.recordKeyText).isTrue();
        var options = reloaded.recorderOptions(List::of);
        assertThat(options.captureInterval()).isEqualTo(Duration.ofMillis(2500));
        assertThat(options.jpegQuality()).isEqualTo(0.55f);
        assertThat(options.screen().isAll()).isTrue();
        assertThat(options.recordKeyText()).isTrue();
        assertThat(options.privacyTitlePatterns())
                .extracting(Pattern::pattern)
                .containsExactly("Bank\\b", "Password Manager");
    }

    @Test
    void aSaveThatLeavesModeUrlAndKeyAloneDoesNotChangeTheConnection() {
        Settings settings = new Settings();
        SettingsViewModel vm = vm(settings, new SecretStore(dir, false));
        AtomicReference<Boolean> changed = new AtomicReference<>();
        vm.setOnSaved(changed::set);
        vm.themeProperty().set(Settings.Theme.DARK);
        vm.capture().jpegQualityProperty().set("80");
        vm.onSave();

        assertThat(changed.get()).isFalse();
        assertThat(settings.theme).isEqualTo(Settings.Theme.DARK);
        assertThat(settings.jpegQuality).isEqualTo(0.8);
    }

    @Test
    void revertFillsEveryPartOfTheFormFromTheSavedSettings() {
        Settings settings = new Settings();
        settings.presetTags = new ArrayList<>(List.of("kept"));
        SettingsViewModel vm = vm(settings, new SecretStore(dir, false));
        vm.connection().modeProperty().set(Settings.ConnectionMode.HOSTED);
        vm.connection().apiKeyProperty().set("nsk_live_typed");
        vm.presetTags().newPresetProperty().set("added");
        vm.presetTags().onAddPreset();
        vm.capture().captureIntervalProperty().set("7");
        vm.countdownProperty().set(!settings.countdownBeforeStart);
        vm.reset();

        assertThat(vm.connection().modeProperty().get()).isEqualTo(settings.connectionMode);
        assertThat(vm.connection().apiKeyProperty().get()).isEmpty();
        assertThat(vm.presetTags().presets()).containsExactly("kept");
        assertThat(vm.capture().captureIntervalProperty().get()).isEqualTo("1");
        assertThat(vm.countdownProperty().get()).isEqualTo(settings.countdownBeforeStart);
    }

    @Test
    void hostedModeNeedsAUrlAndPresetsFollowTheSlugRule() {
        SettingsViewModel vm = vm(new Settings(), new SecretStore(dir, false));
        vm.connection().modeProperty().set(Settings.ConnectionMode.HOSTED);
        vm.connection().baseUrlProperty().set("not a url");
        assertThat(vm.connection().urlProblemProperty().get()).isNotNull();
        assertThat(vm.canSaveBinding().get()).isFalse();
        vm.connection().baseUrlProperty().set("https://api.example.com");
        assertThat(vm.canSaveBinding().get()).isTrue();
        vm.presetTags().newPresetProperty().set("Bad Tag");
        assertThat(vm.presetTags().presetProblemProperty().get()).isNotNull();
        assertThat(vm.presetTags().canAddPresetBinding().get()).isFalse();
    }

    @Test
    void testConnectionChecksHealthAndTheKey(@TempDir Path serverDir) {
        ApiServer server = ApiServer.start(
                ServerConfig.builder().dataDir(serverDir).port(0).build());
        try {
            SettingsViewModel vm = vm(new Settings(), new SecretStore(dir, false));
            vm.connection().modeProperty().set(Settings.ConnectionMode.HOSTED);
            vm.connection().baseUrlProperty().set(server.baseUrl());
            vm.connection().apiKeyProperty().set("nsk_test_wrong");
            vm.connection().onTestConnection();
            assertThat(vm.operations().getFailure()).isNotNull();
            assertThat(vm.operations().getFailure().requestId()).startsWith("req_");
            vm.connection().apiKeyProperty().set(server.adminKey());
            vm.connection().onTestConnection();
            assertThat(vm.operations().getFailure()).isNull();
            assertThat(vm.connection().testResultProperty().get()).startsWith("Connected");
        } finally {
            server.close();
        }
    }
}
