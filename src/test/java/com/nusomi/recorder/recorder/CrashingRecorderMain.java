package com.nusomi.recorder.recorder;

import com.nusomi.recorder.client.SessionsClient;
import com.nusomi.recorder.recorder.capture.SyntheticScreenSource;
import com.nusomi.recorder.recorder.input.MouseButton;
import com.nusomi.recorder.recorder.input.SyntheticInputSource;
import com.nusomi.recorder.recorder.spool.EntryInfo;
import com.nusomi.recorder.recorder.spool.EntryKind;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The child JVM of {@link CrashRecoveryTest}: resumes the spool of the data folder, goes on recording the session
 * with synthetic screen and input, and prints every entry once it is flushed to the journal ({@code F <seq>},
 * {@code E <event id>}). Mode {@code run} records until killed; {@code finish} records a little, stops, waits for
 * the drain and prints {@code DRAINED}.
 *
 * <p>Arguments: base URL, API key, data folder, session id, mode.
 */
public final class CrashingRecorderMain {
    private CrashingRecorderMain() {}

    // a periodic test driver: it runs until shut down and has no result to check
    @SuppressWarnings("FutureReturnValueIgnored")
    public static void main(String[] args) throws Exception {
        String baseUrl = args[0];
        String key = args[1];
        Path data = Path.of(args[2]);
        String sessionId = args[3];
        boolean finish = args[4].equals("finish");
        PrintStream out = System.out;
        CountDownLatch tenFrames = new CountDownLatch(10);
        RecorderListener printer = new RecorderListener() {
            @Override
            public void onRecorded(EntryInfo e) {
                synchronized (out) {
                    if (e.kind() == EntryKind.FRAME) {
                        out.println("F " + e.frameSeq());
                        tenFrames.countDown();
                    }
                    for (String id : e.eventIds()) {
                        out.println("E " + id);
                    }
                    out.flush();
                }
            }
        };
        SessionsClient client =
                SessionsClient.builder().baseUrl(baseUrl).apiKey(key).build();
        SyntheticInputSource input = new SyntheticInputSource();
        RecorderService svc = RecorderService.builder(client, data)
                .listener(printer)
                .maxUploadBackoff(Duration.ofSeconds(1))
                .screenSource(new SyntheticScreenSource(200, 120, true))
                .inputSource(input)
                .build();
        svc.recoverAll();
        Recording r = svc.start(
                sessionId,
                Instant.now(),
                RecorderOptions.builder()
                        .captureInterval(Duration.ofMillis(25))
                        .eventFlushInterval(Duration.ofMillis(100))
                        .clickCaptureDelay(Duration.ZERO)
                        .build());
        ScheduledExecutorService operator = Executors.newSingleThreadScheduledExecutor(rn -> {
            Thread t = new Thread(rn, "operator");
            t.setDaemon(true);
            return t;
        });
        AtomicInteger n = new AtomicInteger();
        operator.scheduleWithFixedDelay(
                () -> {
                    int i = n.incrementAndGet();
                    input.click(i, i, MouseButton.PRIMARY);
                    input.type("abc");
                },
                0,
                20,
                TimeUnit.MILLISECONDS);
        synchronized (out) {
            out.println("READY");
            out.flush();
        }
        if (!finish) {
            new CountDownLatch(1).await(); // until killed
        }
        tenFrames.await();
        operator.shutdownNow();
        r.stop().get(60, TimeUnit.SECONDS);
        synchronized (out) {
            out.println("DRAINED");
            out.flush();
        }
        svc.close();
        client.close();
        System.exit(0);
    }
}
