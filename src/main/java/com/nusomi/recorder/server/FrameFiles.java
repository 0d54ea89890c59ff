package com.nusomi.recorder.server;

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

    /** Stores the bytes under their hash unless a file is already there. */
    void ensure(String sha256, byte[] bytes) {
        Path target = path(sha256);
        if (Files.isRegularFile(target)) {
            return;
        }
        try {
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), sha256.substring(0, 8), ".tmp");
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store frame image " + sha256, e);
        }
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
