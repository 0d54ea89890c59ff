package com.nusomi.recorder.recorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nusomi.recorder.client.SessionsClient;
import com.nusomi.recorder.client.model.Event;
import com.nusomi.recorder.client.model.Session;
import com.nusomi.recorder.recorder.capture.SyntheticScreenSource;
import com.nusomi.recorder.recorder.input.MouseButton;
import com.nusomi.recorder.recorder.input.SyntheticInputSource;
import com.nusomi.recorder.recorder.spool.EntryKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server goes away in the middle of a recording and comes back on the same port and data folder: the
 * recording goes on, the uploads wait and resume in order, nothing is lost and nothing arrives twice.
 */
class NetworkOutageTest {

    @Test
    void aServerOutageOfSecondsLosesAndDuplicatesNothing(@TempDir Path serverDir, @TempDir Path data) {
        outage(serverDir, data, Duration.ofSeconds(3), Duration.ofSeconds(1));
    }

    @Test
    @Tag("benchmark")
    void aServerOutageOfThirtySecondsLosesAndDuplicatesNothing(@TempDir Path serverDir, @TempDir Path data) {
        outage(serverDir, data, Duration.ofSeconds(30), Duration.ofSeconds(5));
    }

    // a periodic test driver: it runs until shut down and has no result to check
    @SuppressWarnings("FutureReturnValueIgnored")
    private static void outage(Path serverDir, Path data, Duration down, Duration maxBackoff) {
        LocalServer server = new LocalServer(serverDir);
        CollectingListener l = new CollectingListener();
        SyntheticInputSource input = new SyntheticInputSource();
        ScheduledExecutorService operator = Executors.newSingleThreadScheduledExecutor();
        try (SessionsClient client = server.newClient();
                RecorderService svc = RecorderService.builder(client, data)
                        .listener(l)
                        .maxUploadBackoff(maxBackoff)
                        .screenSource(new SyntheticScreenSource(160, 100, true))
                        .inputSource(input)
                        .build()) {
            Session s = LocalServer.newRecordingSession(client);
            Recording r = svc.start(
                    s.id(),
                    s.startedAt(),
                    RecorderOptions.builder()
                            .captureInterval(Duration.ofMillis(50))
                            .eventFlushInterval(Duration.ofMillis(200))
                            .clickCaptureDelay(Duration.ZERO)
                            .build());
            AtomicInteger n = new AtomicInteger();
            operator.scheduleWithFixedDelay(
                    () -> {
                        int i = n.incrementAndGet();
                        input.click(i % 800, i % 600, i % 3 == 0 ? MouseButton.SECONDARY : MouseButton.PRIMARY);
                        input.type("xy");
                    },
                    0,
                    40,
                    TimeUnit.MILLISECONDS);
            await().atMost(10, TimeUnit.SECONDS).until(() -> l.uploaded.size() >= 10);

            server.stop();
            long downAt = System.nanoTime();
            long framesAtDown = l.framesRecorded();
            await().atMost(down.plusSeconds(30))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> System.nanoTime() - downAt >= down.toNanos()
                            && l.warned(RecorderWarning.Kind.UPLOAD_WAITING));
            assertThat(l.framesRecorded())
                    .as("recording goes on while the server is down")
                    .isGreaterThan(framesAtDown);
            assertThat(r.stats().pendingEntries()).isPositive();

            server.restart();
            await().atMost(30, TimeUnit.SECONDS).until(() -> l.warned(RecorderWarning.Kind.UPLOAD_RESUMED));
            operator.shutdownNow();
            r.stop().orTimeout(60, TimeUnit.SECONDS).join();

            assertThat(l.rejected).isEmpty();
            Set<Long> acked = new HashSet<>(svc.spool().journal(s.id()).acknowledgedFrameSeqs());
            assertThat(acked).containsExactlyInAnyOrderElementsOf(l.recordedSeqs());
            LocalServer.assertServerHoldsExactly(client, s.id(), acked, l.recordedEventIds());
            Set<String> onServer = new HashSet<>();
            client.events().listAll(s.id()).forEach((Event e) -> onServer.add(e.id()));
            assertThat(onServer).containsExactlyInAnyOrderElementsOf(l.recordedEventIds());
            assertThat(l.uploaded.get(l.uploaded.size() - 1).kind()).isEqualTo(EntryKind.STOP);
        } finally {
            operator.shutdownNow();
            server.close();
        }
    }
}
