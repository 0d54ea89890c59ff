package com.nusomi.recorder.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SQLite's native library copied once next to the database, and found again from the platform file. */
class SqliteNativeTest {
    @TempDir
    Path folder;

    private final String platform = System.getProperty("os.name") + "/" + System.getProperty("os.arch") + "\n";

    @Test
    void theFirstStartCopiesTheLibraryAndRecordsWhereLaterOnesFindIt() throws Exception {
        Path lib = SqliteNative.copyIn(folder);

        assertThat(lib).isRegularFile().isNotEmptyFile();
        Path versionDir = lib.getParent().getParent().getParent();
        String recorded = Files.readString(versionDir.resolve(SqliteNative.PLATFORM_FILE), StandardCharsets.UTF_8);
        assertThat(recorded).isEqualTo(platform + versionDir.relativize(lib.getParent()) + "\n");
        assertThat(SqliteNative.copyIn(folder)).isEqualTo(lib);
    }

    @Test
    void aLaterStartTakesTheRecordedFolderWithoutDetectingThePlatform() throws Exception {
        Path lib = SqliteNative.copyIn(folder);
        Path versionDir = lib.getParent().getParent().getParent();
        Path elsewhere = Files.createDirectories(versionDir.resolve("elsewhere"));
        Files.copy(lib, elsewhere.resolve(lib.getFileName()));
        Files.writeString(versionDir.resolve(SqliteNative.PLATFORM_FILE), platform + "elsewhere\n");

        assertThat(SqliteNative.copyIn(folder)).isEqualTo(elsewhere.resolve(lib.getFileName()));
    }

    @Test
    void aRecordOfAnotherPlatformOrOutsideTheFolderIsIgnoredAndRewritten() throws Exception {
        Path lib = SqliteNative.copyIn(folder);
        Path versionDir = lib.getParent().getParent().getParent();
        Path platformFile = versionDir.resolve(SqliteNative.PLATFORM_FILE);
        String mine = Files.readString(platformFile);
        Files.copy(lib, Files.createDirectories(versionDir.resolve("other")).resolve(lib.getFileName()));
        Files.copy(lib, folder.resolve(lib.getFileName()));

        Files.writeString(platformFile, "Plan9/mips\nother\n");
        assertThat(SqliteNative.copyIn(folder)).isEqualTo(lib);
        assertThat(platformFile).hasContent(mine);

        Files.writeString(platformFile, platform + "..\n"); // the folder above, where a copy lies too
        assertThat(SqliteNative.copyIn(folder)).isEqualTo(lib);
        assertThat(platformFile).hasContent(mine);
    }
}
