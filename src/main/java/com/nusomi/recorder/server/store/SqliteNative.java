package com.nusomi.recorder.server.store;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * Where SQLite's native library is loaded from. Left to itself, sqlite-jdbc copies the library (about 1 MB) out of
 * its jar into the temp folder under a new name on every start, then reads both copies back one byte at a time to
 * compare them: half a second of CPU at start-up on a small machine, competing with the first window. Here the
 * library is copied once into {@code native/sqlite-jdbc-VERSION/} next to the database (again only if its size
 * differs from the jar's copy, say after an update) and sqlite-jdbc is pointed at it ({@code org.sqlite.lib.path}).
 * If that copy cannot be made or loaded, sqlite-jdbc falls back to its own extraction. A later start finds its copy
 * without sqlite-jdbc's platform detection ({@link #copyIn}).
 */
final class SqliteNative {
    private static final Logger LOG = LoggerFactory.getLogger(SqliteNative.class);
    /** Next to the copies: the platform ({@code os.name/os.arch}) and, on the next line, the copy's folder. */
    static final String PLATFORM_FILE = "platform";

    private SqliteNative() {}

    /** Before the first connection of the process: points sqlite-jdbc at a copy in {@code folder} (once per JVM). */
    static synchronized void useCopyIn(Path folder) {
        if (System.getProperty("org.sqlite.lib.path") != null || System.getProperty("org.sqlite.lib.name") != null) {
            return; // chosen already (by us for an earlier store, or by whoever launched the JVM)
        }
        try {
            Path lib = copyIn(folder);
            if (lib != null) {
                System.setProperty("org.sqlite.lib.path", lib.getParent().toString());
                System.setProperty("org.sqlite.lib.name", lib.getFileName().toString());
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("SQLite's native library stays with sqlite-jdbc's own extraction: {}", e.toString());
        }
    }

    /**
     * The copy of the library in {@code folder} for this platform, made if missing; null if the jar has none for it.
     * A copy made before is found from {@value #PLATFORM_FILE} (the platform it was made on and its folder) without
     * asking sqlite-jdbc which platform this is: on Linux that runs {@code uname -o} in a new process, about 70 ms of
     * every start. Should that copy not load after all, sqlite-jdbc goes on to its own extraction.
     */
    static Path copyIn(Path folder) throws IOException {
        String name = LibraryLoaderUtil.getNativeLibName();
        Path versionDir = folder.resolve("sqlite-jdbc-" + SQLiteJDBCLoader.getVersion());
        Path platformFile = versionDir.resolve(PLATFORM_FILE);
        String platform = System.getProperty("os.name") + "/" + System.getProperty("os.arch") + "\n";
        if (Files.isRegularFile(platformFile)) {
            String recorded = Files.readString(platformFile, StandardCharsets.UTF_8);
            if (recorded.startsWith(platform)) {
                Path lib = versionDir
                        .resolve(recorded.substring(platform.length()).strip())
                        .resolve(name);
                if (lib.normalize().startsWith(versionDir.normalize()) && Files.isRegularFile(lib)) {
                    return lib;
                }
            }
        }
        String resource = LibraryLoaderUtil.getNativeLibResourcePath() + "/" + name;
        URL url = SQLiteJDBCLoader.class.getResource(resource);
        if (url == null) {
            return null; // no library for this platform in the jar: sqlite-jdbc says what it tried
        }
        long size = url.openConnection().getContentLengthLong();
        String sub = resource.substring(resource.indexOf("native/") + "native/".length(), resource.lastIndexOf('/'));
        Path dir = versionDir.resolve(sub);
        Path lib = dir.resolve(name);
        if (size <= 0 || !Files.isRegularFile(lib) || Files.size(lib) != size) {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, name, ".tmp");
            try (InputStream in = url.openStream()) {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                Files.move(tmp, lib, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
        Path tmp = Files.createTempFile(versionDir, PLATFORM_FILE, ".tmp");
        try {
            Files.writeString(tmp, platform + sub + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, platformFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return lib;
    }
}
