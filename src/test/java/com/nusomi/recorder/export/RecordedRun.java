package com.nusomi.recorder.export;

import com.nusomi.recorder.client.SessionsClient;
import com.nusomi.recorder.client.model.Actor;
import com.nusomi.recorder.client.model.Outcome;
import com.nusomi.recorder.client.model.Session;
import com.nusomi.recorder.client.model.Tag;
import com.nusomi.recorder.client.request.CreateSessionRequest;
import com.nusomi.recorder.client.request.EventInput;
import com.nusomi.recorder.client.request.FrameUpload;
import com.nusomi.recorder.client.request.TagRequest;
import com.nusomi.recorder.server.ApiServer;
import com.nusomi.recorder.server.ServerConfig;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;

/**
 * A run recorded against the real embedded server through the real client, on a clock the test moves: six frames
 * (640×400, none of them red), three clicks inside the captured area, key bursts without characters, a note, a
 * pause of two minutes with a tag put on during it, the verdict, and frame 3 painted black through
 * {@code frames:redact}. The steps it must give are {@link #captions()}.
 */
public final class RecordedRun implements AutoCloseable {
    /** The start of the run. */
    public static final Instant T0 = Instant.parse("2026-05-07T14:00:00Z");

    /** The frames' size. */
    public static final int W = 640;

    public static final int H = 400;

    /** A window title that must stay text. */
    public static final String HOSTILE_TITLE = "<script>alert('x')</script> & co";

    /** The workflow. */
    public static final String WORKFLOW = "invoice_entry";

    /** Each frame's capture time, in ms after T0. */
    static final long[] FRAME_MS = {1_000, 2_200, 4_000, 5_200, 130_000, 131_300};

    /** The clicks: ms after T0, frame x, frame y. */
    static final int[][] CLICKS = {{2_000, 100, 80}, {5_000, 300, 200}, {131_000, 500, 350}};

    /** The redacted frame's seq (the one shown for the second click). */
    public static final long REDACTED_SEQ = 3;

    /** The session stops at T0 + this. */
    public static final long STOP_MS = 140_000;

    /** The pause: from, to (ms after T0). */
    public static final long PAUSE_FROM_MS = 8_000;

    public static final long PAUSE_TO_MS = 128_000;

    private final AtomicReference<Instant> now = new AtomicReference<>(T0);
    private final ApiServer server;
    private final SessionsClient client;
    private final String sessionId;
    private final String tagAuthor;

    /** Records the run in a server on {@code dataDir}. */
    public RecordedRun(Path dataDir) {
        Clock clock = new Clock() {
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
        server = ApiServer.start(
                ServerConfig.builder().dataDir(dataDir).port(0).clock(clock).build());
        client = SessionsClient.builder()
                .baseUrl(server.baseUrl())
                .apiKey(server.adminKey())
                .build();
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("customer", "<img src=x onerror=alert(1)>");
        metadata.put("invoice", "INV-42");
        Session s = client.sessions()
                .create(CreateSessionRequest.builder(WORKFLOW)
                        .actor(Actor.human("operator@example.com"))
                        .metadata(metadata)
                        .start(true)
                        .build())
                .execute();
        sessionId = s.id();
        for (int i = 0; i < FRAME_MS.length; i++) {
            client.frames()
                    .upload(sessionId, FrameUpload.jpeg(i, at(FRAME_MS[i]), jpeg(frame(i))))
                    .execute();
        }
        client.events()
                .append(
                        sessionId,
                        List.of(
                                click(CLICKS[0], "primary", "Invoices – ERP"),
                                key(3_000, 5, List.of()),
                                key(3_500, 7, List.of("shift")),
                                click(CLICKS[1], "secondary", HOSTILE_TITLE),
                                key(6_000, 1, List.of("ctrl")),
                                EventInput.of("note", at(7_000), Map.of("text", "Checked the total")),
                                EventInput.of("marker", at(PAUSE_FROM_MS), Map.of("kind", "pause")),
                                EventInput.of("marker", at(PAUSE_TO_MS), Map.of("kind", "resume")),
                                click(CLICKS[2], "primary", "Invoices – ERP")))
                .execute();
        now.set(at(60_000));
        Tag.AddedBy by = client.sessions()
                .tag(sessionId, TagRequest.of("reviewed"))
                .execute()
                .addedBy();
        tagAuthor = by.label() + " (" + by.keyId() + ")";
        now.set(at(139_000));
        client.sessions().tag(sessionId, TagRequest.outcome(Outcome.SUCCESS)).execute();
        now.set(at(STOP_MS));
        client.sessions().stop(sessionId).execute();
        redactWholeFrame(REDACTED_SEQ);
    }

    /** The captions the run's steps must have, in order. */
    public List<String> captions() {
        return List.of(
                "Click (primary) in \"Invoices – ERP\"",
                "Typed 12 keys",
                "Click (secondary) in \"" + HOSTILE_TITLE + "\"",
                "Pressed a Ctrl shortcut",
                "Note: Checked the total",
                "Recording paused for 2 min",
                "Tag \"reviewed\" added by " + tagAuthor,
                "Click (primary) in \"Invoices – ERP\"",
                "Tag \"outcome\" added by " + tagAuthor);
    }

    /** The number of each click's step, and the seq of the frame it shows: the first taken at or after it. */
    static final int[] CLICK_STEPS = {1, 3, 8};

    static final long[] CLICK_FRAMES = {1, 3, 5};

    public SessionsClient client() {
        return client;
    }

    public String sessionId() {
        return sessionId;
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    public String adminKey() {
        return server.adminKey();
    }

    /** The run as exporters read it. */
    public RunSource source() {
        return ClientRunSource.open(client, sessionId);
    }

    /** The colour frame {@code i} is filled with: blues and greens, never red. */
    public static Color frameColor(int i) {
        return new Color(20 + 30 * i, 120 + 20 * (i % 3), 200 - 15 * i);
    }

    public static BufferedImage frame(int i) {
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(frameColor(i));
        g.fillRect(0, 0, W, H);
        g.setColor(Color.WHITE);
        g.fillRect(20, 20, 200 + 40 * i, 30);
        g.dispose();
        return img;
    }

    public static byte[] jpeg(BufferedImage img) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "jpeg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static EventInput click(int[] c, String button, String window) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("x", c[1] + 10);
        data.put("y", c[2] + 30);
        data.put("frame_x", c[1]);
        data.put("frame_y", c[2]);
        data.put("button", button);
        data.put("window", window);
        return EventInput.of("click", at(c[0]), data);
    }

    private static EventInput key(long ms, int keys, List<String> modifiers) {
        return EventInput.of("key", at(ms), Map.of("keys", keys, "modifiers", modifiers));
    }

    static Instant at(long ms) {
        return T0.plusMillis(ms);
    }

    private void redactWholeFrame(long seq) {
        String body = "{\"from_seq\":" + seq + ",\"to_seq\":" + seq + ",\"rects\":[{\"x\":0,\"y\":0,\"width\":" + W
                + ",\"height\":" + H + "}],\"reason\":\"test\"}";
        try {
            HttpResponse<String> r = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(
                                            server.baseUrl() + "/v1/sessions/" + sessionId + "/frames:redact"))
                                    .header("Authorization", "Bearer " + server.adminKey())
                                    .header("Content-Type", "application/json")
                                    .timeout(Duration.ofSeconds(30))
                                    .POST(HttpRequest.BodyPublishers.ofString(body))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("redact answered " + r.statusCode() + ": " + r.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        client.close();
        server.close();
    }
}
