package com.nusomi.recorder.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nusomi.recorder.app.support.Registration;
import com.nusomi.recorder.client.SessionsClient;
import com.nusomi.recorder.client.model.Session;
import com.nusomi.recorder.client.request.CreateSessionRequest;
import com.nusomi.recorder.recorder.RecorderOptions;
import com.nusomi.recorder.recorder.RecorderService;
import com.nusomi.recorder.recorder.Recording;
import com.nusomi.recorder.recorder.capture.SyntheticScreenSource;
import com.nusomi.recorder.recorder.capture.WindowLocator;
import com.nusomi.recorder.recorder.input.SyntheticInputSource;
import com.nusomi.recorder.recorder.spool.ServerKey;
import com.nusomi.recorder.server.ApiServer;
import com.nusomi.recorder.server.ServerConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recorder host follows a connection switched while a session records, once the recording has ended; and tells
 * who asks each time a recorder is ready, until they close their registration.
 */
class RecorderHostTest {
    private final List<AutoCloseable> closing = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (int i = closing.size() - 1; i >= 0; i--) {
            closing.get(i).close();
        }
    }

    private SessionsClient server(Path dir) {
        ApiServer s =
                ApiServer.start(ServerConfig.builder().dataDir(dir).port(0).build());
        SessionsClient c = SessionsClient.builder()
                .baseUrl(s.baseUrl())
                .apiKey(s.adminKey())
                .build();
        closing.add(s);
        closing.add(c);
        return c;
    }

    @Test
    void aSwitchDuringARecordingTakesEffectOnceItStops(@TempDir Path a, @TempDir Path b, @TempDir Path data)
            throws Exception {
        SessionsClient first = server(a);
        SessionsClient second = server(b);
        RecorderHost host = new RecorderHost(
                data,
                () -> new SyntheticScreenSource(80, 60, false),
                SyntheticInputSource::new,
                () -> WindowLocator.NONE);
        closing.add(host);
        host.use(first, ServerKey.of(first));
        RecorderService before = host.service();
        Session s = first.sessions()
                .create(CreateSessionRequest.builder("switch_later").start(true).build())
                .execute();
        Recording r = before.start(
                s.id(),
                s.startedAt(),
                RecorderOptions.builder().captureInterval(Duration.ofHours(1)).build());

        host.use(second, ServerKey.of(second));
        assertThat(host.service()).as("no rebuild under a live recording").isSameAs(before);

        r.stop().get(30, TimeUnit.SECONDS);
        await("the rebuild after the stop")
                .atMost(15, TimeUnit.SECONDS)
                .until(() -> host.service() != null && host.service() != before);
        assertThat(host.serverKey()).isEqualTo(ServerKey.of(second));
        assertThat(first.sessions().get(s.id()).execute().frameCount()).isPositive();
    }

    @Test
    void aClosedReadyRegistrationHearsOfNoMoreRecorders(@TempDir Path a, @TempDir Path b, @TempDir Path data) {
        SessionsClient first = server(a);
        SessionsClient second = server(b);
        RecorderHost host = new RecorderHost(
                data,
                () -> new SyntheticScreenSource(80, 60, false),
                SyntheticInputSource::new,
                () -> WindowLocator.NONE);
        closing.add(host);
        AtomicInteger kept = new AtomicInteger();
        AtomicInteger dropped = new AtomicInteger();
        host.onReady(kept::incrementAndGet);
        Registration registration = host.onReady(dropped::incrementAndGet);

        host.use(first, ServerKey.of(first)); // nothing records: the recorder is built (and announced) at once
        registration.close();
        host.use(second, ServerKey.of(second));

        assertThat(kept).hasValue(2);
        assertThat(dropped).hasValue(1);
    }

    @Test
    void aReadyListenerAddedLaterIsToldOfTheRecorderThereIs(@TempDir Path a, @TempDir Path data) {
        SessionsClient first = server(a);
        RecorderHost host = new RecorderHost(
                data,
                () -> new SyntheticScreenSource(80, 60, false),
                SyntheticInputSource::new,
                () -> WindowLocator.NONE);
        closing.add(host);
        host.use(first, ServerKey.of(first));
        AtomicInteger told = new AtomicInteger();
        host.onReady(told::incrementAndGet);

        assertThat(told).hasValue(1);
    }
}
