package com.nusomi.recorder.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The log file: a private folder and file, the old runs kept as .1 to .3, JavaFX's class-path warning dropped. */
class AppLogTest {
    @TempDir
    Path data;

    @Test
    void theLogFolderAndFileAreTheOwnersOnly() throws Exception {
        assumeThat(FileSystems.getDefault().supportedFileAttributeViews()).contains("posix");
        Path file = AppLog.prepare(data);

        assertThat(file).isEqualTo(data.resolve("logs/session-recorder.log")).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwx------");
    }

    @Test
    void eachStartMovesTheLastRunOnAndKeepsThree() throws Exception {
        Path file = null;
        for (int run = 1; run <= 5; run++) {
            file = AppLog.prepare(data);
            Files.writeString(file, "run " + run);
        }
        assertThat(file).hasContent("run 5");
        assertThat(AppLog.numbered(file, 1)).hasContent("run 4");
        assertThat(AppLog.numbered(file, 2)).hasContent("run 3");
        assertThat(AppLog.numbered(file, 3)).hasContent("run 2");
        assertThat(AppLog.numbered(file, 4)).doesNotExist();
    }

    @Test
    void anEmptyLogIsNotKept() throws Exception {
        Path file = AppLog.prepare(data);
        AppLog.prepare(data);
        assertThat(AppLog.numbered(file, 1)).doesNotExist();
    }

    @Test
    void javafxsClassPathWarningIsDroppedAndOtherWarningsAreNot() {
        AppLog.quietJavaFxClassPathWarning();
        var filter = AppLog.javafxLogger().getFilter();
        assertThat(filter.isLoggable(new LogRecord(
                        Level.WARNING,
                        "Unsupported JavaFX configuration: classes were loaded from 'unnamed module @5f2108b5'")))
                .isFalse();
        assertThat(filter.isLoggable(new LogRecord(Level.WARNING, "CSS error parsing")))
                .isTrue();
    }
}
