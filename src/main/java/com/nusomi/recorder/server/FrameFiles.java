package com.nusomi.recorder.server;

import com.nusomi.recorder.files.DataFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Frame images as files named by their SHA-256 ({@code frames/ab/abcdef….img}), so identical frames are stored
 * once. Written to a temporary file and moved into place, so a file under its final name is always complete.
 *
 * <p>An upload {@linkplain #stage stages} the bytes in a temporary file before the writer's transaction (the slow
 * part, outside its lock), then {@linkplain #place places} it under its hash inside the transaction, before the
 * frame's row commits (a rename), so a committed row always names a complete file; {@link #discard} removes a
 * staged file the transaction did not take. Files are not forced to disk: like the database
 * ({@code synchronous=NORMAL}), a frame survives a crash of the process, and a power loss may lose the last ones.
 */
final class FrameFiles {
    private static final Logger LOG = LoggerFactory.getLogger(FrameFiles.class);

    private final Path root;

    FrameFiles(Path root) {
        this.root = root;
    }

    Path path(String sha256) {
        return root.resolve(sha256.substring(0, 2)).resolve(sha256 + ".img");
    }

    /**
     * Writes the bytes to a temporary file beside their final name; null when a file is already stored under the
     * hash (then nothing is written).
     */
    Path stage(String sha256, byte[] bytes) {
        Path target = path(sha256);
        if (Files.isRegularFile(target)) {
            return null;
        }
        try {
            if (!Files.isDirectory(target.getParent())) {
                DataFolder.createPrivate(target.getParent());
            }
            Path tmp = Files.createTempFile(target.getParent(), sha256.substring(0, 8), ".tmp");
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
     * Puts the image under its hash: moves the staged file there, or, with none staged, writes the bytes unless a
     * file is there (it may have been purged since the stage looked).
     */
    void place(String sha256, Path staged, byte[] bytes) {
        Path target = path(sha256);
        if (staged == null) {
            if (Files.isRegularFile(target)) {
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

    /** Whether an image is stored under this hash. */
    boolean has(String sha256) {
        return Files.isRegularFile(path(sha256));
    }

    byte[] read(String sha256) {
        try {
            return Files.readAllBytes(path(sha256));
        } catch (IOException e) {
            throw new UncheckedIOException("frame image " + sha256 + " is missing from " + root, e);
        }
    }

    void deleteAll(Collection<String> hashes) {
        for (String h : hashes) {
            try {
                Files.deleteIfExists(path(h));
            } catch (IOException e) {
                LOG.warn("could not delete frame image {}: {}", h, e.getMessage());
            }
        }
    }
}
