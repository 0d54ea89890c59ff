package com.nusomi.recorder.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.nusomi.recorder.client.SessionsClient;
import com.nusomi.recorder.client.model.Actor;
import com.nusomi.recorder.client.model.Frame;
import com.nusomi.recorder.client.model.Outcome;
import com.nusomi.recorder.client.request.CreateSessionRequest;
import com.nusomi.recorder.client.request.EventInput;
import com.nusomi.recorder.client.request.FrameUpload;
import com.nusomi.recorder.client.request.TagRequest;
import com.nusomi.recorder.export.steps.StepPicture;
import com.nusomi.recorder.server.ApiServer;
import com.nusomi.recorder.server.ServerConfig;
import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.OperatingSystemMXBean;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import javax.management.ListenerNotFoundException;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import org.jcodec.common.model.Picture;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 18's export benchmark: a run at 1 fps of a changing 1920×1080 synthetic screen (a busy business-application
 * picture with a counter, a moving block and a changing line of text on every frame; a click and a key burst every
 * 10 s, a note every 5 minutes, two tags), recorded into the real server through the real client, then exported as
 * HTML, PDF, the run bundle and MP4 through {@link ClientRunSource}, each timed and its heap watched
 * ({@code -Dbench.skipVideo=true} leaves the slow MP4 out).
 *
 * <p>Run: {@code mvn -B -Pbenchmark test -Dtest=ExportBenchmark -DargLine=-Xmx256m}. Length:
 * {@code -Dbench.exportMinutes=60} (the default; a shorter run is scaled to an hour in the print-out). Baseline,
 * measured in the same run: reading every frame through the client and decoding its JPEG, the floor of any export
 * that looks at every frame. Heap: the largest heap in use right after a garbage collection during the export (what
 * the export keeps alive), and the largest sampled (garbage included). Also measures JCodec's encoder alone at 1080p
 * and 720p, with and without motion search (decision 0015). "cpu/hour" is the CPU time of the whole process (the
 * export, the client, the server, the collector) scaled to an hour: on a shared machine it says more than the wall
 * time. {@code -Dbench.overlays=true} also times a video with rings and captions. Prints; asserts only that each file
 * was written.
 */
@Tag("benchmark")
class ExportBenchmark {
    private static final int MINUTES = Integer.getInteger("bench.exportMinutes", 60);
    private static final int W = 1920;
    private static final int H = 1080;
    private static final Instant T0 = Instant.parse("2026-05-07T08:00:00Z");

    @Test
    void exportsOfARunAtOneFramePerSecond() throws Exception {
        Path dir = Path.of("target", "bench-export");
        deleteTree(dir);
        Files.createDirectories(dir);
        AtomicReference<Instant> now = new AtomicReference<>(T0);
        int frames = MINUTES * 60;
        try (ApiServer server = ApiServer.start(ServerConfig.builder()
                        .dataDir(dir.resolve("server"))
                        .port(0)
                        .clock(fixed(now))
                        .build());
                SessionsClient client = SessionsClient.builder()
                        .baseUrl(server.baseUrl())
                        .apiKey(server.adminKey())
                        .build()) {
            long t = System.nanoTime();
            String id = record(client, now, frames);
            System.out.printf(Locale.ROOT, "recorded %d frames of %dx%d in %.1f s%n", frames, W, H, secondsSince(t));
            double baseline = baseline(client, id);
            double runSeconds = MINUTES * 60.0;
            System.out.printf(
                    Locale.ROOT,
                    "%nRun: %d min at 1 fps (%d frames), JVM max heap %d MiB%n",
                    MINUTES,
                    frames,
                    Runtime.getRuntime().maxMemory() >> 20);
            System.out.printf(
                    Locale.ROOT,
                    "baseline (read + decode every frame): %.1f s%n%n%-22s %9s %9s %9s %9s %10s %10s %9s %9s %6s%n",
                    baseline,
                    "export",
                    "time s",
                    "per hour",
                    "cpu/hour",
                    "bar/hour",
                    "÷baseline",
                    "heap live",
                    "heap peak",
                    "size MB",
                    "");
            measure(dir, client, id, "html", ExportFormat.HTML, ExportOptions.DEFAULTS, runSeconds / 60, baseline);
            measure(dir, client, id, "pdf", ExportFormat.PDF, ExportOptions.DEFAULTS, runSeconds / 30, baseline);
            measure(dir, client, id, "bundle", ExportFormat.BUNDLE, ExportOptions.DEFAULTS, runSeconds / 60, baseline);
            if (!Boolean.getBoolean("bench.skipVideo")) {
                measure(dir, client, id, "mp4", ExportFormat.MP4, ExportOptions.DEFAULTS, runSeconds / 20, baseline);
            }
            if (Boolean.getBoolean("bench.overlays")) {
                measure(
                        dir,
                        client,
                        id,
                        "mp4 overlays",
                        ExportFormat.MP4,
                        ExportOptions.DEFAULTS.withOverlays(true),
                        runSeconds / 20,
                        baseline);
            }
        } finally {
            deleteTree(dir.resolve("server"));
        }
    }

    @Test
    void jcodecEncoderAlone() throws Exception {
        Random rnd = new Random(11);
        BufferedImage[] base = {busy(rnd), busy(rnd), busy(rnd)};
        int n = Integer.getInteger("bench.encoderFrames", 60);
        System.out.printf(Locale.ROOT, "%nJCodec H.264, %d changing frames each (ms per frame):%n", n);
        for (int[] size : new int[][] {{1920, 1080}, {1280, 720}}) {
            for (int range : new int[] {16, 0}) {
                encode(base, size[0], size[1], range, 10); // warm-up
                double ms = encode(base, size[0], size[1], range, n);
                System.out.printf(
                        Locale.ROOT, "  %dx%d, motion search %2d: %6.1f ms%n", size[0], size[1], range, ms / n);
            }
        }
    }

    private static double encode(BufferedImage[] base, int w, int h, int range, int n) throws IOException {
        Path file = Files.createTempFile("bench-", ".mp4");
        try {
            VideoCanvas canvas = VideoCanvas.forFrames(w, h);
            long t = System.nanoTime();
            try (H264Writer writer = new H264Writer(file, w, h, range)) {
                for (int i = 0; i < n; i++) {
                    BufferedImage frame = changed(base[(i / 30) % base.length], i);
                    Picture p = Yuv.of(canvas.place(frame).image());
                    writer.add(p, i * 1000L, (i + 1) * 1000L);
                }
                writer.finish();
            }
            return (System.nanoTime() - t) / 1e6;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static void measure(
            Path dir,
            SessionsClient client,
            String id,
            String label,
            ExportFormat format,
            ExportOptions options,
            double barSeconds,
            double baseline)
            throws Exception {
        Exporter exporter = Exporters.forFormat(format).orElseThrow();
        Path file = dir.resolve(label.replace(' ', '-') + "." + format.extension());
        System.gc();
        try (HeapWatch heap = new HeapWatch()) {
            long t = System.nanoTime();
            long cpu = processCpuNanos();
            RunSource run = ClientRunSource.open(client, id);
            AtomicFile.write(file, out -> exporter.write(run, out, options, ExportProgress.NONE));
            double s = secondsSince(t);
            double cpuSeconds = (processCpuNanos() - cpu) / 1e9;
            double perHour = s * 60 / MINUTES;
            double barPerHour = barSeconds * 60 / MINUTES;
            System.out.printf(
                    Locale.ROOT,
                    "%-22s %9.1f %9.1f %9.1f %9.0f %9.2fx %7d MiB %6d MiB %9.1f %6s%n",
                    label,
                    s,
                    perHour,
                    cpuSeconds * 60 / MINUTES,
                    barPerHour,
                    s / baseline,
                    heap.liveMax() >> 20,
                    heap.sampledMax() >> 20,
                    Files.size(file) / 1e6,
                    s <= barSeconds ? "PASS" : "MISS");
        }
        assertThat(Files.size(file)).isPositive();
    }

    private static double baseline(SessionsClient client, String id) throws IOException {
        long t = System.nanoTime();
        RunSource run = ClientRunSource.open(client, id);
        long pixels = 0;
        for (Frame f : run.frames()) {
            BufferedImage img =
                    ImageIO.read(new ByteArrayInputStream(run.image(f).bytes()));
            pixels += (long) img.getWidth() * img.getHeight();
        }
        assertThat(pixels).isPositive();
        return secondsSince(t);
    }

    /** Records the run: frames encoded on two threads, uploaded in order; then the events, tags and the stop. */
    private static String record(SessionsClient client, AtomicReference<Instant> now, int frames) throws Exception {
        String id = client.sessions()
                .create(CreateSessionRequest.builder("invoice_entry")
                        .actor(Actor.human("operator@example.com"))
                        .metadata(Map.of("benchmark", "export", "minutes", MINUTES))
                        .start(true)
                        .build())
                .execute()
                .id();
        Random rnd = new Random(7);
        BufferedImage[] base = new BufferedImage[8];
        for (int i = 0; i < base.length; i++) {
            base[i] = busy(rnd);
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<byte[]>> window = new ArrayList<>();
            int next = 0;
            for (int seq = 0; seq < frames; seq++) {
                while (next < frames && next < seq + 8) {
                    int i = next++;
                    window.add(pool.submit(() -> StepPicture.jpeg(changed(base[(i / 30) % base.length], i))));
                }
                byte[] jpeg = window.remove(0).get();
                client.frames()
                        .upload(id, FrameUpload.jpeg(seq, T0.plusMillis(seq * 1000L + 100), jpeg))
                        .execute();
            }
        } finally {
            pool.shutdownNow();
        }
        List<EventInput> events = new ArrayList<>();
        for (int s = 0; s < frames; s += 10) {
            events.add(click(s * 1000L + 300, rnd, s % 20 == 0 ? "Invoices – ERP" : "Mail – Inbox"));
            events.add(EventInput.of(
                    "key",
                    T0.plusMillis(s * 1000L + 2_000),
                    Map.of("keys", 8, "modifiers", s % 60 == 0 ? List.of("ctrl") : List.of())));
            if (s % 300 == 0) {
                events.add(EventInput.of("note", T0.plusMillis(s * 1000L + 4_000), Map.of("text", "Checked at " + s)));
            }
            if (events.size() >= 400) {
                client.events().append(id, events).execute();
                events.clear();
            }
        }
        if (!events.isEmpty()) {
            client.events().append(id, events).execute();
        }
        now.set(T0.plusSeconds(frames / 2));
        client.sessions().tag(id, TagRequest.of("reviewed")).execute();
        now.set(T0.plusSeconds(frames + 1L));
        client.sessions().tag(id, TagRequest.outcome(Outcome.SUCCESS)).execute();
        client.sessions().stop(id).execute();
        return id;
    }

    private static EventInput click(long ms, Random rnd, String window) {
        int x = rnd.nextInt(W);
        int y = rnd.nextInt(H);
        return EventInput.of(
                "click",
                T0.plusMillis(ms),
                Map.of("x", x, "y", y, "frame_x", x, "frame_y", y, "button", "primary", "window", window));
    }

    /** A busy picture like a business application: coloured blocks and lines of text. */
    static BufferedImage busy(Random rnd) {
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, W, H);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        for (int i = 0; i < 400; i++) {
            g.setColor(new Color(rnd.nextInt(0xFFFFFF)));
            g.fillRect(rnd.nextInt(W), rnd.nextInt(H), 20 + rnd.nextInt(200), 10 + rnd.nextInt(60));
        }
        g.setColor(Color.BLACK);
        for (int y = 20; y < H; y += 18) {
            g.drawString("Invoice 4711 Acme Corp. amount 4,500.00 EUR due 2026-05-07 " + y, 10 + (y % 7) * 20, y);
        }
        g.dispose();
        return img;
    }

    /** {@code base} with frame {@code i}'s changes: a counter, a moving block, a line of text. */
    static BufferedImage changed(BufferedImage base, int i) {
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.drawImage(base, 0, 0, null);
        g.setColor(new Color(Color.HSBtoRGB((i % 36) / 36f, 0.5f, 0.9f)));
        g.fillRect((i * 37) % (W - 200), (i * 23) % (H - 120), 200, 120);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.MONOSPACED, Font.BOLD, 48));
        g.drawString("Frame " + i, W - 420, 80);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 16));
        g.drawString("Amount typed: " + (i * 7919 % 100_000) + ".00 EUR — line " + i, 300, 500 + (i % 20) * 18);
        g.dispose();
        return img;
    }

    private static Clock fixed(AtomicReference<Instant> now) {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
    }

    /** CPU time of the whole process (export, client, server, GC), in ns. */
    private static long processCpuNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double secondsSince(long nanos) {
        return (System.nanoTime() - nanos) / 1e9;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** The heap while it runs: the largest in use after any collection, and the largest sampled every 10 ms. */
    private static final class HeapWatch implements AutoCloseable {
        /** The heap's pools (not metaspace, not the code cache). */
        private static final Set<String> HEAP_POOLS = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getName)
                .collect(Collectors.toSet());

        private final AtomicLong live = new AtomicLong();
        private final AtomicLong sampled = new AtomicLong();
        private final NotificationListener listener = (n, handback) -> {
            if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
                GarbageCollectionNotificationInfo info =
                        GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                long used = 0;
                for (Map.Entry<String, MemoryUsage> u :
                        info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                    if (HEAP_POOLS.contains(u.getKey())) {
                        used += u.getValue().getUsed();
                    }
                }
                live.accumulateAndGet(used, Math::max);
            }
        };
        private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        private final ScheduledFuture<?> sampling;

        HeapWatch() {
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((NotificationEmitter) gc).addNotificationListener(listener, null, null);
            }
            sampling = sampler.scheduleAtFixedRate(
                    () -> sampled.accumulateAndGet(
                            ManagementFactory.getMemoryMXBean()
                                    .getHeapMemoryUsage()
                                    .getUsed(),
                            Math::max),
                    0,
                    10,
                    TimeUnit.MILLISECONDS);
        }

        long liveMax() {
            return live.get();
        }

        long sampledMax() {
            return sampled.get();
        }

        @Override
        public void close() {
            sampling.cancel(false);
            sampler.shutdownNow();
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                try {
                    ((NotificationEmitter) gc).removeNotificationListener(listener);
                } catch (ListenerNotFoundException e) {
                    throw new UncheckedIOException(new IOException(e));
                }
            }
        }
    }
}
