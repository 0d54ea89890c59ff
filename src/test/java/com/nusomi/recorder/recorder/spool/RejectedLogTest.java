package com.nusomi.recorder.recorder.spool;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code rejected.log}: a refused entry's file moves aside and its line says why; torn lines are skipped. */
class RejectedLogTest {
    @TempDir
    Path dir;

    private SessionJournal.Pending entry(long index, EntryKind kind, long seq) throws Exception {
        Path file = dir.resolve(index + "-" + kind.fileTag() + SessionJournal.ENTRY_SUFFIX);
        Files.write(file, new byte[7]);
        return new SessionJournal.Pending(index, kind, seq, file, 7);
    }

    @Test
    void aRefusedEntryMovesIntoTheFolderAndItsLineSaysWhy() throws Exception {
        RejectedLog.createFolder(dir);
        SessionJournal.Pending frame = entry(4, EntryKind.FRAME, 2);
        Instant at = Instant.parse("2026-05-07T14:01:33Z");

        Path target = new RejectedLog(dir).add(frame, 400, "frame_invalid", "not a JPEG", "req_1", at);

        assertThat(frame.file()).doesNotExist();
        assertThat(target).exists().hasParent(dir.resolve(RejectedLog.FOLDER));
        List<Map<String, Object>> lines = RejectedLog.read(dir);
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0))
                .containsEntry("index", 4)
                .containsEntry("kind", "frame")
                .containsEntry("seq", 2)
                .containsEntry("status", 400)
                .containsEntry("code", "frame_invalid")
                .containsEntry("message", "not a JPEG")
                .containsEntry("request_id", "req_1")
                .containsEntry("at", "2026-05-07T14:01:33Z")
                .containsEntry("file", target.getFileName().toString());
    }

    @Test
    void aTornLastLineIsSkipped() throws Exception {
        RejectedLog.createFolder(dir);
        new RejectedLog(dir).add(entry(0, EntryKind.TAG, -1), 400, "parameter_invalid", "bad", null, Instant.now());
        Files.writeString(
                dir.resolve(RejectedLog.FILE), "{\"index\":1,\"ki", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        assertThat(RejectedLog.read(dir))
                .singleElement()
                .satisfies(m -> assertThat(m).containsEntry("index", 0));
    }

    @Test
    void aMissingLogReadsAsNoLines() throws Exception {
        assertThat(RejectedLog.read(dir)).isEmpty();
    }
}
