package com.nusomi.recorder.recorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nusomi.recorder.client.SessionsClient;
import com.nusomi.recorder.client.model.Session;
import com.nusomi.recorder.recorder.capture.SyntheticScreenSource;
import com.nusomi.recorder.recorder.input.MouseButton;
import com.nusomi.recorder.recorder.input.SyntheticInputSource;
import com.nusomi.recorder.recorder.spool.EntryInfo;
import com.nusomi.recorder.recorder.spool.EntryKind;
import com.nusomi.recorder.recorder.spool.RejectedEntry;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The journal and its uploader against the real local server: order, rejections, restarts, the size limit. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpoolTest {
    private LocalServer server;
    private SessionsClient client;

    @BeforeAll
    void startServer(@TempDir Path serverDir) {
        server = new LocalServer(serverDir);
        client = server.newClient();
    }

    @AfterAll
    void stopServer() {
        client.close();
        server.close();
    }

    private static RecorderOptions fast() {
        return RecorderOptions.builder()
                .captureInterval(Duration.ofMillis(20))
                .eventFlushInterval(Duration.ofMillis(100))
                .build();
    }

    /** A client of a port nobody listens on: every upload fails with a connection error. */
    private static SessionsClient unreachableClient() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        return SessionsClient.builder()
                .baseUrl("http://127.0.0.1:" + port)
                .apiKey("nsk_test_none")
                .build();
    }

    @Test
    void entriesAreJournaledThenUploadedInOrderWithTheStopLast(@TempDir Path data) {
        CollectingListener l = new CollectingListener();
        SyntheticInputSource input = new SyntheticInputSource();
        try (RecorderService svc = RecorderService.builder(client, data)
                .listener(l)
                .screenSource(new SyntheticScreenSource(120, 80, true))
                .inputSource(input)
                .build()) {
            Session s = LocalServer.newRecordingSession(client);
            Recording r = svc.start(s.id(), s.startedAt(), fast());
            for (int i = 0; i < 5; i++) {
                input.click(i, i, MouseButton.PRIMARY);
                r.note("note " + i).join();
            }
            r.tag("halfway", null).join();
            await().atMost(5, TimeUnit.SECONDS).until(() -> l.framesRecorded() >= 10);
            r.stop().join();

            List<Long> recorded = l.recorded.stream().map(EntryInfo::index).toList();
            List<Long> uploaded = l.uploaded.stream().map(EntryInfo::index).toList();
            assertThat(uploaded).isEqualTo(recorded);
            assertThat(uploaded).isSorted().doesNotHaveDuplicates();
            assertThat(l.uploaded.get(l.uploaded.size() - 1).kind()).isEqualTo(EntryKind.STOP);
            assertThat(l.drained).contains(s.id());
            assertThat(r.state()).isEqualTo(RecordingState.STOPPED);
            assertThat(r.stats().pendingEntries()).isZero();
            LocalServer.assertServerHoldsExactly(client, s.id(), l.recordedSeqs(), l.recordedEventIds());
            assertThat(client.sessions().get(s.id()).execute().frameCount()).isEqualTo(l.framesRecorded());
        }
    }

    @Test
    void entriesTheServerRefusesAreKeptAsRejectedAndTheRestGoesOn(@TempDir Path data) {
        CollectingListener l = new CollectingListener();
        try (RecorderService svc = RecorderService.builder(client, data)
                .listener(l)
                .screenSource(new SyntheticScreenSource(120, 80, true))
                .inputSource(new SyntheticInputSource())
                .build()) {
            Session s = LocalServer.newRecordingSession(client);
            Recording r = svc.start(s.id(), s.startedAt(), fast());
            await().atMost(5, TimeUnit.SECONDS).until(() -> l.uploaded.size() >= 3);

            client.sessions().batchStop(List.of(s.id())).execute(); // an admin stops it meanwhile

            await().atMost(10, TimeUnit.SECONDS).until(() -> l.rejected.size() >= 5);
            r.stop().join(); // the stop itself is idempotent: acknowledged

            List<RejectedEntry> rejected = new ArrayList<>(l.rejected);
            assertThat(rejected).allSatisfy(x -> {
                assertThat(x.httpStatus()).isEqualTo(409);
                assertThat(x.code()).isEqualTo("session_not_recording");
                assertThat(x.file()).exists();
            });
            List<Map<String, Object>> onDisk = svc.rejected(s.id());
            assertThat(onDisk).hasSize(rejected.size());
            assertThat(r.stats().rejectedEntries()).isEqualTo(rejected.size());
            long framesOnServer = client.sessions().get(s.id()).execute().frameCount();
            long rejectedFrames = rejected.stream()
                    .filter(x -> x.entry().kind() == EntryKind.FRAME)
                    .count();
            assertThat(framesOnServer + rejectedFrames).as("nothing lost").isEqualTo(l.framesRecorded());
            assertThat(l.uploaded.get(l.uploaded.size() - 1).kind()).isEqualTo(EntryKind.STOP);
        }
    }

    @Test
    void aNewRecorderOnTheSameDataFolderResumesTheSpool(@TempDir Path data) throws IOException {
        Session s = LocalServer.newRecordingSession(client);
        CollectingListener first = new CollectingListener();
        SyntheticScreenSource screen = new SyntheticScreenSource(120, 80, true);
        try (SessionsClient down = unreachableClient();
                RecorderService svc = RecorderService.builder(down, data)
                        .listener(first)
                        .screenSource(screen)
                        .inputSource(new SyntheticInputSource())
                        .build()) {
            Recording r = svc.start(s.id(), s.startedAt(), fast());
            r.note("before the crash").join();
            await().atMost(5, TimeUnit.SECONDS).until(() -> first.framesRecorded() >= 10);
            // closed without a stop, as if the app died
        }
        assertThat(first.uploaded).isEmpty();
        assertThat(client.sessions().get(s.id()).execute().frameCount()).isZero();

        CollectingListener second = new CollectingListener();
        try (RecorderService svc = RecorderService.builder(client, data)
                .listener(second)
                .screenSource(screen)
                .inputSource(new SyntheticInputSource())
                .build()) {
            assertThat(svc.recoverAll()).containsExactly(s.id());
            await().atMost(10, TimeUnit.SECONDS).until(() -> svc.stats(s.id()).pendingEntries() == 0);
            Recording r = svc.start(s.id(), s.startedAt(), fast()); // the operator goes on
            await().atMost(5, TimeUnit.SECONDS).until(() -> second.framesRecorded() >= 5);
            r.stop().join();
        }
        List<Long> all = new ArrayList<>(first.recordedSeqs());
        all.addAll(second.recordedSeqs());
        List<String> events = new ArrayList<>(first.recordedEventIds());
        events.addAll(second.recordedEventIds());
        LocalServer.assertServerHoldsExactly(client, s.id(), all, events);
        List<Long> seqs = new ArrayList<>();
        client.frames().listAll(s.id()).forEach(f -> seqs.add(f.seq()));
        assertThat(seqs)
                .as("seqs go on across restarts")
                .isEqualTo(LongStream.range(0, all.size()).boxed().toList());
        assertThat(Files.exists(data.resolve("spool").resolve(s.id()).resolve("done")))
                .isTrue();
    }

    @Test
    void atTheSizeLimitFramesAreSkippedButEventsAreKept(@TempDir Path data) throws IOException {
        CollectingListener l = new CollectingListener();
        Session s = LocalServer.newRecordingSession(client);
        try (SessionsClient down = unreachableClient();
                RecorderService svc = RecorderService.builder(down, data)
                        .listener(l)
                        .screenSource(new SyntheticScreenSource(160, 100, true))
                        .inputSource(new SyntheticInputSource())
                        .spoolLimitBytes(40_000)
                        .build()) {
            Recording r = svc.start(s.id(), s.startedAt(), fast());
            await().atMost(10, TimeUnit.SECONDS).until(() -> r.stats().framesSkippedSpoolFull() >= 3);
            assertThat(l.warned(RecorderWarning.Kind.SPOOL_NEARLY_FULL)).isTrue();
            assertThat(l.warned(RecorderWarning.Kind.SPOOL_FULL_FRAMES_SKIPPED)).isTrue();
            EntryInfo note = r.note("kept even when full").join();
            assertThat(note.kind()).isEqualTo(EntryKind.EVENTS);
            assertThat(r.stats().spoolUsedBytes()).isGreaterThan(40_000 - 4_000);
        }
    }
}
