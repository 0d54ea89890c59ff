package com.nusomi.recorder.recorder.spool;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The layout of a data folder's spools, one per server: {@code <data>/spool/<server key id>/<session id>/}, each
 * server folder marked by a {@value #LABEL} file holding the server's label (never a key). Also moves an unkeyed
 * spool of an older version ({@code <data>/spool/<session id>/}) into a server's folder, and counts what waits for
 * servers other than the current one.
 */
public final class SpoolFolders {
    /** The file that marks a server's folder and names the server for people. */
    public static final String LABEL = "server.label";

    private static final Logger LOG = LoggerFactory.getLogger(SpoolFolders.class);

    private SpoolFolders() {}

    /** Entries waiting on disk for a server the app is not connected to. */
    public record Backlog(String serverId, String serverLabel, int sessions, int entries) {}

    /** {@code <data>/spool}: the unkeyed spool of older versions, and the parent of every server's spool. */
    public static Path base(Path dataDir) {
        return dataDir.resolve("spool");
    }

    /** The spool folder of a server, created and marked with its label. */
    public static Path serverRoot(Path dataDir, ServerKey key) {
        Path dir = base(dataDir).resolve(key.id());
        try {
            PrivateFiles.directories(dir);
            Path label = dir.resolve(LABEL);
            if (!Files.exists(label)) {
                Files.writeString(label, key.label(), StandardCharsets.UTF_8);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the spool of " + key.label() + ": " + e.getMessage(), e);
        }
    }

    /** True for a server's spool folder (as opposed to an unkeyed session journal). */
    static boolean isServerFolder(Path dir) {
        return Files.isRegularFile(dir.resolve(LABEL));
    }

    /**
     * Moves the session journals of an unkeyed spool ({@code <data>/spool/<session id>/}, written by versions that
     * did not key spools by server) into the spool of {@code owner}. Which server they were recorded for is not on
     * disk; the caller passes the server the app connects to first after the upgrade: the one the settings kept,
     * i.e. the one the older version last recorded for (the embedded server unless changed). Skipped (and tried
     * again next time) while another process holds the unkeyed spool's lock. Returns the session ids moved.
     */
    public static List<String> adoptLegacy(Path dataDir, ServerKey owner) {
        Path base = base(dataDir);
        List<String> moved = new ArrayList<>();
        if (!Files.isDirectory(base)) {
            return moved;
        }
        List<Path> journals = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(base)) {
            dirs.filter(Files::isDirectory)
                    .filter(d -> !isServerFolder(d))
                    .filter(d -> Files.isDirectory(d.resolve("rejected")))
                    .forEach(journals::add);
        } catch (IOException e) {
            LOG.warn("cannot look for an unkeyed spool in {}: {}", base, e.toString());
            return moved;
        }
        if (journals.isEmpty()) {
            return moved;
        }
        try (FileChannel ch =
                        PrivateFiles.open(base.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = tryLock(ch)) {
            if (lock == null) {
                LOG.warn("the unkeyed spool {} is in use by another recorder; not moved", base);
                return moved;
            }
            Path target = serverRoot(dataDir, owner);
            for (Path j : journals) {
                Path to = target.resolve(j.getFileName());
                if (Files.exists(to)) {
                    LOG.warn("not moving {}: {} exists", j, to);
                    continue;
                }
                Files.move(j, to, StandardCopyOption.ATOMIC_MOVE);
                moved.add(j.getFileName().toString());
            }
            Spool.forceDirectory(base);
            Spool.forceDirectory(target);
        } catch (IOException e) {
            LOG.warn("cannot move the unkeyed spool {} to {}: {}", base, owner.label(), e.toString());
        }
        if (!moved.isEmpty()) {
            LOG.info(
                    "moved {} session spool(s) of an older version to the spool of {}: {}",
                    moved.size(),
                    owner.label(),
                    moved);
        }
        return moved;
    }

    private static FileLock tryLock(FileChannel ch) throws IOException {
        try {
            return ch.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    /** What waits on disk for servers other than {@code current} (servers with nothing waiting are left out). */
    public static List<Backlog> backlogElsewhere(Path dataDir, ServerKey current) {
        List<Backlog> out = new ArrayList<>();
        Path base = base(dataDir);
        if (!Files.isDirectory(base)) {
            return out;
        }
        try (Stream<Path> dirs = Files.list(base)) {
            for (Path server :
                    dirs.filter(SpoolFolders::isServerFolder).sorted().toList()) {
                String id = server.getFileName().toString();
                if (current != null && id.equals(current.id())) {
                    continue;
                }
                Backlog b = backlog(server);
                if (b.entries() > 0) {
                    out.add(b);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("cannot count the entries waiting in {}: {}", base, e.toString());
        }
        return out;
    }

    private static Backlog backlog(Path server) throws IOException {
        int sessions = 0;
        int entries = 0;
        try (Stream<Path> journals = Files.list(server)) {
            for (Path j : journals.filter(Files::isDirectory).toList()) {
                if (Files.exists(j.resolve(SessionJournal.DONE))) {
                    continue;
                }
                long n;
                try (Stream<Path> files = Files.list(j)) {
                    n = files.filter(f -> f.getFileName().toString().endsWith(SessionJournal.ENTRY_SUFFIX))
                            .count();
                }
                if (n > 0) {
                    sessions++;
                    entries += (int) n;
                }
            }
        }
        String label =
                Files.readString(server.resolve(LABEL), StandardCharsets.UTF_8).strip();
        return new Backlog(server.getFileName().toString(), label, sessions, entries);
    }
}
