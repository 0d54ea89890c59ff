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
