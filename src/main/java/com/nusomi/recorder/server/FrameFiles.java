package com.nusomi.recorder.server;

import com.nusomi.recorder.files.DataFolder;
import com.nusomi.recorder.server.store.Store;
import com.nusomi.recorder.server.store.StoreWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Frame images as files named by their SHA-256 ({@code frames/ab/abcdef….img}), so identical frames are stored
 * once. The folder ({@code serve --frames}, else {@code frames/} in the data folder) may be shared by several
 * servers on one database (a network file system): a file is written under a temporary name unique to its writer
 * and renamed into place, so a file under its final name is always complete, whoever wrote it.
 *
 * <p>An upload {@linkplain #stage stages} the bytes in a temporary file before the writer's transaction (the slow
 * part, outside its lock), then, inside it, takes the image's lock ({@link StoreWriter#lockImages}) and
 * {@linkplain #place places} it under its hash before the frame's row commits (a rename), so a committed row always
 * names a complete file; {@link #discard} removes a staged file the transaction did not take.
 *
 * <p>A file no frame uses any more is erased only {@linkplain #eraseAfterCommit after} the transaction that let go
 * of it committed, in a transaction of its own that holds the image's lock while it checks that no frame names the
 * hash and deletes the file: a concurrent write of the same bytes on another server either committed its frame
 * first (the check sees it and the file stays) or waits for the lock and then finds the file gone (and writes it).
 * Files are not forced to disk: like the database ({@code synchronous=NORMAL}), a frame survives a crash of the
 * process, and a power loss may lose the last ones.
 */
final class FrameFiles {
    private static final Logger LOG = LoggerFactory.getLogger(FrameFiles.class);
    /** Temporary files older than this are a crashed writer's leftovers ({@link #removeStaleTemps}). */
    static final Duration STALE_TEMP = Duration.ofHours(1);

    private static final int ERASE_BATCH = 200;
    private static final String TEMP_SUFFIX = ".tmp";

    private final Path root;
    private final Store store;

    FrameFiles(Path root, Store store) {
        this.root = root;
        this.store = store;
    }

    Path root() {
        return root;
    }

    Path path(String sha256) {
        return root.resolve(sha256.substring(0, 2)).resolve(sha256 + ".img");
    }

    /**
     * Writes the bytes to a temporary file beside their final name; null when a file is already stored under the
     * hash (then nothing is written; the transaction looks again under the image's lock, in {@link #place}).
     */
    Path stage(String sha256, byte[] bytes) {
        Path target = path(sha256);
        if (has(sha256)) {
            return null;
        }
        try {
            if (!Files.isDirectory(target.getParent())) {
                DataFolder.createPrivate(target.getParent());
            }
            Path tmp = Files.createTempFile(target.getParent(), sha256.substring(0, 8), TEMP_SUFFIX);
            try {
                Files.write(tmp, bytes);
            } catch (IOException e) {
                Files.deleteIfExists(tmp);
                throw e;
            }
            return tmp;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store frame image " + sha256, e);
        }
    }

    /**
     * Puts the image under its hash, the caller holding the image's lock: moves the staged file there, or, with
     * none staged, writes the bytes unless a file is there (it may have been erased since the stage looked).
     */
    void place(String sha256, Path staged, byte[] bytes) {
        Path target = path(sha256);
        if (staged == null) {
            if (has(sha256)) {
                return;
            }
            staged = stage(sha256, bytes);
            if (staged == null) {
                return;
            }
        }
        try {
            try {
                Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(staged, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            discard(staged);
            throw new UncheckedIOException("cannot store frame image " + sha256, e);
        }
    }

    /** Removes a staged file that was not placed (a no-op once it was). */
    void discard(Path staged) {
        if (staged == null) {
            return;
        }
        try {
            Files.deleteIfExists(staged);
        } catch (IOException e) {
            LOG.warn("could not delete the staged frame image {}: {}", staged, e.getMessage());
        }
    }

    /**
     * Whether an image is stored under this hash. The file is opened rather than looked up: on a network file
     * system an open asks the server (close-to-open consistency), where a lookup may answer from a cache that still
     * holds a file another server erased.
     */
    boolean has(String sha256) {
        try (FileChannel opened = FileChannel.open(path(sha256), StandardOpenOption.READ)) {
            return opened.isOpen();
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            return Files.isRegularFile(path(sha256));
        }
    }

    byte[] read(String sha256) {
        try {
            return Files.readAllBytes(path(sha256));
        } catch (IOException e) {
            throw new UncheckedIOException("frame image " + sha256 + " is missing from " + root, e);
        }
    }

    /**
     * Erases the files of these images that no frame uses once {@code tx} has committed (a transaction that rolls
     * back erases nothing): the caller's transaction removed or repointed the frames that used them.
     */
    void eraseAfterCommit(StoreWriter tx, Collection<String> hashes) {
        if (!hashes.isEmpty()) {
            List<String> copy = List.copyOf(hashes);
            tx.afterCommit(() -> eraseUnreferenced(copy));
        }
    }

    /**
     * Erases the file of each image that no frame uses, in transactions of their own: each takes the locks of its
     * images, checks under them that no frame names an image, and deletes its file before it lets go. Returns how
     * many files went.
     */
    int eraseUnreferenced(Collection<String> hashes) {
        List<String> sorted = new ArrayList<>(new TreeSet<>(hashes));
        int erased = 0;
        for (int from = 0; from < sorted.size(); from += ERASE_BATCH) {
            List<String> batch = sorted.subList(from, Math.min(sorted.size(), from + ERASE_BATCH));
            erased += store.write(tx -> {
                tx.lockImages(batch);
                int n = 0;
                for (String h : batch) {
                    if (!tx.isImageReferenced(h) && delete(h)) {
                        n++;
                    }
                }
                return n;
            });
        }
        return erased;
    }

    private boolean delete(String sha256) {
        try {
            return Files.deleteIfExists(path(sha256));
        } catch (IOException e) {
            LOG.warn("could not delete frame image {}: {}", sha256, e.getMessage());
            return false;
        }
    }

    /**
     * Removes the temporary files that writers left behind when they died mid-write (a crash, a kill): those older
     * than {@code age} by the file's time, which is the file system's clock, compared with this machine's. A live
     * write takes well under a second, so {@link #STALE_TEMP} leaves every one of them alone. Returns how many went.
     */
    int removeStaleTemps(Duration age) {
        Instant before = Instant.now().minus(age);
        int removed = 0;
        try (DirectoryStream<Path> shards = Files.newDirectoryStream(root, Files::isDirectory)) {
            for (Path shard : shards) {
                try (DirectoryStream<Path> temps = Files.newDirectoryStream(shard, "*" + TEMP_SUFFIX)) {
                    for (Path tmp : temps) {
                        if (isOlder(tmp, before) && Files.deleteIfExists(tmp)) {
                            removed++;
                        }
                    }
                }
            }
        } catch (IOException e) {
            LOG.warn("could not clear the leftover temporary files of {}: {}", root, e.getMessage());
        }
        if (removed > 0) {
            LOG.info("removed {} temporary frame files left by an interrupted write", removed);
        }
        return removed;
    }

    private static boolean isOlder(Path file, Instant before) {
        try {
            return Files.getLastModifiedTime(file).toInstant().isBefore(before);
        } catch (IOException e) {
            return false; // gone meanwhile: placed or discarded by its writer
        }
    }
}
