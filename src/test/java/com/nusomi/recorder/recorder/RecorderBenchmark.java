package com.nusomi.recorder.recorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.nusomi.recorder.bench.BusyScreen;
import com.nusomi.recorder.bench.Resident;
import com.nusomi.recorder.client.SessionsClient;
import com.nusomi.recorder.client.model.Session;
import com.nusomi.recorder.client.request.FrameUpload;
import com.nusomi.recorder.desktop.Tools;
import com.nusomi.recorder.desktop.XDesktopAccess;
import com.nusomi.recorder.desktop.XTerm;
import com.nusomi.recorder.recorder.capture.FrameEncoder;
import com.nusomi.recorder.recorder.capture.MaskPlan;
import com.nusomi.recorder.recorder.capture.Masks;
import com.nusomi.recorder.recorder.capture.RobotScreenSource;
import com.nusomi.recorder.recorder.capture.ScreenSelection;
import com.nusomi.recorder.recorder.capture.ScreenSource;
import com.nusomi.recorder.recorder.capture.ScreenSources;
import com.nusomi.recorder.recorder.capture.x11.X11WindowLocator;
import com.nusomi.recorder.recorder.input.NativeHookInputSource;
import com.nusomi.recorder.recorder.input.SyntheticInputSource;
import com.nusomi.recorder.recorder.spool.SessionJournal;
import com.nusomi.recorder.recorder.spool.Spool;
import com.nusomi.recorder.recorder.spool.SpoolEvents;
import com.sun.management.OperatingSystemMXBean;
import com.sun.management.ThreadMXBean;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadInfo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recorder figures for BENCHMARKS.md ("Recorder"). Run under Xvfb for the screen parts:
 * {@code xvfb-run -a -s '-screen 0 1920x1080x24' mvn -B -Pbenchmark test -Dtest=RecorderBenchmark -Djava.awt.headless=false}.
 * Results are appended to {@code target/benchmarks/recorder.md}. Bars: at most 10% of one core at 1 fps; 1,000
 * frames drained in under 10 s; resident memory grows by at most 10% over a 10-minute recording (that part runs
 * only with {@code -Drecorder.memoryMinutes=10}).
 */
@Tag("benchmark")
class RecorderBenchmark {
    private static final int WIDTH = BusyScreen.WIDTH;
    private static final int HEIGHT = BusyScreen.HEIGHT;

    /**
     * The platform's screen source (on X11 the X server's own pixels into a reused image) next to AWT's Robot, the
     * same screen captured by each in turn, 20 times; then the whole recorded frame through the platform's source.
     */
    @Test
    void timePerCapturedFrameNextToABareRobotCapture(@TempDir Path data) throws Exception {
        assumeFalse(GraphicsEnvironment.isHeadless(), "needs a display (Xvfb)");
        ThreadMXBean allocations = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long me = Thread.currentThread().getId();
        try (BusyScreen window = new BusyScreen();
                ScreenSource robot = new RobotScreenSource();
                ScreenSource platform = ScreenSources.forThisPlatform()) {
            for (int i = 0; i < 5; i++) { // warm up
                robot.capture(ScreenSelection.primary());
                platform.capture(ScreenSelection.primary());
            }
            long[] bare = new long[20];
            long[] bareBytes = new long[20];
            long[] own = new long[20];
            long[] ownBytes = new long[20];
            for (int i = 0; i < bare.length; i++) {
                window.change();
                long a = allocations.getThreadAllocatedBytes(me);
                long t = System.nanoTime();
                robot.capture(ScreenSelection.primary());
                bare[i] = System.nanoTime() - t;
                bareBytes[i] = allocations.getThreadAllocatedBytes(me) - a;
                window.change();
                a = allocations.getThreadAllocatedBytes(me);
                t = System.nanoTime();
                platform.capture(ScreenSelection.primary());
                own[i] = System.nanoTime() - t;
                ownBytes[i] = allocations.getThreadAllocatedBytes(me) - a;
            }
            long[] capture = new long[20];
            long[] encode = new long[20];
            long[] journal = new long[20];
            long[] total = new long[20];
            long bytes = 0;
            try (Spool spool = Spool.open(data, Spool.DEFAULT_LIMIT_BYTES, SpoolEvents.NONE);
                    FrameEncoder enc = new FrameEncoder(0.7f)) {
                SessionJournal j = spool.journal("ses_benchmark");
                for (int i = -5; i < 20; i++) {
                    window.change();
                    long t0 = System.nanoTime();
                    ScreenSource.Capture c = platform.capture(ScreenSelection.primary());
                    BufferedImage rgb = FrameEncoder.toRgb(c.image());
                    new MaskPlan(List.of(new Rectangle(0, 0, 300, 200)), false, null, 0).paint(rgb, c.bounds());
                    FrameEncoder.pixelHash(rgb);
                    long t1 = System.nanoTime();
                    byte[] jpeg = enc.jpeg(rgb);
                    long t2 = System.nanoTime();
                    j.appendFrame(Instant.now(), FrameEncoder.CONTENT_TYPE, jpeg);
                    long t3 = System.nanoTime();
                    if (i >= 0) {
                        capture[i] = t1 - t0;
                        encode[i] = t2 - t1;
                        journal[i] = t3 - t2;
                        total[i] = t3 - t0;
                        bytes += jpeg.length;
                    }
                }
            }
            String source = platform.getClass().getSimpleName();
            report(
                    "Time per captured frame, 1920×1080 under Xvfb (medians of 20, JPEG quality 0.7, busy window)",
                    "| step | ms | Java heap allocated per capture (median) |\n|---|---|---|\n"
                            + "| bare `Robot#createScreenCapture` | " + ms(median(bare)) + " | "
                            + (median(bareBytes) / 1024) + " KiB |\n"
                            + "| bare capture by the platform's source (" + source + ") | " + ms(median(own))
                            + String.format(Locale.ROOT, " (%.2f× Robot's)", median(own) / (double) median(bare))
                            + " | " + (median(ownBytes) / 1024) + " KiB |\n"
                            + "| capture (" + source + ") + RGB + blackout + pixel hash | " + ms(median(capture))
                            + " | |\n"
                            + "| JPEG encode | " + ms(median(encode)) + " | |\n"
                            + "| journal write (write, force, rename, force dir) | " + ms(median(journal)) + " | |\n"
                            + "| **total per recorded frame** | **" + ms(median(total)) + "** | |\n"
                            + "| mean JPEG size | " + (bytes / 20 / 1024) + " KiB | |\n");
        }
    }

    @Test
    void cpuOfRecordingAtOneFrameASecondForSixtySeconds(@TempDir Path serverDir, @TempDir Path data) throws Exception {
        assumeFalse(GraphicsEnvironment.isHeadless(), "needs a display (Xvfb)");
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (BusyScreen window = new BusyScreen();
                LocalServer server = new LocalServer(serverDir);
                SessionsClient client = server.newClient();
                RecorderService svc = RecorderService.builder(client, data)
                        .screenSource(ScreenSources.forThisPlatform())
                        .inputSource(new NativeHookInputSource())
                        .build()) {
            Session s = LocalServer.newRecordingSession(client);
            window.changeEvery(Duration.ofSeconds(1));
            long cpu0 = os.getProcessCpuTime();
            long wall0 = System.nanoTime();
            Recording r = svc.start(s.id(), s.startedAt(), RecorderOptions.defaults());
            await().atMost(90, TimeUnit.SECONDS)
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> System.nanoTime() - wall0 >= TimeUnit.SECONDS.toNanos(60));
            long recorderThreadsCpu = 0;
            for (ThreadInfo info : threads.dumpAllThreads(false, false)) {
                if (info.getThreadName().startsWith("recorder-")) {
                    recorderThreadsCpu += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
                }
            }
            long cpu = os.getProcessCpuTime() - cpu0;
            long wall = System.nanoTime() - wall0;
            RecorderStats stats = r.stats();
            r.stop().get(60, TimeUnit.SECONDS);
            window.stopChanging();
            double processShare = 100.0 * cpu / wall;
            double recorderShare = 100.0 * recorderThreadsCpu / wall;
            report(
                    "CPU of recording at 1 fps for 60 s (1920×1080 under Xvfb, the platform's screen source + jnativehook, embedded server in the same JVM)",
                    "| measure | value |\n|---|---|\n"
                            + "| frames recorded / unchanged | " + stats.framesRecorded() + " / "
                            + stats.framesUnchanged() + " |\n"
                            + "| recorder threads (capture + upload) | " + pct(recorderShare) + " of one core |\n"
                            + "| whole process (recorder, hooks, server, the test's changing window) | "
                            + pct(processShare) + " of one core |\n"
                            + "| bar | ≤ 10% of one core |\n");
            assertThat(stats.framesRecorded()).isGreaterThan(30);
        }
    }

    /**
     * Resident memory over a long recording at 1 fps, enabled with {@code -Drecorder.memoryMinutes=10} (skipped
     * otherwise, so the default run stays short). The picture changes twice a second and carries a counter, so no
     * frame is deduplicated (by the recorder or by the server's content-addressed files). RSS is read from
     * {@code /proc/self/status} once a minute; the heap after the last collection is shown next to it.
     */
    @Test
    void residentMemoryOverALongRecordingAtOneFrameASecond(@TempDir Path serverDir, @TempDir Path data)
            throws Exception {
        int minutes = Integer.getInteger("recorder.memoryMinutes", 0);
        assumeTrue(minutes > 0, "set -Drecorder.memoryMinutes=10 to run");
        assumeFalse(GraphicsEnvironment.isHeadless(), "needs a display (Xvfb)");
        StringBuilder rows = new StringBuilder("| minute | RSS (MiB) | heap after last GC (MiB) | heap committed (MiB) "
                + "| frames recorded / unchanged | uploads pending |\n|---|---|---|---|---|---|\n");
        long rssStart;
        long rssOneMinute = 0;
        long rssEnd;
        RecorderStats stats;
        try (BusyScreen window = new BusyScreen();
                LocalServer server = new LocalServer(serverDir);
                SessionsClient client = server.newClient();
                RecorderService svc = RecorderService.builder(client, data)
                        .screenSource(ScreenSources.forThisPlatform())
                        .inputSource(new NativeHookInputSource())
                        .build()) {
            Session s = LocalServer.newRecordingSession(client);
            window.changeWithACounterEvery(Duration.ofMillis(500));
            Recording r = svc.start(s.id(), s.startedAt(), RecorderOptions.defaults());
            await().atMost(30, TimeUnit.SECONDS).until(() -> r.stats().framesRecorded() >= 1);
            long t0 = System.nanoTime();
            rssStart = residentBytes();
            rows.append(memoryRow(0, rssStart, r.stats()));
            for (int m = 1; m <= minutes; m++) {
                long due = t0 + TimeUnit.MINUTES.toNanos(m);
                await().atMost(minutes + 1L, TimeUnit.MINUTES)
                        .pollInterval(Duration.ofSeconds(1))
                        .until(() -> System.nanoTime() >= due);
                long rss = residentBytes();
                if (m == 1) {
                    rssOneMinute = rss;
                }
                rows.append(memoryRow(m, rss, r.stats()));
            }
            rssEnd = residentBytes();
            stats = r.stats();
            r.stop().get(120, TimeUnit.SECONDS);
            window.stopChanging();
        }
        report(
                "Resident memory over a " + minutes + "-minute recording at 1 fps (1920×1080 under Xvfb, a picture "
                        + "that changes every 0.5 s, embedded server in the same JVM; JVM options: "
                        + String.join(
                                " ",
                                ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                                        .filter(a -> a.startsWith("-X"))
                                        .toList())
                        + ")",
                rows + "\n| measure | value |\n|---|---|\n"
                        + "| RSS at the start (first frame recorded) → end | " + mib(rssStart) + " → " + mib(rssEnd)
                        + " MiB (" + pct(100.0 * (rssEnd - rssStart) / rssStart) + ") |\n"
                        + "| RSS after the first minute → end | " + mib(rssOneMinute) + " → " + mib(rssEnd) + " MiB ("
                        + pct(100.0 * (rssEnd - rssOneMinute) / rssOneMinute) + ") |\n"
                        + "| frames recorded / unchanged | " + stats.framesRecorded() + " / " + stats.framesUnchanged()
                        + " |\n| bar | growth ≤ 10% |\n");
        assertThat(stats.framesRecorded()).isGreaterThan(minutes * 50L);
    }

    private static String memoryRow(int minute, long rss, RecorderStats stats) {
        long afterGc = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
                afterGc += pool.getCollectionUsage().getUsed();
            }
        }
        long committed =
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted();
        return "| " + minute + " | " + mib(rss) + " | " + mib(afterGc) + " | " + mib(committed) + " | "
                + stats.framesRecorded() + " / " + stats.framesUnchanged() + " | " + stats.pendingEntries() + " |\n";
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.0f", bytes / 1048576.0);
    }

    @Test
    void drainOfAThousandFramesToTheLocalServer(@TempDir Path serverDir, @TempDir Path data) throws Exception {
        BufferedImage base = BusyScreen.busyImage(new Random(1));
        long bytes = 0;
        try (LocalServer server = new LocalServer(serverDir);
                SessionsClient client = server.newClient()) {
            Session s = LocalServer.newRecordingSession(client);
            try (Spool spool = Spool.open(data, Spool.DEFAULT_LIMIT_BYTES, SpoolEvents.NONE);
                    FrameEncoder enc = new FrameEncoder(0.7f)) {
                SessionJournal j = spool.journal(s.id());
                BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
                for (int i = 0; i < 1000; i++) {
                    Graphics2D g = img.createGraphics();
                    g.drawImage(base, 0, 0, null);
                    g.setColor(Color.BLACK);
                    g.setFont(new Font(Font.MONOSPACED, Font.BOLD, 48));
                    g.drawString("frame " + i, 40 + (i % 50) * 10, 80);
                    g.dispose();
                    byte[] jpeg = enc.jpeg(img);
                    bytes += jpeg.length;
                    j.appendFrame(Instant.now(), FrameEncoder.CONTENT_TYPE, jpeg);
                }
            }
            CollectingListener l = new CollectingListener();
            long t0 = System.nanoTime();
            try (RecorderService svc = RecorderService.builder(client, data)
                    .listener(l)
                    .inputSource(new SyntheticInputSource())
                    .build()) {
                svc.recoverAll();
                assertThat(svc.finish(s.id()).get(120, TimeUnit.SECONDS)).isTrue();
            }
            long elapsed = System.nanoTime() - t0;
            assertThat(client.sessions().get(s.id()).execute().frameCount()).isEqualTo(1000);
            // the same kind of frames uploaded straight through the client, no journal: the server-bound part
            Session bareSession = LocalServer.newRecordingSession(client);
            byte[][] sample = new byte[20][];
            try (FrameEncoder enc = new FrameEncoder(0.7f)) {
                for (int i = 0; i < sample.length; i++) {
                    BufferedImage img = FrameEncoder.toRgb(base);
                    BufferedImage copy = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
                    Graphics2D g = copy.createGraphics();
                    g.drawImage(img, 0, 0, null);
                    g.setColor(Color.BLACK);
                    g.drawString("bare " + i, 40, 80);
                    g.dispose();
                    sample[i] = enc.jpeg(copy);
                }
            }
            long b0 = System.nanoTime();
            for (int i = 0; i < 200; i++) {
                byte[] one = sample[i % sample.length].clone();
                one[one.length - 3] = (byte) i; // distinct content per seq (inside the entropy-coded data)
                FrameUpload frame = FrameUpload.of(i, Instant.now(), FrameEncoder.CONTENT_TYPE, one);
                client.frames().upload(bareSession.id(), frame).execute();
            }
            double bareRate = 200 / ((System.nanoTime() - b0) / 1e9);
            report(
                    "Drain of a spool of 1,000 frames (1920×1080 JPEG) to the local server over loopback",
                    "| measure | value |\n|---|---|\n"
                            + "| frames / total size | 1,000 / " + (bytes / 1048576) + " MiB |\n"
                            + "| time to drain (recover, upload in order, stop acknowledged) | "
                            + String.format(Locale.ROOT, "%.2f s", elapsed / 1e9) + " |\n"
                            + "| rate | " + String.format(Locale.ROOT, "%.0f frames/s", 1000 / (elapsed / 1e9)) + " |\n"
                            + "| for comparison: 200 such frames uploaded straight through the client (no journal) | "
                            + String.format(Locale.ROOT, "%.0f frames/s", bareRate) + " |\n"
                            + "| bar | < 10 s |\n");
        }
    }

    // ---- helpers ----

    private static long median(long[] v) {
        long[] c = v.clone();
        Arrays.sort(c);
        return c[c.length / 2];
    }

    /**
     * What masking costs per frame, next to what it cost before: then, a spawned {@code xdotool search} and a
     * {@code getwindowgeometry} per private window, and a rectangle painted per masked window; now, two XCB
     * snapshots of the desktop (before and after the capture), the stacking plans and their painting. On a desktop
     * of Openbox with seven xterms, one of them private (needs Xvfb; starts Openbox when none runs).
     */
    @Test
    void costOfMaskingPerFrameNextToTheOldWay() throws Exception {
        assumeFalse(GraphicsEnvironment.isHeadless(), "needs a display (Xvfb)");
        Assumptions.assumeTrue(XDesktopAccess.ready(), "needs Openbox and xterm");
        List<XTerm> terms = new ArrayList<>();
        try {
            for (int i = 0; i < 7; i++) {
                terms.add(XTerm.open(
                        i == 3 ? "Invoice terminal" : "Work " + i,
                        "#" + Integer.toHexString(0x203040 + i * 0x101010),
                        60 + i * 120,
                        60 + i * 70,
                        500,
                        320));
            }
            ScreenSource robot = new RobotScreenSource();
            Pattern secret = Pattern.compile("Invoice terminal");
            var masks = new Masks(ProcessHandle.current().pid(), List.of(secret));
            int n = 30;
            long[] oldLookup = new long[n];
            long[] oldPaint = new long[n];
            long[] newSnapshots = new long[n];
            long[] newPlanPaint = new long[n];
            long[] frame = new long[n];
            try (var x11 = new X11WindowLocator();
                    FrameEncoder enc = new FrameEncoder(0.7f)) {
                for (int i = -5; i < n; i++) {
                    ScreenSource.Capture c = robot.capture(ScreenSelection.primary());
                    BufferedImage rgb = FrameEncoder.toRgb(c.image());
                    long t0 = System.nanoTime();
                    String ids = Tools.xdotool("search", "--onlyvisible", "--name", secret.pattern())
                            .strip();
                    List<Rectangle> rects = new ArrayList<>();
                    for (String id : ids.split("\\s+", -1)) {
                        Tools.xdotool("getwindowgeometry", "--shell", id);
                        rects.add(new Rectangle(100, 100, 500, 320));
                    }
                    rects.add(new Rectangle(0, 0, 1200, 780)); // the main window, as before
                    long t1 = System.nanoTime();
                    new MaskPlan(rects, false, null, 0).paint(rgb, c.bounds());
                    long t2 = System.nanoTime();
                    var before = x11.snapshot();
                    var after = x11.snapshot();
                    long t3 = System.nanoTime();
                    masks.plan(before).paint(rgb, c.bounds());
                    masks.plan(after).paint(rgb, c.bounds());
                    long t4 = System.nanoTime();
                    enc.jpeg(rgb);
                    long t5 = System.nanoTime();
                    if (i >= 0) {
                        oldLookup[i] = t1 - t0;
                        oldPaint[i] = t2 - t1;
                        newSnapshots[i] = t3 - t2;
                        newPlanPaint[i] = t4 - t3;
                        frame[i] = (t5 - t4) + (t2 - t1);
                    }
                }
            }
            long oldTotal = median(oldLookup) + median(oldPaint);
            long newTotal = median(newSnapshots) + median(newPlanPaint);
            report(
                    "Masking per frame, 1600×1000 under Xvfb + Openbox, 7 xterms, 1 private (medians of " + n + ")",
                    "| step | ms |\n|---|---|\n"
                            + "| old: xdotool search + getwindowgeometry (processes) | " + ms(median(oldLookup))
                            + " |\n"
                            + "| old: paint whole rectangles | " + ms(median(oldPaint)) + " |\n"
                            + "| **old masking** | **" + ms(oldTotal) + "** |\n"
                            + "| new: two XCB snapshots (before and after the capture) | " + ms(median(newSnapshots))
                            + " |\n"
                            + "| new: stacking plans + paint | " + ms(median(newPlanPaint)) + " |\n"
                            + "| **new masking** | **" + ms(newTotal) + "** |\n"
                            + "| new ÷ old | " + String.format(Locale.ROOT, "%.2f", (double) newTotal / oldTotal)
                            + " |\n"
                            + "| for scale: JPEG encode of the frame | " + ms(median(frame)) + " |\n");
        } finally {
            terms.forEach(XTerm::close);
        }
    }

    private static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e6);
    }

    private static String pct(double p) {
        return String.format(Locale.ROOT, "%.1f%%", p);
    }

    private static long residentBytes() throws IOException {
        return Resident.kilobytes(ProcessHandle.current().pid()) * 1024;
    }

    private static void report(String title, String table) throws IOException {
        Path out = Path.of("target", "benchmarks", "recorder.md");
        Files.createDirectories(out.getParent());
        String text = "### " + title + "\n\n" + table + "\n";
        Files.writeString(out, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        System.out.print(text);
    }
}
