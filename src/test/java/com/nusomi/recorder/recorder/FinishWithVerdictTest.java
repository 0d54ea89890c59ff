package com.nusomi.recorder.recorder;

import static org.assertj.core.api.Assertions.assertThat;

import com.nusomi.recorder.client.Include;
import com.nusomi.recorder.client.SessionsClient;
import com.nusomi.recorder.client.model.Outcome;
import com.nusomi.recorder.client.model.Session;
import com.nusomi.recorder.client.model.SessionStatus;
import com.nusomi.recorder.client.model.Tag;
import com.nusomi.recorder.recorder.capture.SyntheticScreenSource;
import com.nusomi.recorder.recorder.input.SyntheticInputSource;
import com.nusomi.recorder.recorder.spool.EntryInfo;
import com.nusomi.recorder.recorder.spool.EntryKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link RecorderService#finish(String, Outcome)}: the run's verdict goes into its journal as an {@code outcome} tag,
 * then the stop, both after everything recorded, so that the app never writes the journal itself.
 */
class FinishWithVerdictTest {

    private static RecorderService recorder(SessionsClient client, Path data, CollectingListener l) {
        return RecorderService.builder(client, data)
                .listener(l)
                .maxUploadBackoff(Duration.ofMillis(500))
                .screenSource(new SyntheticScreenSource(80, 60, true))
                .inputSource(new SyntheticInputSource())
                .build();
    }

    private static RecorderOptions hourly() {
        return RecorderOptions.builder().captureInterval(Duration.ofHours(1)).build();
    }

    /** A session recorded with a note, then left recording (the app closed without a stop). */
    private static Session leftRecording(SessionsClient client, Path data) throws Exception {
        Session s = LocalServer.newRecordingSession(client);
        try (RecorderService first = recorder(client, data, new CollectingListener())) {
            first.start(s.id(), s.startedAt(), hourly())
                    .note("before the crash")
                    .get(10, TimeUnit.SECONDS);
        }
        return s;
    }

    private static List<EntryKind> kinds(List<EntryInfo> entries) {
        synchronized (entries) {
            return entries.stream().map(EntryInfo::kind).toList();
        }
    }

    @Test
    void aLeftSessionGetsTheVerdictTagThenTheStopAfterWhatItHolds(@TempDir Path serverDir, @TempDir Path data)
            throws Exception {
        try (LocalServer server = new LocalServer(serverDir);
                SessionsClient client = server.newClient()) {
            Session s = leftRecording(client, data);
            CollectingListener l = new CollectingListener();
            try (RecorderService svc = recorder(client, data, l)) {
                assertThat(svc.recoverAll()).containsExactly(s.id());
                assertThat(svc.finish(s.id(), Outcome.ERROR).get(30, TimeUnit.SECONDS))
                        .isTrue();
            }

            assertThat(kinds(l.recorded)).containsExactly(EntryKind.TAG, EntryKind.STOP);
            assertThat(l.recorded.get(0).tagName()).isEqualTo("outcome");
            List<EntryKind> uploaded = kinds(l.uploaded);
            assertThat(uploaded.subList(uploaded.size() - 2, uploaded.size()))
                    .containsExactly(EntryKind.TAG, EntryKind.STOP);
            Session stopped = client.sessions().get(s.id(), Include.TAGS).execute();
            assertThat(stopped.status()).isIn(SessionStatus.STOPPED, SessionStatus.SEALED);
            assertThat(stopped.outcome()).isEqualTo(Outcome.ERROR);
            assertThat(stopped.tags()).extracting(Tag::name).containsExactly("outcome");
            assertThat(stopped.eventCount())
                    .as("what the spool held went first")
                    .isEqualTo(1);
        }
    }

    @Test
    void withoutAVerdictOnlyTheStopIsRecorded(@TempDir Path serverDir, @TempDir Path data) throws Exception {
        try (LocalServer server = new LocalServer(serverDir);
                SessionsClient client = server.newClient()) {
            Session s = leftRecording(client, data);
            CollectingListener l = new CollectingListener();
            try (RecorderService svc = recorder(client, data, l)) {
                svc.recoverAll();
                assertThat(svc.finish(s.id(), null).get(30, TimeUnit.SECONDS)).isTrue();
            }

            assertThat(kinds(l.recorded)).containsExactly(EntryKind.STOP);
            assertThat(client.sessions().get(s.id(), Include.TAGS).execute().tags())
                    .isEmpty();
        }
    }

    @Test
    void theSessionBeingRecordedGetsTheVerdictThroughItsRecording(@TempDir Path serverDir, @TempDir Path data)
            throws Exception {
        try (LocalServer server = new LocalServer(serverDir);
                SessionsClient client = server.newClient()) {
            Session s = LocalServer.newRecordingSession(client);
            CollectingListener l = new CollectingListener();
            try (RecorderService svc = recorder(client, data, l)) {
                Recording r = svc.start(s.id(), s.startedAt(), hourly());
                r.note("one note").get(10, TimeUnit.SECONDS);
                assertThat(svc.finish(s.id(), Outcome.SUCCESS).get(30, TimeUnit.SECONDS))
                        .isTrue();
                assertThat(svc.active()).isNull();
            }

            List<EntryKind> recorded = kinds(l.recorded);
            assertThat(recorded.subList(recorded.size() - 2, recorded.size()))
                    .containsExactly(EntryKind.TAG, EntryKind.STOP);
            assertThat(client.sessions().get(s.id()).execute().outcome()).isEqualTo(Outcome.SUCCESS);
        }
    }
}
