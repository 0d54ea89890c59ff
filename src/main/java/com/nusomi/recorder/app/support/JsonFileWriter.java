package com.nusomi.recorder.app.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes one small JSON file (settings, saved filters) so that the last snapshot taken always wins.
 *
 * <ul>
 *   <li>{@link #save} serialises the value on the calling thread (a consistent snapshot of state that only that
 *       thread changes) and numbers it; the write then runs on the executor.</li>
 *   <li>Writes of one writer never run at the same time, and a snapshot older than the one already on disk is
 *       dropped: saves handed to a pool of threads may run in any order and still leave the newest on disk (a
 *       stale write landing last could otherwise undo, say, the list of sessions left recording).</li>
 *   <li>Each write goes to a new temp file in the same folder (0600 on POSIX), is forced to disk, then moved over
 *       the file atomically: a crash leaves the old file or the new one, never half of one.</li>
 * </ul>
 * Make one writer per file and share it.
 */
public final class JsonFileWriter {
    private static final boolean POSIX =
            FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private final Path file;
    private final ObjectMapper mapper;
    private final Executor executor;
    private final AtomicLong taken = new AtomicLong();
    private final Object lock = new Object();
    private long written; // the newest snapshot on disk, guarded by lock

    public JsonFileWriter(Path file, ObjectMapper mapper, Executor executor) {
        this.file = file;
        this.mapper = mapper;
        this.executor = executor;
    }

    public Path file() {
        return file;
    }

    /** Snapshots {@code value} now and writes it on the executor; the future fails if the write does. */
    public CompletableFuture<Void> save(Object value) {
        Snapshot s;
        try {
            s = snapshot(value);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
        return CompletableFuture.runAsync(
                () -> {
                    try {
                        write(s);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                },
                executor);
    }

    /** Snapshots and writes {@code value} on the calling thread (shutdown, tests). */
    public void saveNow(Object value) throws IOException {
        write(snapshot(value));
    }

    /** Serialises and numbers {@code value}: a later snapshot always has a higher number. */
    Snapshot snapshot(Object value) throws IOException {
        byte[] bytes = mapper.writeValueAsBytes(value);
        return new Snapshot(taken.incrementAndGet(), bytes);
    }

    /** Writes a snapshot unless a newer one is on disk already; returns whether it was written. */
    boolean write(Snapshot s) throws IOException {
        synchronized (lock) {
            if (s.seq() < written) {
                return false;
            }
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = POSIX
                    ? Files.createTempFile(dir, file.getFileName() + ".", ".tmp", ownerOnly())
                    : Files.createTempFile(dir, file.getFileName() + ".", ".tmp");
            try {
                try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                    ByteBuffer buf = ByteBuffer.wrap(s.bytes());
                    while (buf.hasRemaining()) {
                        ch.write(buf);
                    }
                    ch.force(true);
                }
                try {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
            if (POSIX) {
                syncDirectory(dir);
            }
            written = s.seq();
            return true;
        }
    }

    private static FileAttribute<?> ownerOnly() {
        return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
    }

    /** Makes the rename itself durable (best effort: not every file system lets a folder be forced). */
    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // the data is on disk; only the rename may not be yet
        }
    }

    /** A value serialised at one moment, with its place in the order of snapshots. */
    // the array is a payload handed over without copying; changing the record would be invasive
    @SuppressWarnings("ArrayRecordComponent")
    record Snapshot(long seq, byte[] bytes) {}
}
