package com.nusomi.recorder.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the data folder is, and that its folders and secrets are made for their owner only. */
class DataFolderTest {
    @TempDir
    Path temp;

    @Test
    void anExplicitFolderWinsOverTheEnvironment() {
        Path chosen = DataFolder.resolve(
                Path.of("chosen"), Map.of("SESSION_RECORDER_DATA", "/elsewhere"), "Linux", "/home/u");
        assertThat(chosen).isEqualTo(Path.of("chosen").toAbsolutePath());
    }

    @Test
    void theEnvironmentVariableWinsOverThePlatformsPlace() {
        assertThat(DataFolder.resolve(null, Map.of("SESSION_RECORDER_DATA", "/data/rec"), "Linux", "/home/u"))
                .isEqualTo(Path.of("/data/rec").toAbsolutePath());
    }

    @Test
    void eachPlatformHasItsOwnPlace() {
        assertThat(DataFolder.resolve(null, Map.of(), "Linux", "/home/u"))
                .isEqualTo(Path.of("/home/u", ".local", "share", "session-recorder"));
        assertThat(DataFolder.resolve(null, Map.of("XDG_DATA_HOME", "/xdg"), "Linux", "/home/u"))
                .isEqualTo(Path.of("/xdg", "session-recorder"));
        assertThat(DataFolder.resolve(null, Map.of(), "Mac OS X", "/Users/u"))
                .isEqualTo(Path.of("/Users/u", "Library", "Application Support", "SessionRecorder"));
        assertThat(DataFolder.resolve(null, Map.of("APPDATA", "/appdata"), "Windows 11", "/users/u"))
                .isEqualTo(Path.of("/appdata", "SessionRecorder"));
    }

    @Test
    void createPrivateMakesMissingParentsPrivate() throws IOException {
        assumeThat(FileSystems.getDefault().supportedFileAttributeViews()).contains("posix");
        Path deep = temp.resolve("a").resolve("b");
        DataFolder.createPrivate(deep);

        assertThat(mode(temp.resolve("a"))).isEqualTo("rwx------");
        assertThat(mode(deep)).isEqualTo("rwx------");
    }

    @Test
    void createPrivateNarrowsAnExistingFolder() throws IOException {
        assumeThat(FileSystems.getDefault().supportedFileAttributeViews()).contains("posix");
        Path open = Files.createDirectory(
                temp.resolve("open"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        DataFolder.createPrivate(open);

        assertThat(mode(open)).isEqualTo("rwx------");
    }

    @Test
    void aSecretIsItsOwnersOnlyAndReplacesTheOldOne() throws IOException {
        assumeThat(FileSystems.getDefault().supportedFileAttributeViews()).contains("posix");
        Path file = temp.resolve("keys").resolve("hosted.key");
        DataFolder.writeSecret(file, "first");
        DataFolder.writeSecret(file, "second");

        assertThat(Files.readString(file).strip()).isEqualTo("second");
        assertThat(mode(file)).isEqualTo("rw-------");
        assertThat(file.resolveSibling("hosted.key.tmp")).doesNotExist();
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}
