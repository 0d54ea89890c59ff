package com.nusomi.recorder.recorder;

import static org.assertj.core.api.Assertions.assertThat;

import com.nusomi.recorder.bench.BusyScreen;
import com.nusomi.recorder.client.SessionsClient;
import com.nusomi.recorder.client.model.Session;
import com.nusomi.recorder.recorder.capture.FrameEncoder;
import com.nusomi.recorder.recorder.input.SyntheticInputSource;
import com.nusomi.recorder.recorder.spool.SessionJournal;
import com.nusomi.recorder.recorder.spool.Spool;
import com.nusomi.recorder.recorder.spool.SpoolEvents;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20 (f): draining a spool of 1,000 recorded 1920×1080 JPEG frames to the local server, through the recorder's
 * real journal and uploader ({@code RecorderService.recoverAll} then {@code finish}: recover, upload in order,
 * acknowledge, the stop last), next to a bare OkHttp loop posting the same 1,000 frame bodies and the same stop to
 * the same server (one client, one keep-alive connection, no journal, no idempotency keys), in the same run. Rounds
 * alternate which goes first; each ratio is taken within its round; the median of {@value #DEFAULT_ROUNDS} rounds
 * (by default; {@code -Dbench.drainRounds=N}) is reported against the bar of 1.2. The frames: 20 distinct busy
 * pictures, each frame's JPEG made distinct by a comment segment of its own (every frame a new image for
 * the server's content-addressed files). Writing the spool is not timed. {@code mvn -B -Pbenchmark test
 * -Dtest=DrainBenchmark}; writes {@code target/benchmarks/drain.md}.
 */
@Tag("benchmark")
class DrainBenchmark {
    private static final int DEFAULT_ROUNDS = 7;
    private static final int FRAMES = 1000;
    private static final MediaType JPEG = MediaType.get(FrameEncoder.CONTENT_TYPE);

    @Test
    void drainOfAThousandFramesNextToABareOkHttpLoop(@TempDir Path serverDir, @TempDir Path spools) throws Exception {
        int rounds = Integer.getInteger("bench.drainRounds", DEFAULT_ROUNDS);
        byte[][] frames = frames();
        long totalBytes = Arrays.stream(frames).mapToLong(f -> f.length).sum();
        List<long[]> runs = new ArrayList<>(); // drain ns, bare ns
        String loadAtStart = loadAverage();
        try (LocalServer server = new LocalServer(serverDir);
                SessionsClient client = server.newClient()) {
            OkHttpClient bare = new OkHttpClient.Builder()
                    .connectionPool(new ConnectionPool(1, 5, TimeUnit.MINUTES))
                    .build();
            for (int round = 0; round < rounds; round++) {
                long drain;
                long plain;
                if (round % 2 == 0) {
                    drain = drain(client, spools.resolve("r" + round), frames);
                    plain = bareLoop(server, client, bare, frames);
                } else {
                    plain = bareLoop(server, client, bare, frames);
                    drain = drain(client, spools.resolve("r" + round), frames);
                }
                runs.add(new long[] {drain, plain});
            }
            bare.dispatcher().executorService().shutdown();
            bare.connectionPool().evictAll();
        }
        double[] ratios = runs.stream().mapToDouble(r -> r[0] / (double) r[1]).toArray();
        double[] sorted = ratios.clone();
        Arrays.sort(sorted);
        double ratio = sorted[sorted.length / 2];
        long drainMedian = median(runs.stream().mapToLong(r -> r[0]).toArray());
        long bareMedian = median(runs.stream().mapToLong(r -> r[1]).toArray());
        String report = String.format(
                Locale.ROOT,
                """
                | measure | median of %d | per round |
                |---|---|---|
                | recorder: drain of 1,000 frames (%d MiB) from its journal, stop acknowledged | %.2f s | %s |
                | bare OkHttp loop: the same 1,000 bodies and the stop, one connection, no journal | %.2f s | %s |
                | drain ÷ bare (median of the per-round ratios; bar ≤ 1.2) | **%.2f×** %s | %s |

                Load average at the start: %s; at the end: %s.
                """,
                rounds,
                totalBytes / 1048576,
                drainMedian / 1e9,
                seconds(runs, 0),
                bareMedian / 1e9,
                seconds(runs, 1),
                ratio,
                ratio <= 1.2 ? "met" : "MISSED",
                Arrays.toString(Arrays.stream(ratios)
                        .mapToObj(r -> String.format(Locale.ROOT, "%.2f", r))
                        .toArray()),
                loadAtStart,
                loadAverage());
        System.out.println(report);
        Path out = Files.createDirectories(Path.of("target", "benchmarks")).resolve("drain.md");
        Files.writeString(out, report, StandardCharsets.UTF_8);
        assertThat(runs).allMatch(r -> r[0] > 0 && r[1] > 0);
    }

    /** Writes the frames into a fresh spool (untimed), then times a new recorder service draining it. */
    private static long drain(SessionsClient client, Path data, byte[][] frames) throws Exception {
        Session s = LocalServer.newRecordingSession(client);
        try (Spool spool = Spool.open(data, Spool.DEFAULT_LIMIT_BYTES, SpoolEvents.NONE)) {
            SessionJournal j = spool.journal(s.id());
            for (byte[] f : frames) {
                j.appendFrame(Instant.now(), FrameEncoder.CONTENT_TYPE, f);
            }
        }
        long t0 = System.nanoTime();
        try (RecorderService svc = RecorderService.builder(client, data)
                .inputSource(new SyntheticInputSource())
                .build()) {
            svc.recoverAll();
            assertThat(svc.finish(s.id()).get(300, TimeUnit.SECONDS)).isTrue();
        }
        long elapsed = System.nanoTime() - t0;
        assertThat(client.sessions().get(s.id()).execute().frameCount()).isEqualTo(FRAMES);
        return elapsed;
    }

    /** The same bodies posted one after the other by plain OkHttp, then the stop; timed from the first post. */
    private static long bareLoop(LocalServer server, SessionsClient client, OkHttpClient http, byte[][] frames)
            throws IOException {
        Session s = LocalServer.newRecordingSession(client);
        String base = server.baseUrl() + "/v1/sessions/" + s.id();
        String auth = "Bearer " + server.adminKey();
        long t0 = System.nanoTime();
        for (int seq = 0; seq < frames.length; seq++) {
            Request post = new Request.Builder()
                    .url(base + "/frames?seq=" + seq + "&captured_at=" + Instant.now())
                    .header("Authorization", auth)
                    .post(RequestBody.create(frames[seq], JPEG))
                    .build();
            try (Response r = http.newCall(post).execute()) {
                if (r.code() != 201) {
                    throw new IllegalStateException(
                            "frame " + seq + ": " + r.code() + " " + r.body().string());
                }
                r.body().bytes();
            }
        }
        Request stop = new Request.Builder()
                .url(base + "/stop")
                .header("Authorization", auth)
                .post(RequestBody.create(new byte[0], null))
                .build();
        try (Response r = http.newCall(stop).execute()) {
            if (r.code() != 200) {
                throw new IllegalStateException(
                        "stop: " + r.code() + " " + r.body().string());
            }
            r.body().bytes();
        }
        long elapsed = System.nanoTime() - t0;
        assertThat(client.sessions().get(s.id()).execute().frameCount()).isEqualTo(FRAMES);
        return elapsed;
    }

    /** 1,000 distinct 1920×1080 JPEGs: 20 busy pictures, each copy changed by one byte of its entropy-coded data. */
    private static byte[][] frames() throws IOException {
        Random random = new Random(1);
        byte[][] pictures = new byte[20][];
        try (FrameEncoder enc = new FrameEncoder(0.7f)) {
            for (int i = 0; i < pictures.length; i++) {
                BufferedImage base = BusyScreen.busyImage(random);
                BufferedImage img = new BufferedImage(BusyScreen.WIDTH, BusyScreen.HEIGHT, BufferedImage.TYPE_INT_RGB);
                Graphics2D g = img.createGraphics();
                g.drawImage(base, 0, 0, null);
                g.setColor(Color.BLACK);
                g.setFont(new Font(Font.MONOSPACED, Font.BOLD, 48));
                g.drawString("picture " + i, 40, 80);
                g.dispose();
                pictures[i] = enc.jpeg(img);
            }
        }
        byte[][] frames = new byte[FRAMES][];
        for (int i = 0; i < FRAMES; i++) {
            frames[i] = withComment(pictures[i % pictures.length], "frame " + i);
        }
        return frames;
    }

    /**
     * The JPEG with a comment segment (COM) right after its start marker: distinct bytes for every frame, still a
     * whole, valid image (flipping a byte of the entropy-coded data instead made the server refuse most frames as
     * damaged, as its strict frame check should).
     */
    private static byte[] withComment(byte[] jpeg, String comment) {
        byte[] text = comment.getBytes(StandardCharsets.US_ASCII);
        int length = text.length + 2; // the segment's length counts its own two bytes
        byte[] out = new byte[jpeg.length + 2 + length];
        out[0] = jpeg[0]; // SOI: FF D8
        out[1] = jpeg[1];
        out[2] = (byte) 0xFF; // COM
        out[3] = (byte) 0xFE;
        out[4] = (byte) (length >> 8);
        out[5] = (byte) length;
        System.arraycopy(text, 0, out, 6, text.length);
        System.arraycopy(jpeg, 2, out, 6 + text.length, jpeg.length - 2);
        return out;
    }

    private static String seconds(List<long[]> runs, int field) {
        return Arrays.toString(runs.stream()
                .map(r -> String.format(Locale.ROOT, "%.2f", r[field] / 1e9))
                .toArray());
    }

    private static long median(long[] v) {
        long[] c = v.clone();
        Arrays.sort(c);
        return c[c.length / 2];
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
