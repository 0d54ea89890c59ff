package com.nusomi.recorder.app;

import com.nusomi.recorder.files.DataFolder;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.logging.Logger;

/**
 * The desktop app's log file: {@code logs/session-recorder.log} in the data folder (folder 0700, files 0600 on
 * POSIX), with the three before it kept as {@code .1} to {@code .3}.
 *
 * <p>Why slf4j-simple pointed at a file ({@code org.slf4j.simpleLogger.logFile}) rather than a logging framework or
 * an appender of our own: the binding is already in the jar (about 15 KB; Logback would add about 900 KB), and the
 * app logs little (info and up). slf4j-simple has no rotation and opens its file truncating it, so the rotation is
 * done here, once, before the first logger exists: at each start a non-empty log moves to {@code .1} (and
 * {@code .1} to {@code .2}, ...), and a log over {@link #ROTATE_BYTES} always does. One file is therefore one run;
 * a single run is not cut at 5 MB (at info level that takes far longer than a working day). A log file set
 * explicitly ({@code -Dorg.slf4j.simpleLogger.logFile=System.err}) is left alone, as is the command line.
 *
 * <p>What goes in: the client scrubs the API key from every message it logs, and no class logs typed key text
 * (the recorder keeps it in the journal only, when the user asked for it).
 *
 * <p>Also hides JavaFX's "Unsupported JavaFX configuration: classes were loaded from 'unnamed module'" warning:
 * the jar runs JavaFX from the class path on purpose (see {@code boot.GuiLauncher}); nothing is unsupported in practice.
 */
public final class AppLog {
    static final String FILE_NAME = "session-recorder.log";
    static final long ROTATE_BYTES = 5L * 1024 * 1024;
    static final int KEEP = 3;
    private static final String LOG_FILE_PROPERTY = "org.slf4j.simpleLogger.logFile";
    private static final boolean POSIX =
            FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    /** Held so that the filter stays: java.util.logging keeps its loggers only weakly. */
    private static final Logger JAVAFX = Logger.getLogger("javafx");

    private AppLog() {}

    /** The folder of the log files in a data folder. */
    public static Path folder(Path dataDir) {
        return dataDir.resolve("logs");
    }

    /**
     * Sends the app's log to the file in {@code dataDir}, rotated. Call before anything logs; if the file cannot be
     * made, the log stays on standard error.
     */
    public static void install(Path dataDir) {
        quietJavaFxClassPathWarning();
        if (System.getProperty(LOG_FILE_PROPERTY) != null) {
            return;
        }
        try {
            Path file = prepare(dataDir);
            System.setProperty(LOG_FILE_PROPERTY, file.toString());
            System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
            System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSZ");
        } catch (IOException | RuntimeException e) {
            // no file: standard error it is
        }
    }

    /** Makes the folder (0700), rotates the old logs, and creates the new, empty file (0600). */
    static Path prepare(Path dataDir) throws IOException {
        Path dir = folder(dataDir);
        DataFolder.createPrivate(dir);
        Path file = dir.resolve(FILE_NAME);
        rotate(file);
        if (POSIX) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
        return file;
    }

    /** Moves a non-empty (or oversized) log to {@code .1}, the older ones one place on, dropping the oldest. */
    static void rotate(Path file) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        long size = Files.size(file);
        if (size == 0) {
            Files.delete(file);
            return;
        }
        Files.deleteIfExists(numbered(file, KEEP));
        for (int i = KEEP - 1; i >= 1; i--) {
            if (Files.exists(numbered(file, i))) {
                Files.move(numbered(file, i), numbered(file, i + 1), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.move(file, numbered(file, 1), StandardCopyOption.REPLACE_EXISTING);
    }

    static Path numbered(Path file, int n) {
        return file.resolveSibling(file.getFileName() + "." + n);
    }

    /** Drops JavaFX's class-path warning (logger "javafx"); every other JavaFX message still goes through. */
    static void quietJavaFxClassPathWarning() {
        JAVAFX.setFilter(r -> r.getMessage() == null || !r.getMessage().startsWith("Unsupported JavaFX configuration"));
    }

    /** The filter on JavaFX's logger (for tests). */
    static Logger javafxLogger() {
        return JAVAFX;
    }
}
