package com.nusomi.recorder.recorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.nusomi.recorder.app.RecorderHost;
import com.nusomi.recorder.client.SessionsClient;
import com.nusomi.recorder.client.exception.NotFoundException;
import com.nusomi.recorder.client.model.Session;
import com.nusomi.recorder.client.model.SessionStatus;
import com.nusomi.recorder.recorder.capture.SyntheticScreenSource;
import com.nusomi.recorder.recorder.capture.WindowLocator;
import com.nusomi.recorder.recorder.input.MouseButton;
import com.nusomi.recorder.recorder.input.SyntheticInputSource;
import com.nusomi.recorder.recorder.spool.EntryInfo;
import com.nusomi.recorder.recorder.spool.EntryKind;
import com.nusomi.recorder.recorder.spool.ServerKey;
import com.nusomi.recorder.recorder.spool.SpoolFolders;
import com.nusomi.recorder.server.ApiServer;
import com.nusomi.recorder.server.ServerConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real servers on loopback, one data folder: what was recorded for server A (the embedded one) while A was
 * down waits on disk through a switch to server B and a recording there, and goes to A, once, when the app is on
 * A again (A on another port, as the embedded server is at every start). Nothing of it reaches B, nothing is
 * refused.
 */
class ServerSwitchTest {
    private final List<AutoCloseable> closing = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = closing.size() - 1; i >= 0; i--) {
            closing.get(i).close();
        }
    }

    // the stop is observed through the recorded STOP entry awaited below
    @SuppressWarnings("FutureReturnValueIgnored")
    @Test
    void pendingWorkOfAServerGoesOnlyToItAcrossASwitchAndBack(
            @TempDir Path aDir, @TempDir Path bDir, @TempDir Path data) throws Exception {
        LocalServer a = keep(new LocalServer(aDir));
        LocalServer b = keep(new LocalServer(bDir));
        ServerKey keyA = ServerKey.embedded(aDir);
        SessionsClient clientA = keep(a.newClient());
        SessionsClient clientB = keep(b.newClient());
        CollectingListener l = new CollectingListener();

        // Recording on A; A goes down mid-drain; the stop is recorded; the app closes with A's entries pending.
        RecorderHost first = host(data, l);
        first.use(clientA, keyA);
        Session sa = LocalServer.newRecordingSession(clientA);
        Recording ra = first.service().start(sa.id(), sa.startedAt(), options());
        clicks(first, l, 20);
        await().atMost(10, TimeUnit.SECONDS).until(() -> uploadedOf(l, sa.id()) >= 3);
        a.stop();
        long before = recordedOf(l, sa.id()).size();
        clicks(first, l, 20);
        await().atMost(10, TimeUnit.SECONDS).until(() -> recordedOf(l, sa.id()).size() > before + 3);
        ra.stop();
        await().atMost(10, TimeUnit.SECONDS)
                .until(() -> recordedOf(l, sa.id()).stream().anyMatch(e -> e.kind() == EntryKind.STOP));
        first.close();

        // The app starts again on A (still down): A's journal is recovered and waits. Then a switch to B.
        RecorderHost host = host(data, l);
        host.use(clientA, keyA);
        assertThat(host.recovered()).containsExactly(sa.id());
        host.use(clientB);
        assertThat(host.serverKey()).isEqualTo(ServerKey.of(clientB));
        assertThat(host.recovered()).as("B's recorder resumes nothing of A").isEmpty();
        List<SpoolFolders.Backlog> waiting = host.backlogElsewhere();
        assertThat(waiting).hasSize(1);
        assertThat(waiting.get(0).serverLabel()).isEqualTo("the embedded server");
        assertThat(waiting.get(0).sessions()).isEqualTo(1);
        assertThat(waiting.get(0).entries()).isPositive();

        Session sb = LocalServer.newRecordingSession(clientB);
        Recording rb = host.service().start(sb.id(), sb.startedAt(), options());
        clicks(host, l, 10);
        await().atMost(10, TimeUnit.SECONDS).until(() -> recordedOf(l, sb.id()).size() >= 3);
        rb.stop().orTimeout(30, TimeUnit.SECONDS).join();
        assertThatThrownBy(() -> clientB.sessions().get(sa.id()).execute()).isInstanceOf(NotFoundException.class);

        // A is back, on another port (as the embedded server at each start): the switch back drains A's journal.
        ApiServer a2 = keep(
                ApiServer.start(ServerConfig.builder().dataDir(aDir).port(0).build()));
        assertThat(a2.port()).isNotEqualTo(a.port());
        SessionsClient clientA2 = keep(SessionsClient.builder()
                .baseUrl(a2.baseUrl())
                .apiKey(a2.adminKey())
                .build());
        host.use(clientA2, ServerKey.embedded(aDir));
        assertThat(host.recovered()).containsExactly(sa.id());
        await().atMost(60, TimeUnit.SECONDS).until(() -> l.drained.contains(sa.id()));

        assertThat(l.rejected).as("nothing refused by either server").isEmpty();
        assertThat(host.backlogElsewhere()).as("nothing waits for B").isEmpty();
        assertThat(clientA2.sessions().get(sa.id()).execute().status())
                .as("stopped on A")
                .isNotEqualTo(SessionStatus.RECORDING);
        LocalServer.assertServerHoldsExactly(
                clientA2, sa.id(), seqs(recordedOf(l, sa.id())), eventIds(recordedOf(l, sa.id())));
        assertThat(clientB.sessions().get(sb.id()).execute().status()).isNotEqualTo(SessionStatus.RECORDING);
        LocalServer.assertServerHoldsExactly(
                clientB, sb.id(), seqs(recordedOf(l, sb.id())), eventIds(recordedOf(l, sb.id())));
        assertThatThrownBy(() -> clientB.sessions().get(sa.id()).execute()).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> clientA2.sessions().get(sb.id()).execute()).isInstanceOf(NotFoundException.class);
    }

    private RecorderHost host(Path data, CollectingListener l) {
        RecorderHost h = new RecorderHost(
                data,
                () -> new SyntheticScreenSource(120, 80, true),
                SyntheticInputSource::new,
                () -> WindowLocator.NONE);
        h.addListener(l);
        closing.add(h);
        return h;
    }

    private <T extends AutoCloseable> T keep(T c) {
        closing.add(c);
        return c;
    }

    private static RecorderOptions options() {
        return RecorderOptions.builder()
                .captureInterval(Duration.ofMillis(100))
                .eventFlushInterval(Duration.ofMillis(100))
                .clickCaptureDelay(Duration.ZERO)
                .build();
    }

    /** Sends n clicks and waits until the recorder has them in its journal. */
    private static void clicks(RecorderHost host, CollectingListener l, int n) {
        SyntheticInputSource input = (SyntheticInputSource) host.inputSource();
        int before = l.recordedEventIds().size();
        for (int i = 0; i < n; i++) {
            input.click(10 + i, 20 + i, MouseButton.PRIMARY);
        }
        await().atMost(10, TimeUnit.SECONDS).until(() -> l.recordedEventIds().size() >= before + n);
    }

    private static List<EntryInfo> recordedOf(CollectingListener l, String sessionId) {
        synchronized (l.recorded) {
            return l.recorded.stream()
                    .filter(e -> e.sessionId().equals(sessionId))
                    .toList();
        }
    }

    private static long uploadedOf(CollectingListener l, String sessionId) {
        synchronized (l.uploaded) {
            return l.uploaded.stream()
                    .filter(e -> e.sessionId().equals(sessionId))
                    .count();
        }
    }

    private static Set<Long> seqs(List<EntryInfo> entries) {
        Set<Long> s = new HashSet<>();
        entries.stream().filter(e -> e.kind() == EntryKind.FRAME).forEach(e -> s.add(e.frameSeq()));
        return s;
    }

    private static Set<String> eventIds(List<EntryInfo> entries) {
        Set<String> s = new HashSet<>();
        entries.forEach(e -> s.addAll(e.eventIds()));
        return s;
    }
}
