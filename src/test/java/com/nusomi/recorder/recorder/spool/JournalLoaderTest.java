package com.nusomi.recorder.recorder.spool;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a journal folder back after a crash: what is pending, what goes, and where numbering goes on. */
class JournalLoaderTest {
    @TempDir
    Path dir;

    private final AtomicLong released = new AtomicLong();

    private Path file(String name, int bytes) throws Exception {
        Path f = dir.resolve(name);
        Files.write(f, new byte[bytes]);
        return f;
    }

    private void ackLog(String text) throws Exception {
        Files.writeString(dir.resolve(AckLog.FILE), text, StandardCharsets.UTF_8);
    }

    @Test
    void anEmptyFolderStartsAtZero() throws Exception {
        JournalLoader.Loaded l = JournalLoader.load(dir, released::addAndGet);
        assertThat(l.pending()).isEmpty();
        assertThat(l.nextIndex()).isZero();
        assertThat(l.nextFrameSeq()).isZero();
        assertThat(l.stopRecorded()).isFalse();
        assertThat(l.done()).isFalse();
    }

    @Test
    void entriesNotAcknowledgedArePendingInJournalOrder() throws Exception {
        file("000000000003-tag.entry", 5);
        file("000000000001-frame-0.entry", 6);
        file("000000000002-events.entry", 7);

        JournalLoader.Loaded l = JournalLoader.load(dir, released::addAndGet);

        assertThat(l.pending()).extracting(SessionJournal.Pending::index).containsExactly(1L, 2L, 3L);
        assertThat(l.pending()).extracting(SessionJournal.Pending::bytes).containsExactly(6L, 7L, 5L);
        assertThat(l.nextIndex()).isEqualTo(4);
        assertThat(l.nextFrameSeq()).isEqualTo(1);
    }

    @Test
    void anAcknowledgedFileLeftByACrashIsDeletedAndItsBytesReleased() throws Exception {
        Path acked = file("000000000000-frame-0.entry", 11);
        file("000000000001-frame-1.entry", 6);
        ackLog("0 frame 0\n");

        JournalLoader.Loaded l = JournalLoader.load(dir, released::addAndGet);

        assertThat(acked).doesNotExist();
        assertThat(released).hasValue(11);
        assertThat(l.pending()).extracting(SessionJournal.Pending::index).containsExactly(1L);
    }

    @Test
    void anUnfinishedTemporaryFileIsDeletedAndNeverPending() throws Exception {
        Path tmp = file("000000000005-frame-9.entry.tmp", 3);

        JournalLoader.Loaded l = JournalLoader.load(dir, released::addAndGet);

        assertThat(tmp).doesNotExist();
        assertThat(l.pending()).isEmpty();
        assertThat(l.nextIndex()).isZero();
        assertThat(released).hasValue(0);
    }

    @Test
    void numberingGoesOnAfterTheHighestAcknowledgedRefusedOrPending() throws Exception {
        ackLog("0 frame 0\n7 frame 4\n");
        RejectedLog.createFolder(dir);
        Path refused = file("000000000009-frame-6.entry", 2);
        new RejectedLog(dir)
                .add(
                        new SessionJournal.Pending(9, EntryKind.FRAME, 6, refused, 2),
                        400,
                        "frame_invalid",
                        "bad",
                        null,
                        Instant.now());
        file("000000000008-events.entry", 2);

        JournalLoader.Loaded l = JournalLoader.load(dir, released::addAndGet);

        assertThat(l.nextIndex()).isEqualTo(10);
        assertThat(l.nextFrameSeq()).isEqualTo(7);
        assertThat(l.rejectedCount()).isEqualTo(1);
        assertThat(l.acked()).hasSize(2);
    }

    @Test
    void aStopAcknowledgedRefusedOrPendingCountsAsRecorded() throws Exception {
        ackLog("0 stop -1\n");
        assertThat(JournalLoader.load(dir, released::addAndGet).stopRecorded()).isTrue();

        Files.delete(dir.resolve(AckLog.FILE));
        file("000000000000-stop.entry", 1);
        assertThat(JournalLoader.load(dir, released::addAndGet).stopRecorded()).isTrue();

        RejectedLog.createFolder(dir);
        Path stop = dir.resolve("000000000000-stop.entry");
        new RejectedLog(dir)
                .add(
                        new SessionJournal.Pending(0, EntryKind.STOP, -1, stop, 1),
                        409,
                        "session_not_recording",
                        "refused",
                        null,
                        Instant.now());
        assertThat(JournalLoader.load(dir, released::addAndGet).stopRecorded()).isTrue();
    }

    @Test
    void theDoneMarkerIsRead() throws Exception {
        file(SessionJournal.DONE, 1);
        assertThat(JournalLoader.load(dir, released::addAndGet).done()).isTrue();
    }
}
