package com.nusomi.recorder.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where the app keeps its data: {@code --data DIR}, else {@code SESSION_RECORDER_DATA}, else the per-OS place
 * ({@code $XDG_DATA_HOME/session-recorder} on Linux, {@code %APPDATA%\SessionRecorder} on Windows,
 * {@code ~/Library/Application Support/SessionRecorder} on macOS); and how its private folders (0700) and secret
 * files (0600) are made. The embedded server, the app and the command line all use the one data folder, so this
 * lives in a package of its own that depends on nothing else of ours.
 */
public final class DataFolder {
    private static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private DataFolder() {}

    public static Path resolve(Path explicit) {
        return resolve(explicit, System.getenv(), System.getProperty("os.name", ""), System.getProperty("user.home"));
    }

    static Path resolve(Path explicit, Map<String, String> env, String osName, String home) {
        if (explicit != null) {
            return explicit.toAbsolutePath();
        }
        String override = env.get("SESSION_RECORDER_DATA");
        if (override != null && !override.isBlank()) {
            return Path.of(override).toAbsolutePath();
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            return (appData != null ? Path.of(appData) : Path.of(home, "AppData", "Roaming"))
                    .resolve("SessionRecorder");
        }
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Application Support", "SessionRecorder");
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(home, ".local", "share");
        return base.resolve("session-recorder");
    }

    /**
     * Creates the data folder (and any missing parents) readable by its owner only, 0700 where the file system has
     * POSIX permissions; an existing one is narrowed to 0700. Everything the server and the recorder keep is inside:
     * the database, frames, the spool, keys.
     */
    public static void createPrivate(Path dir) throws IOException {
        Path parent = dir.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            createPrivate(parent);
        }
        boolean posix = posix();
        if (!Files.isDirectory(dir)) {
            try {
                if (posix) {
                    Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_DIRECTORY));
                } else {
                    Files.createDirectory(dir);
                }
            } catch (FileAlreadyExistsException raced) {
                // made meanwhile
            }
        }
        if (posix) {
            Files.setPosixFilePermissions(dir, OWNER_DIRECTORY);
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    /** Writes a secret file readable by its owner only (0600 where the file system has POSIX permissions). */
    public static void writeSecret(Path file, String secret) throws IOException {
        if (!Files.isDirectory(file.toAbsolutePath().getParent())) {
            createPrivate(file.toAbsolutePath().getParent());
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        boolean posix = Files.getFileStore(file.toAbsolutePath().getParent()).supportsFileAttributeView("posix");
        if (posix) {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(tmp);
        }
        Files.writeString(tmp, secret + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.WRITE);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
