package com.nusomi.recorder.server.store;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
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
 * If that copy cannot be made or loaded, sqlite-jdbc falls back to its own extraction.
 */
final class SqliteNative {
    private static final Logger LOG = LoggerFactory.getLogger(SqliteNative.class);

    private SqliteNative() {}

    /** Before the first connection of the process: points sqlite-jdbc at a copy in {@code folder} (once per JVM). */
    static synchronized void useCopyIn(Path folder) {
        if (System.getProperty("org.sqlite.lib.path") != null || System.getProperty("org.sqlite.lib.name") != null) {
            return; // chosen already (by us for an earlier store, or by whoever launched the JVM)
        }
        try {
            String name = LibraryLoaderUtil.getNativeLibName();
            String resource = LibraryLoaderUtil.getNativeLibResourcePath() + "/" + name;
            URL url = SQLiteJDBCLoader.class.getResource(resource);
            if (url == null) {
                return; // no library for this platform in the jar: sqlite-jdbc says what it tried
            }
            long size = url.openConnection().getContentLengthLong();
            Path dir = folder.resolve("sqlite-jdbc-" + SQLiteJDBCLoader.getVersion())
                    .resolve(resource.substring(
                            resource.indexOf("native/") + "native/".length(), resource.lastIndexOf('/')));
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
            System.setProperty("org.sqlite.lib.path", dir.toString());
            System.setProperty("org.sqlite.lib.name", name);
        } catch (IOException | RuntimeException e) {
            LOG.debug("SQLite's native library stays with sqlite-jdbc's own extraction: {}", e.toString());
        }
    }
}
