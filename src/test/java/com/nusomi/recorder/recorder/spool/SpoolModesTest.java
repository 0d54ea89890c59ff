package com.nusomi.recorder.recorder.spool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** On POSIX, the spool (frames and events waiting for upload, its logs) is its owner's only: 0700 and 0600. */
class SpoolModesTest {
    private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xd9};

    @Test
    void everySpoolFolderAndFileIsPrivate(@TempDir Path temp) throws Exception {
        assumeThat(FileSystems.getDefault().supportedFileAttributeViews()).contains("posix");
        Path data = temp.resolve("data");
        try (Spool spool = Spool.open(data, Spool.DEFAULT_LIMIT_BYTES, SpoolEvents.NONE)) {
            SessionJournal j = spool.journal("ses_modes");
            for (int i = 0; i < 3; i++) {
                j.appendFrame(Instant.now(), "image/jpeg", JPEG);
            }
            j.appendStop();
            for (SessionJournal.Pending head = j.awaitHead(0); head != null && !j.isDone(); head = j.awaitHead(0)) {
                j.ack(head); // acked.log, and with the stop the 'done' marker
            }
            assertThat(j.isDone()).isTrue();
            spool.journal("ses_pending").appendFrame(Instant.now(), "image/jpeg", JPEG);
        }

        assertThat(mode(data)).isEqualTo("rwx------");
        try (Stream<Path> all = Files.walk(data.resolve("spool"))) {
            for (Path p : all.toList()) {
                assertThat(mode(p)).as(p.toString()).isEqualTo(Files.isDirectory(p) ? "rwx------" : "rw-------");
            }
        }
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}
