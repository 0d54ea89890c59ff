package com.nusomi.recorder.recorder.spool;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The durable upload spool of one server in a data folder: one journal per session under
 * {@code <data>/spool/<server key id>/<session id>/} ({@link SpoolFolders}), so what was recorded for one server is
 * never sent to another. ({@link #open(Path, long, SpoolEvents)} opens the unkeyed {@code <data>/spool/}, for a
 * recorder that only ever talks to one server.) Bounded in size, per server: at 80% of the limit it warns, at the limit frames are skipped (events, tags and stops are
 * always kept). One process at a time owns a spool (a file lock on {@code spool/.lock}).
 */
public final class Spool implements AutoCloseable {
    /** Default size limit: 2 GiB. */
    public static final long DEFAULT_LIMIT_BYTES = 2L << 30;

    private final Path root;
    private final long limitBytes;
    private final SpoolEvents events;
    private final AtomicLong usedBytes = new AtomicLong();
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Map<String, SessionJournal> journals = new HashMap<>();
    private boolean warnedNearlyFull;

    private Spool(Path root, long limitBytes, SpoolEvents events) throws IOException {
        this.root = root;
        this.limitBytes = limitBytes;
        this.events = events;
        PrivateFiles.directories(root);
        this.lockChannel =
                PrivateFiles.open(root.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock l;
        try {
            l = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            l = null;
        }
        if (l == null) {
            lockChannel.close();
            throw new IllegalStateException("the spool " + root + " is in use by another recorder");
        }
        this.lock = l;
        usedBytes.set(measure(root));
    }

    /** Opens (creating) the unkeyed spool of a data folder, {@code <data>/spool}. */
    public static Spool open(Path dataDir, long limitBytes, SpoolEvents events) {
        return openAt(dataDir, SpoolFolders.base(dataDir), limitBytes, events);
    }

    /** Opens (creating) the spool of one server in a data folder, {@code <data>/spool/<server key id>}. */
    public static Spool open(Path dataDir, ServerKey server, long limitBytes, SpoolEvents events) {
        return openAt(dataDir, SpoolFolders.serverRoot(dataDir, server), limitBytes, events);
    }

    private static Spool openAt(Path dataDir, Path root, long limitBytes, SpoolEvents events) {
        try {
            return new Spool(root, limitBytes, events == null ? SpoolEvents.NONE : events);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the spool in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    public Path root() {
        return root;
    }

    public long limitBytes() {
        return limitBytes;
    }

    /** Bytes of entries on disk: pending and rejected. */
    public long usedBytes() {
        return usedBytes.get();
    }

    /** Where this spool reports to. */
    public SpoolEvents events() {
        return events;
    }

    /** Ids of sessions whose journal is not finished (entries pending, or no stop acknowledged yet). */
    public List<String> unfinishedSessions() {
        List<String> ids = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(root)) {
            dirs.filter(Files::isDirectory)
                    .filter(d -> !SpoolFolders.isServerFolder(d))
                    .filter(d -> !Files.exists(d.resolve(SessionJournal.DONE)))
                    .map(d -> d.getFileName().toString())
                    .sorted()
                    .forEach(ids::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ids;
    }

    /** The journal of a session, opened (and created) on first use. */
    public synchronized SessionJournal journal(String sessionId) {
        if (!sessionId.matches("[A-Za-z0-9_-]{1,200}")) {
            throw new IllegalArgumentException("not a usable session id: " + sessionId);
        }
        return journals.computeIfAbsent(sessionId, id -> {
            try {
                return SessionJournal.open(this, id, root.resolve(id));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open the journal of " + id + ": " + e.getMessage(), e);
            }
        });
    }

    /** Reserves room for an entry; a frame is refused (false) when the spool is at its limit. */
    boolean reserve(String sessionId, long bytes, boolean frame) {
        long used;
        while (true) {
            long cur = usedBytes.get();
            if (frame && cur + bytes > limitBytes) {
                events.frameSkipped(sessionId, cur, limitBytes);
                return false;
            }
            if (usedBytes.compareAndSet(cur, cur + bytes)) {
                used = cur + bytes;
                break;
            }
        }
        checkNearlyFull(used);
        return true;
    }

    void release(long bytes) {
        checkNearlyFull(usedBytes.addAndGet(-bytes));
    }

    private void checkNearlyFull(long used) {
        boolean notify = false;
        synchronized (usedBytes) {
            if (!warnedNearlyFull && used >= limitBytes * 0.8) {
                warnedNearlyFull = true;
                notify = true;
            } else if (warnedNearlyFull && used < limitBytes * 0.7) {
                warnedNearlyFull = false;
            }
        }
        if (notify) {
            events.nearlyFull(used, limitBytes);
        }
    }

    private static long measure(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.getFileName().toString().endsWith(SessionJournal.ENTRY_SUFFIX))
                    .mapToLong(p -> {
                        try {
                            return Files.size(p);
                        } catch (IOException e) {
                            return 0;
                        }
                    })
                    .sum();
        }
    }

    /** Releases the spool's lock. Journals stay on disk for the next start. */
    @Override
    public void close() {
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException ignored) {
            // the lock goes with the channel anyway
        }
    }

    static void forceDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // not possible on every platform (Windows); the rename itself is still atomic
        }
    }
}
