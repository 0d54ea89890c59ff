package com.nusomi.recorder.ui.sessions;

import com.nusomi.recorder.client.SessionsClient;
import com.nusomi.recorder.client.model.Session;
import com.nusomi.recorder.client.request.CreateSessionRequest;
import com.nusomi.recorder.client.request.EventInput;
import com.nusomi.recorder.client.request.FrameUpload;
import com.nusomi.recorder.client.request.TagRequest;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Records sessions with frames and events through the real client: frames {@value #INTERVAL_MS} ms apart, each
 * a small PNG of its own colour, and events at known offsets.
 */
final class FilmFixture {
    static final long INTERVAL_MS = 500;

    private FilmFixture() {}

    /** A stopped session with {@code frames} frames (seq 0..n-1) and a click, a key, a note and an error. */
    static String record(SessionsClient client, int frames) {
        return record(client, frames, 64, 40);
    }

    /** The same with frames {@code width}×{@code height}. */
    static String record(SessionsClient client, int frames, int width, int height) {
        Session s = client.sessions()
                .create(CreateSessionRequest.builder("film_review").build())
                .execute();
        Session started = client.sessions().start(s.id()).execute();
        Instant t0 = started.startedAt();
        for (int i = 0; i < frames; i++) {
            client.frames()
                    .upload(
                            s.id(),
                            FrameUpload.of(i, t0.plusMillis(i * INTERVAL_MS), "image/png", png(i, width, height)))
                    .execute();
        }
        client.events()
                .append(
                        s.id(),
                        List.of(
                                EventInput.builder("click")
                                        .at(t0.plusMillis(1_200))
                                        .data(Map.of("x", 10, "y", 20))
                                        .build(),
                                EventInput.builder("key")
                                        .at(t0.plusMillis(4_300))
                                        .data(Map.of("key", "Enter"))
                                        .build(),
                                EventInput.builder("note")
                                        .at(t0.plusMillis(9_800))
                                        .data(Map.of("text", "look here"))
                                        .build(),
                                EventInput.builder("error")
                                        .at(t0.plusMillis(60_000))
                                        .data(Map.of("message", "late"))
                                        .build()))
                .execute();
        client.sessions().stop(s.id()).execute();
        return s.id();
    }

    /**
     * A stopped session of 30 s wall time, paused from 10 s to 22 s (so 18 s recorded), on the fixture's clock:
     * frames at 5 s and 23 s, {@code filler} clicks in the first second, a note at 25 s and a tag {@code checked}
     * added at 25 s. Recorded time puts the note, the tag and the second frame at 13 s, 13 s and 11 s.
     */
    static String recordPaused(SessionsFixture fx, int filler) {
        Instant t0 = fx.now.get();
        String id = fx.admin
                .sessions()
                .create(CreateSessionRequest.builder("paused_review")
                        .start(true)
                        .build())
                .execute()
                .id();
        List<EventInput> clicks = new ArrayList<>();
        for (int i = 0; i < filler; i++) {
            clicks.add(EventInput.builder("click")
                    .at(t0.plusMillis(i % 1000))
                    .data(Map.of("x", i, "y", 1))
                    .build());
        }
        for (int from = 0; from < clicks.size(); from += 500) {
            fx.admin
                    .events()
                    .append(id, clicks.subList(from, Math.min(clicks.size(), from + 500)))
                    .execute();
        }
        fx.admin
                .frames()
                .upload(id, FrameUpload.of(0, t0.plusMillis(5_000), "image/png", png(0)))
                .execute();
        fx.admin
                .events()
                .append(
                        id,
                        List.of(
                                EventInput.builder("marker")
                                        .at(t0.plusMillis(10_000))
                                        .data(Map.of("kind", "pause"))
                                        .build(),
                                EventInput.builder("marker")
                                        .at(t0.plusMillis(22_000))
                                        .data(Map.of("kind", "resume"))
                                        .build(),
                                EventInput.builder("note")
                                        .at(t0.plusMillis(25_000))
                                        .data(Map.of("text", "after the pause"))
                                        .build()))
                .execute();
        fx.admin
                .frames()
                .upload(id, FrameUpload.of(1, t0.plusMillis(23_000), "image/png", png(1)))
                .execute();
        fx.now.set(t0.plusMillis(25_000));
        fx.admin.sessions().tag(id, TagRequest.of("checked")).execute();
        fx.now.set(t0.plusMillis(30_000));
        fx.admin.sessions().stop(id).execute();
        return id;
    }

    /** A 64×40 PNG of a colour that differs for every {@code i}. */
    static byte[] png(int i) {
        return png(i, 64, 40);
    }

    /** A {@code width}×{@code height} PNG of a colour that differs for every {@code i}. */
    static byte[] png(int i, int width, int height) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.getHSBColor((i * 0.137f) % 1f, 0.7f, 0.9f));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.drawString(String.valueOf(i), 4, 30);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
