package com.nusomi.recorder.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.nusomi.recorder.app.DirectTaskRunner;
import com.nusomi.recorder.app.settings.SecretStore;
import com.nusomi.recorder.app.settings.Settings;
import com.nusomi.recorder.app.settings.SettingsStore;
import com.nusomi.recorder.server.ApiServer;
import com.nusomi.recorder.server.ServerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings without a toolkit: persisted, the key kept in a 0600 file (no keychain here) and shown masked. */
class SettingsViewModelTest {
    @TempDir
    Path dir;

    private SettingsViewModel vm(Settings settings, SecretStore secrets) {
        SettingsStore store = new SettingsStore(dir, Runnable::run);
        return new SettingsViewModel(new DirectTaskRunner(), settings, secrets, null, s -> store.save(s).join());
    }

    @Test
    void savedSettingsSurviveARestartAndTheKeyIsStoredMasked() throws Exception {
        Settings settings = new Settings();
        SecretStore secrets = new SecretStore(dir, false);
        SettingsViewModel vm = vm(settings, secrets);
        AtomicReference<Boolean> changed = new AtomicReference<>();
        vm.setOnSaved(changed::set);
        vm.modeProperty().set(Settings.ConnectionMode.HOSTED);
        vm.baseUrlProperty().set("https://api.example.com");
        vm.apiKeyProperty().set("nsk_live_0123456789abcdefWXYZ");
        vm.themeProperty().set(Settings.Theme.DARK);
        vm.countdownProperty().set(true);
        vm.newPresetProperty().set("called_customer");
        vm.onAddPreset();
        vm.onSave();

        assertThat(changed.get()).isTrue();
        assertThat(vm.apiKeyProperty().get()).isEmpty();
        assertThat(vm.storedKeyProperty().get()).contains("nsk_live_…WXYZ").doesNotContain("0123456789");
        Path keyFile = dir.resolve("hosted.key");
        assertThat(Files.readString(keyFile).strip()).isEqualTo("nsk_live_0123456789abcdefWXYZ");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
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
        vm.setScreens(() -> java.util.List.of(new java.awt.Rectangle(0, 0, 1920, 1080),
                new java.awt.Rectangle(1920, 0, 1280, 1024)));
        assertThat(vm.screenChoices()).containsExactly(0, 1, -1);
        assertThat(vm.screenLabel(1)).isEqualTo("Screen 2 (1280×1024 at 1920,0)");

        vm.captureIntervalProperty().set("0");
        assertThat(vm.recorderProblemProperty().get()).contains("0.2 to 60 seconds");
        assertThat(vm.canSaveBinding().get()).isFalse();
        vm.captureIntervalProperty().set("2.5");
        vm.jpegQualityProperty().set("101");
        assertThat(vm.recorderProblemProperty().get()).contains("10 to 100");
        vm.jpegQualityProperty().set("55");
        vm.privacyPatternsProperty().set("Bank\\b\n(unclosed");
        assertThat(vm.recorderProblemProperty().get()).contains("(unclosed");
        vm.privacyPatternsProperty().set("Bank\\b\n\nPassword Manager\n");
        assertThat(vm.recorderProblemProperty().get()).isNull();
        vm.screenProperty().set(-1);
        vm.recordKeyTextProperty().set(true);
        vm.onSave();

        Settings reloaded = new SettingsStore(dir, Runnable::run).load();
        assertThat(reloaded.captureIntervalSeconds).isEqualTo(2.5);
        assertThat(reloaded.jpegQuality).isEqualTo(0.55);
        assertThat(reloaded.captureScreen).isEqualTo(-1);
        assertThat(reloaded.privacyTitlePatterns).containsExactly("Bank\\b", "Password Manager");
        assertThat(reloaded.recordKeyText).isTrue();
        var options = reloaded.recorderOptions(java.util.List::of);
        assertThat(options.captureInterval()).isEqualTo(java.time.Duration.ofMillis(2500));
        assertThat(options.jpegQuality()).isEqualTo(0.55f);
        assertThat(options.screen().isAll()).isTrue();
        assertThat(options.recordKeyText()).isTrue();
        assertThat(options.privacyTitlePatterns()).extracting(java.util.regex.Pattern::pattern)
                .containsExactly("Bank\\b", "Password Manager");
    }

    @Test
    void hostedModeNeedsAUrlAndPresetsFollowTheSlugRule() {
        SettingsViewModel vm = vm(new Settings(), new SecretStore(dir, false));
        vm.modeProperty().set(Settings.ConnectionMode.HOSTED);
        vm.baseUrlProperty().set("not a url");
        assertThat(vm.urlProblemProperty().get()).isNotNull();
        assertThat(vm.canSaveBinding().get()).isFalse();
        vm.baseUrlProperty().set("https://api.example.com");
        assertThat(vm.canSaveBinding().get()).isTrue();
        vm.newPresetProperty().set("Bad Tag");
        assertThat(vm.presetProblemProperty().get()).isNotNull();
        assertThat(vm.canAddPresetBinding().get()).isFalse();
    }

    @Test
    void testConnectionChecksHealthAndTheKey(@TempDir Path serverDir) {
        ApiServer server = ApiServer.start(ServerConfig.builder().dataDir(serverDir).port(0).build());
        try {
            SettingsViewModel vm = vm(new Settings(), new SecretStore(dir, false));
            vm.modeProperty().set(Settings.ConnectionMode.HOSTED);
            vm.baseUrlProperty().set(server.baseUrl());
            vm.apiKeyProperty().set("nsk_test_wrong");
            vm.onTestConnection();
            assertThat(vm.operations().getFailure()).isNotNull();
            assertThat(vm.operations().getFailure().requestId()).startsWith("req_");
            vm.apiKeyProperty().set(server.adminKey());
            vm.onTestConnection();
            assertThat(vm.operations().getFailure()).isNull();
            assertThat(vm.testResultProperty().get()).startsWith("Connected");
        } finally {
            server.close();
        }
    }
}
