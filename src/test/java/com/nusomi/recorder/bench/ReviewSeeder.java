package com.nusomi.recorder.bench;

import com.nusomi.recorder.client.SessionsClient;
import com.nusomi.recorder.client.model.Session;
import com.nusomi.recorder.client.request.CreateSessionRequest;
import com.nusomi.recorder.client.request.EventInput;
import com.nusomi.recorder.client.request.FrameUpload;
import com.nusomi.recorder.client.request.TagRequest;
import com.nusomi.recorder.server.ApiServer;
import com.nusomi.recorder.server.ServerConfig;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.imageio.ImageIO;
import org.slf4j.LoggerFactory;

/**
 * A session to review, recorded through the real client: {@code n} synthetic frames of {@code w}×{@code h}
 * (a terminal-like picture that changes every frame) one second apart, but with an idle gap of 2 min 10 s after
 * frame 5; a click (with its frame position) 300 ms before frames 1, 4, 7…, key activity ({@code 12 keys, Ctrl}) 500 ms
 * before frames 2, 7, 12…, a note before frame 3, and a tag after the last frame. {@code main(dir, n, w, h)} seeds a data folder for looking at the viewer by hand.
 */
public final class ReviewSeeder {
    /** The idle gap after frame {@link #IDLE_AFTER}, in milliseconds. */
    public static final long IDLE_MS = 130_000;

    public static final int IDLE_AFTER = 5;

    private ReviewSeeder() {}

    /** Records the session on a server with its own clock; returns its id. */
    public static String seed(SessionsClient client, int n, int w, int h) {
        return seed(client, n, w, h, at -> {});
    }

    /**
     * Records the session; {@code serverClock} is told the moment the server's clock should show before each
     * frame is uploaded and before the tag (half a second after the last frame) and the stop (a second after), so
     * that a test's server records the run as if it happened in that time.
     */
    public static String seed(SessionsClient client, int n, int w, int h, Consumer<Instant> serverClock) {
        Session s = client.sessions()
                .create(CreateSessionRequest.builder("review_demo").start(true).build())
                .execute();
        Instant t0 = s.startedAt();
        List<EventInput> events = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long at = offset(i);
            serverClock.accept(t0.plusMillis(at));
            client.frames()
                    .upload(s.id(), FrameUpload.jpeg(i, t0.plusMillis(at), jpeg(i, w, h)))
                    .execute();
            if (i % 3 == 1) {
                events.add(EventInput.builder("click")
                        .at(t0.plusMillis(at - 300))
                        .data(Map.of(
                                "x", 100 + i, "y", 200, "button", "left", "frame_x", clickX(i, w), "frame_y", h / 3))
                        .build());
            }
            if (i % 5 == 2) {
                events.add(EventInput.builder("key")
                        .at(t0.plusMillis(at - 500))
                        .data(Map.of("keys", 12, "modifiers", List.of("ctrl")))
                        .build());
            }
            if (i == 3) {
                events.add(EventInput.builder("note")
                        .at(t0.plusMillis(at - 100))
                        .data(Map.of("text", "invoice saved"))
                        .build());
            }
            if (events.size() >= 400) {
                client.events().append(s.id(), events).execute();
                events.clear();
            }
        }
        if (!events.isEmpty()) {
            client.events().append(s.id(), events).execute();
        }
        long end = n == 0 ? 0 : offset(n - 1);
        serverClock.accept(t0.plusMillis(end + 500));
        client.sessions().tag(s.id(), TagRequest.of("reviewed")).execute();
        serverClock.accept(t0.plusMillis(end + 1000));
        client.sessions().stop(s.id()).execute();
        return s.id();
    }

    /** Frame {@code i}'s offset: a second apart, and the idle gap after frame {@link #IDLE_AFTER}. */
    public static long offset(int i) {
        return i * 1000L + (i > IDLE_AFTER ? IDLE_MS - 1000 : 0);
    }

    /** Where the click before frame {@code i} landed, in frame pixels. */
    public static int clickX(int i, int w) {
        return (i * 37) % Math.max(1, w - 40) + 20;
    }

    /** A terminal-like picture that differs for every {@code i}. */
    public static byte[] jpeg(int i, int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(24, 26, 30));
        g.fillRect(0, 0, w, h);
        g.setColor(Color.getHSBColor((i * 0.137f) % 1f, 0.6f, 0.8f));
        g.fillRect((i * 53) % Math.max(1, w - 200), h - 160, 200, 120);
        int size = Math.max(8, h / 60);
        g.setFont(new Font(Font.MONOSPACED, Font.PLAIN, size));
        g.setColor(new Color(200, 220, 200));
        int rows = (h - 200) / (size + 4);
        for (int r = 0; r < rows; r++) {
            g.drawString(
                    String.format(
                            "%04d  $ invoice --id %06d --amount %8.2f  status=%s",
                            r + i, i * 7 + r, r * 13.37, (r + i) % 3 == 0 ? "OK" : "pending"),
                    12,
                    (r + 1) * (size + 4));
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(12, h / 20)));
        g.setColor(Color.WHITE);
        g.drawString("Frame " + (i + 1), w - Math.max(120, w / 4), h - 40);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** {@code dir n w h}: seeds a session into the data folder {@code dir} (no app or server running on it). */
    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        try (ApiServer server = ApiServer.start(
                        ServerConfig.builder().dataDir(dir).port(0).build());
                SessionsClient client = SessionsClient.builder()
                        .baseUrl(server.baseUrl())
                        .apiKey(server.adminKey())
                        .build()) {
            String id = seed(client, Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            LoggerFactory.getLogger(ReviewSeeder.class).info("Seeded {}", id);
        }
    }
}
