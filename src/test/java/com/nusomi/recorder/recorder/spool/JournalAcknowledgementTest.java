package com.nusomi.recorder.recorder.spool;

import static org.assertj.core.api.Assertions.assertThat;

import com.nusomi.recorder.client.request.EventInput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acknowledgements: an entry's file goes only once its {@code acked.log} line is forced, frames' lines are forced
 * in groups, and what was acknowledged is never pending again after a restart.
 */
class JournalAcknowledgementTest {
    private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xd9};

    private static void appendFrames(SessionJournal j, int n) {
        for (int i = 0; i < n; i++) {
            j.appendFrame(Instant.now(), "image/jpeg", JPEG);
        }
    }

    private static SessionJournal.Pending ackHead(SessionJournal j) throws Exception {
        SessionJournal.Pending head = j.awaitHead(0);
        j.ack(head);
        return head;
    }

    @Test
    void anAcknowledgedFrameKeepsItsFileWhileMoreArePendingAndIsNotPendingAfterARestart(@TempDir Path data)
            throws Exception {
        SessionJournal.Pending first;
        try (Spool spool = Spool.open(data, Spool.DEFAULT_LIMIT_BYTES, SpoolEvents.NONE)) {
            SessionJournal j = spool.journal("ses_ack");
            appendFrames(j, 3);
            first = ackHead(j);
            assertThat(j.pendingEntries()).isEqualTo(2);
            assertThat(first.file()).exists(); // its line may not be on disk yet
        }
        try (Spool spool = Spool.open(data, Spool.DEFAULT_LIMIT_BYTES, SpoolEvents.NONE)) {
            SessionJournal j = spool.journal("ses_ack");
            assertThat(j.pendingEntries()).isEqualTo(2);
            assertThat(j.awaitHead(0).frameSeq()).isEqualTo(1);
            assertThat(j.acknowledgedFrameSeqs()).containsExactly(0L);
            assertThat(first.file()).doesNotExist();
            assertThat(j.nextFrameSeq()).isEqualTo(3);
        }
    }

    @Test
    void theLastPendingAcknowledgementRemovesTheFilesOfTheFramesBeforeIt(@TempDir Path data) throws Exception {
        try (Spool spool = Spool.open(data, Spool.DEFAULT_LIMIT_BYTES, SpoolEvents.NONE)) {
            SessionJournal j = spool.journal("ses_ack");
            appendFrames(j, 3);
            List<SessionJournal.Pending> acked = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                acked.add(ackHead(j));
            }
            assertThat(acked).allSatisfy(p -> assertThat(p.file()).doesNotExist());
            assertThat(spool.usedBytes()).isZero();
            assertThat(j.acknowledgedFrameSeqs()).containsExactly(0L, 1L, 2L);
        }
    }

    @Test
    void framesAreForcedInGroupsSoTheirFilesGoAGroupAtATime(@TempDir Path data) throws Exception {
        try (Spool spool = Spool.open(data, Spool.DEFAULT_LIMIT_BYTES, SpoolEvents.NONE)) {
            SessionJournal j = spool.journal("ses_ack");
            appendFrames(j, SessionJournal.ACK_GROUP + 2);
            List<SessionJournal.Pending> acked = new ArrayList<>();
            for (int i = 0; i < SessionJournal.ACK_GROUP + 1; i++) {
                acked.add(ackHead(j));
            }
            assertThat(acked.subList(0, SessionJournal.ACK_GROUP))
                    .allSatisfy(p -> assertThat(p.file()).doesNotExist());
            assertThat(acked.get(SessionJournal.ACK_GROUP).file()).exists();
            assertThat(j.pendingEntries()).isEqualTo(1);
        }
    }

    @Test
    void anEventBatchAcknowledgementIsForcedAtOnceWithTheFramesBeforeIt(@TempDir Path data) throws Exception {
        try (Spool spool = Spool.open(data, Spool.DEFAULT_LIMIT_BYTES, SpoolEvents.NONE)) {
            SessionJournal j = spool.journal("ses_ack");
            appendFrames(j, 2);
            j.appendEvents(List.of(
                    EventInput.builder("note").data(Map.of("text", "hi")).build()));
            appendFrames(j, 1);
            SessionJournal.Pending frame0 = ackHead(j);
            SessionJournal.Pending frame1 = ackHead(j);
            assertThat(frame1.file()).exists();
            SessionJournal.Pending events = ackHead(j);
            assertThat(List.of(frame0, frame1, events))
                    .allSatisfy(p -> assertThat(p.file()).doesNotExist());
            assertThat(j.pendingEntries()).isEqualTo(1);
        }
    }

    @Test
    void aRefusedStopStillRemovesTheFilesOfTheFramesAcknowledgedBeforeIt(@TempDir Path data) throws Exception {
        try (Spool spool = Spool.open(data, Spool.DEFAULT_LIMIT_BYTES, SpoolEvents.NONE)) {
            SessionJournal j = spool.journal("ses_ack");
            appendFrames(j, 2);
            j.appendStop();
            SessionJournal.Pending frame0 = ackHead(j);
            SessionJournal.Pending frame1 = ackHead(j);
            assertThat(frame1.file()).exists();
            SessionJournal.Pending stop = j.awaitHead(0);
            j.reject(stop, null, 409, "session_not_recording", "refused", null);
            assertThat(j.isDone()).isTrue();
            assertThat(List.of(frame0, frame1))
                    .allSatisfy(p -> assertThat(p.file()).doesNotExist());
            assertThat(spool.usedBytes())
                    .isEqualTo(Files.size(data.resolve("spool")
                            .resolve("ses_ack")
                            .resolve("rejected")
                            .resolve(stop.file().getFileName())));
        }
    }

    @Test
    void anEntryWhoseAckLineWasTornIsPendingAgainAndLaterLinesReadBack(@TempDir Path data) throws Exception {
        Path ackLog = data.resolve("spool").resolve("ses_ack").resolve(AckLog.FILE);
        try (Spool spool = Spool.open(data, Spool.DEFAULT_LIMIT_BYTES, SpoolEvents.NONE)) {
            SessionJournal j = spool.journal("ses_ack");
            appendFrames(j, 2);
            ackHead(j);
        }
        Files.writeString(ackLog, "1 fra", StandardOpenOption.APPEND); // the crash came while its line was written
        try (Spool spool = Spool.open(data, Spool.DEFAULT_LIMIT_BYTES, SpoolEvents.NONE)) {
            SessionJournal j = spool.journal("ses_ack");
            assertThat(j.pendingEntries()).isEqualTo(1);
            assertThat(j.awaitHead(0).frameSeq()).isEqualTo(1);
            ackHead(j);
        }
        try (Spool spool = Spool.open(data, Spool.DEFAULT_LIMIT_BYTES, SpoolEvents.NONE)) {
            SessionJournal j = spool.journal("ses_ack");
            assertThat(j.pendingEntries()).isZero();
            assertThat(j.acknowledgedFrameSeqs()).containsExactly(0L, 1L);
            assertThat(j.nextFrameSeq()).isEqualTo(2);
        }
    }
}
