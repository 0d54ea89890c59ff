package com.nusomi.recorder.export;

import static org.awaitility.Awaitility.await;

import com.nusomi.recorder.client.SessionsClient;
import com.nusomi.recorder.client.model.Actor;
import com.nusomi.recorder.client.model.ActorKind;
import com.nusomi.recorder.client.model.Outcome;
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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Records a run through the real client the way the recorder does: frames, clicks, keys, a note, a pause and its
 * resume, tags (a verdict among them), then a stop. The caller seals it on its server.
 */
public final class SmallRun {
    public static final int FRAMES = 6;

    private SmallRun() {}

    public static Session record(SessionsClient client, String workflow) {
        Session s = client.sessions()
                .create(CreateSessionRequest.builder(workflow)
                        .metadata(Map.of("vendor", "Acme", "amount", 4500))
                        .actor(new Actor("alex@nusomi.com", ActorKind.HUMAN))
                        .start(true)
                        .build())
                .execute();
        Instant t0 = s.startedAt();
        for (int i = 0; i < FRAMES; i++) {
            String type = i % 3 == 2 ? FrameUpload.PNG : FrameUpload.JPEG;
            client.frames()
                    .upload(s.id(), FrameUpload.of(i, t0.plusMillis(10L * i), type, image(i, type)))
                    .execute();
        }
        client.events()
                .append(
                        s.id(),
                        List.of(
                                EventInput.of(
                                        "click",
                                        t0.plusMillis(5),
                                        Map.of("x", 640, "y", 380, "button", "primary", "window", "Invoices")),
                                EventInput.of("key", t0.plusMillis(12), Map.of("keys", 7)),
                                EventInput.of("marker", t0.plusMillis(20), Map.of("kind", "pause")),
                                EventInput.of("marker", t0.plusMillis(35), Map.of("kind", "resume")),
                                EventInput.of("note", t0.plusMillis(40), Map.of("text", "invoice approved"))))
                .execute();
        client.sessions()
                .tag(s.id(), TagRequest.of("submitted_for_approval", Map.of("approver", "anna@acme.com")))
                .execute();
        client.sessions().tag(s.id(), TagRequest.of("reviewed")).execute();
        client.sessions().tag(s.id(), TagRequest.outcome(Outcome.SUCCESS)).execute();
        // A run stops after what it recorded: on a fast machine all of the above takes less than the 50 ms of
        // event times, and the server caps paused_ms at the run's wall duration.
        Instant lastEvent = t0.plusMillis(10L * FRAMES);
        await().atMost(Duration.ofSeconds(5)).until(() -> Instant.now().isAfter(lastEvent));
        return client.sessions().stop(s.id()).execute();
    }

    /** A small image, different for each frame. */
    static byte[] image(int i, String contentType) {
        BufferedImage img = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(40 * i % 256, 90, 200 - 20 * i));
        g.fillRect(0, 0, 64, 48);
        g.setColor(Color.WHITE);
        g.fillRect(4 * i, 8, 12, 12);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, FrameUpload.PNG.equals(contentType) ? "png" : "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
