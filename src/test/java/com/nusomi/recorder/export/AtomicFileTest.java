package com.nusomi.recorder.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
    @TempDir
    Path dir;

    @Test
    void aWholeWriteLandsUnderTheTargetName() throws IOException {
        Path target = dir.resolve("run.html");
        AtomicFile.write(target, out -> out.write("<html>".getBytes(StandardCharsets.UTF_8)));
        assertThat(target).hasContent("<html>");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void aCancelledWriteLeavesNeitherTheTargetNorATemporaryFile() throws IOException {
        Path target = dir.resolve("run.mp4");
        assertThatThrownBy(() -> AtomicFile.write(target, out -> {
                    out.write(new byte[4096]);
                    throw new CancellationException("export cancelled");
                }))
                .isInstanceOf(CancellationException.class);
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aFailedWriteKeepsAnEarlierFileUnderTheTargetName() throws IOException {
        Path target = dir.resolve("run.pdf");
        Files.writeString(target, "earlier");
        assertThatThrownBy(() -> AtomicFile.write(target, out -> {
                    throw new IOException("disk full");
                }))
                .hasMessage("disk full");
        assertThat(target).hasContent("earlier");
    }
}
