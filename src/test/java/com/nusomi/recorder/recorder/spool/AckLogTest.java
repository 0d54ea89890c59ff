package com.nusomi.recorder.recorder.spool;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code acked.log}: read back after a torn last line, and entry files deleted only once lines are forced. */
class AckLogTest {
    @TempDir
    Path dir;

    private final AtomicLong released = new AtomicLong();

    private SessionJournal.Pending entry(long index, EntryKind kind, long seq) throws IOException {
        Path file = dir.resolve(index + "-" + kind.fileTag() + SessionJournal.ENTRY_SUFFIX);
        Files.write(file, new byte[10]);
        return new SessionJournal.Pending(index, kind, seq, file, 10);
    }

    private void writeLog(String text) throws IOException {
        Files.writeString(dir.resolve(AckLog.FILE), text, StandardCharsets.UTF_8);
    }

    @Test
    void aTornLastLineIsSkippedAndEndedSoTheNextLineReadsBack() throws Exception {
        writeLog("0 frame 0\n1 events -1\n2 fra");
        List<AckLog.Line> lines = AckLog.read(dir);
        assertThat(lines).containsExactly(new AckLog.Line(0, "frame", 0), new AckLog.Line(1, "events", -1));
        assertThat(Files.readString(dir.resolve(AckLog.FILE))).endsWith("\n");

        new AckLog(dir, lines, released::addAndGet).ack(entry(3, EntryKind.TAG, -1), true);

        assertThat(AckLog.read(dir))
                .containsExactly(
                        new AckLog.Line(0, "frame", 0),
                        new AckLog.Line(1, "events", -1),
                        new AckLog.Line(3, "tag", -1));
    }

    @Test
    void aMissingLogReadsAsNoLines() throws Exception {
        assertThat(AckLog.read(dir)).isEmpty();
        assertThat(dir.resolve(AckLog.FILE)).doesNotExist();
    }

    @Test
    void frameSeqsGoOnFromTheLinesReadBack() throws Exception {
        writeLog("0 frame 0\n1 events -1\n2 frame 1\n");
        AckLog log = new AckLog(dir, AckLog.read(dir), released::addAndGet);
        log.ack(entry(3, EntryKind.FRAME, 2), true);
        assertThat(log.frameSeqs()).containsExactly(0L, 1L, 2L);
    }

    @Test
    void framesKeepTheirFilesUntilAGroupIsFull() throws Exception {
        AckLog log = new AckLog(dir, List.of(), released::addAndGet);
        List<SessionJournal.Pending> frames = new ArrayList<>();
        for (int i = 0; i < AckLog.GROUP - 1; i++) {
            frames.add(entry(i, EntryKind.FRAME, i));
            log.ack(frames.get(i), false);
        }
        assertThat(frames).allSatisfy(p -> assertThat(p.file()).exists());
        assertThat(released).hasValue(0);

        SessionJournal.Pending last = entry(AckLog.GROUP - 1, EntryKind.FRAME, AckLog.GROUP - 1);
        log.ack(last, false);

        assertThat(frames).allSatisfy(p -> assertThat(p.file()).doesNotExist());
        assertThat(last.file()).doesNotExist();
        assertThat(released).hasValue(10L * AckLog.GROUP);
        assertThat(AckLog.read(dir)).hasSize(AckLog.GROUP);
    }

    @Test
    void theLastPendingFrameIsForcedAtOnce() throws Exception {
        AckLog log = new AckLog(dir, List.of(), released::addAndGet);
        SessionJournal.Pending frame = entry(0, EntryKind.FRAME, 0);
        log.ack(frame, true);
        assertThat(frame.file()).doesNotExist();
        assertThat(released).hasValue(10);
    }

    @Test
    void anyOtherEntryIsForcedAtOnceWithTheFramesBeforeIt() throws Exception {
        AckLog log = new AckLog(dir, List.of(), released::addAndGet);
        SessionJournal.Pending frame = entry(0, EntryKind.FRAME, 0);
        SessionJournal.Pending events = entry(1, EntryKind.EVENTS, -1);
        log.ack(frame, false);
        assertThat(frame.file()).exists();
        log.ack(events, false);
        assertThat(List.of(frame, events)).allSatisfy(p -> assertThat(p.file()).doesNotExist());
        assertThat(released).hasValue(20);
    }

    @Test
    void forceAllDeletesTheFilesOfLinesNotYetForced() throws Exception {
        AckLog log = new AckLog(dir, List.of(), released::addAndGet);
        SessionJournal.Pending frame = entry(0, EntryKind.FRAME, 0);
        log.ack(frame, false);
        log.forceAll();
        assertThat(frame.file()).doesNotExist();
        assertThat(released).hasValue(10);
        assertThat(AckLog.read(dir)).containsExactly(new AckLog.Line(0, "frame", 0));
    }
}
