package com.nusomi.recorder.recorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nusomi.recorder.client.SessionsClient;
import com.nusomi.recorder.client.model.Session;
import com.nusomi.recorder.client.request.EventInput;
import com.nusomi.recorder.recorder.capture.FrameEncoder;
import com.nusomi.recorder.recorder.capture.SyntheticScreenSource;
import com.nusomi.recorder.recorder.input.SyntheticInputSource;
import com.nusomi.recorder.recorder.spool.EntryKind;
import com.nusomi.recorder.recorder.spool.SessionJournal;
import com.nusomi.recorder.recorder.spool.Spool;
import com.nusomi.recorder.recorder.spool.SpoolEvents;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a crash can leave in a journal: unfinished files, damaged entries, a torn log line. */
class JournalRecoveryTest {

    @Test
    void unfinishedAndDamagedEntriesNeverBlockTheRest(@TempDir Path serverDir, @TempDir Path data) throws Exception {
        try (LocalServer server = new LocalServer(serverDir);
                SessionsClient client = server.newClient()) {
            Session s = LocalServer.newRecordingSession(client);
            Path dir;
            try (Spool spool = Spool.open(data, Spool.DEFAULT_LIMIT_BYTES, SpoolEvents.NONE)) {
                SessionJournal j = spool.journal(s.id());
                dir = j.directory();
                SyntheticScreenSource screen = new SyntheticScreenSource(50, 40, true);
                for (int i = 0; i < 3; i++) {
                    byte[] jpeg =
                            new FrameEncoder(0.5f).jpeg(screen.capture(null).image());
                    j.appendFrame(Instant.now(), "image/jpeg", jpeg);
                }
                j.appendEvents(List.of(
                        EventInput.builder("note").data(Map.of("text", "hi")).build()));
            }
            // a write that never finished, and a damaged entry (one flipped byte)
            Files.write(dir.resolve("000000000099-frame-99.entry.tmp"), new byte[] {1, 2, 3});
            Path second;
            try (Stream<Path> files = Files.list(dir)) {
                second = files.filter(p -> p.getFileName().toString().startsWith("000000000001-frame"))
                        .findFirst()
                        .orElseThrow();
            }
            byte[] bytes = Files.readAllBytes(second);
            bytes[bytes.length / 2] ^= 0x55;
            Files.write(second, bytes);
            Files.writeString(dir.resolve("acked.log"), "12 fra"); // a torn line, ignored

            CollectingListener l = new CollectingListener();
            try (RecorderService svc = RecorderService.builder(client, data)
                    .listener(l)
                    .screenSource(new SyntheticScreenSource(50, 40, true))
                    .inputSource(new SyntheticInputSource())
                    .build()) {
                assertThat(svc.recoverAll()).containsExactly(s.id());
                assertThat(svc.finish(s.id()).get(30, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(l.rejected).singleElement().satisfies(r -> {
                assertThat(r.code()).isEqualTo("journal_entry_damaged");
                assertThat(r.entry().kind()).isEqualTo(EntryKind.FRAME);
            });
            assertThat(l.uploaded)
                    .extracting(e -> e.kind())
                    .containsExactly(EntryKind.FRAME, EntryKind.FRAME, EntryKind.EVENTS, EntryKind.STOP);
            assertThat(client.sessions().get(s.id()).execute().frameCount()).isEqualTo(2);
            assertThat(client.sessions().get(s.id()).execute().eventCount()).isEqualTo(1);
            assertThat(dir.resolve("000000000099-frame-99.entry.tmp")).doesNotExist();
            await().atMost(5, TimeUnit.SECONDS).until(() -> Files.exists(dir.resolve("done")));
        }
    }
}
