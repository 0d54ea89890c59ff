package com.nusomi.recorder.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nusomi.recorder.client.exception.ConflictException;
import com.nusomi.recorder.client.model.AppendEventsResult;
import com.nusomi.recorder.client.model.Event;
import com.nusomi.recorder.client.model.Frame;
import com.nusomi.recorder.client.model.FrameImage;
import com.nusomi.recorder.client.model.RedactionResult;
import com.nusomi.recorder.client.model.Session;
import com.nusomi.recorder.client.model.Tag;
import com.nusomi.recorder.client.request.CreateSessionRequest;
import com.nusomi.recorder.client.request.EventInput;
import com.nusomi.recorder.client.request.EventQuery;
import com.nusomi.recorder.client.request.FrameRedaction;
import com.nusomi.recorder.client.request.FrameUpload;
import com.nusomi.recorder.client.request.PageRequest;
import com.nusomi.recorder.client.request.TagRequest;
import com.nusomi.recorder.server.ApiServer;
import com.nusomi.recorder.server.ServerConfig;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Frames and events [ext] against the real local server. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FramesAndEventsServerTest {
    private ApiServer server;
    private SessionsClient client;

    @BeforeAll
    void startServer(@TempDir Path dataDir) {
        server = ApiServer.start(ServerConfig.builder().dataDir(dataDir).port(0).build());
        client = SessionsClient.builder()
                .baseUrl(server.baseUrl())
                .apiKey(server.createKey(Set.of("read", "write")))
                .build();
    }

    @AfterAll
    void stopServer() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private Session recording() {
        return client.sessions()
                .create(CreateSessionRequest.builder("frames_events")
                        .start(true)
                        .build())
                .execute();
    }

    private static byte[] png(int width, int height, Color color) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, width, height);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void framesRoundTrip() throws Exception {
        Session s = recording();
        Instant t0 = Instant.now();
        byte[][] images = {png(8, 6, Color.RED), png(8, 6, Color.GREEN), png(8, 6, Color.BLUE)};
        for (int i = 0; i < images.length; i++) {
            ApiResult<Frame> r = client.frames()
                    .upload(s.id(), FrameUpload.png(i, t0.plusMillis(100L * i), images[i]))
                    .executeForResult();
            assertThat(r.httpStatus()).isEqualTo(201);
            assertThat(r.value().seq()).isEqualTo(i);
            assertThat(r.value().bytes()).isEqualTo(images[i].length);
            assertThat(r.value().sha256()).isEqualTo(sha256(images[i]));
            assertThat(r.value().contentType()).isEqualTo("image/png");
        }

        List<Frame> frames =
                client.frames().listAll(s.id(), PageRequest.ofLimit(2)).stream().collect(Collectors.toList());
        assertThat(frames).extracting(Frame::seq).containsExactly(0L, 1L, 2L);

        FrameImage image = client.frames().get(s.id(), 1).execute();
        assertThat(image.bytes()).isEqualTo(images[1]);
        assertThat(image.contentType()).startsWith("image/png");
        assertThat(image.etag()).isEqualTo(sha256(images[1]));

        Session withSummary =
                client.sessions().get(s.id(), Include.FRAMES_SUMMARY).execute();
        assertThat(withSummary.framesSummary().count()).isEqualTo(3);
        assertThat(withSummary.frameCount()).isEqualTo(3);
    }

    @Test
    void sameFrameAgainIsStoredOnceAndOtherBytesConflict() throws Exception {
        Session s = recording();
        byte[] image = png(4, 4, Color.WHITE);
        Instant at = Instant.now();
        client.frames().upload(s.id(), FrameUpload.png(0, at, image)).execute();

        ApiResult<Frame> again =
                client.frames().upload(s.id(), FrameUpload.png(0, at, image)).executeForResult();
        assertThat(again.isSuccess()).isTrue();
        assertThat(again.httpStatus()).isEqualTo(200);

        assertThatThrownBy(() -> client.frames()
                        .upload(s.id(), FrameUpload.png(0, at, png(4, 4, Color.BLACK)))
                        .execute())
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.code()).isEqualTo("frame_conflict"));
    }

    @Test
    void redactPaintsARangeAndAnswersTheNewFramesSyncAndAsync() throws Exception {
        Session s = recording();
        for (int seq = 0; seq < 3; seq++) {
            client.frames()
                    .upload(s.id(), FrameUpload.of(seq, Instant.now(), "image/png", png(20, 10, Color.WHITE)))
                    .execute();
        }
        FrameImage before = client.frames().get(s.id(), 1).execute();
        FrameRedaction box = FrameRedaction.of(1, 2, List.of(new FrameRedaction.Rect(0, 0, 5, 5)))
                .withReason("a name");

        RedactionResult result = client.frames().redact(s.id(), box).execute();

        assertThat(result.redacted()).isEqualTo(2);
        assertThat(result.frames()).extracting(Frame::seq).containsExactly(1L, 2L);
        FrameImage after = client.frames().get(s.id(), 1).execute();
        assertThat(after.etag()).isNotEqualTo(before.etag());
        assertThat(result.frames().get(0).sha256()).isEqualTo(after.etag());
        assertThat(ImageIO.read(new ByteArrayInputStream(after.bytes())).getRGB(2, 2) & 0xffffff)
                .isZero();
        RedactionResult again =
                client.frames().redact(s.id(), box).executeAsync().get(10, TimeUnit.SECONDS);
        assertThat(again.frames()).isEqualTo(result.frames());
    }

    @Test
    void aRedactionOutsideTheContractFailsBeforeItIsSent() {
        List<FrameRedaction.Rect> one = List.of(new FrameRedaction.Rect(0, 0, 1, 1));
        assertThatThrownBy(() -> FrameRedaction.of(5, 4, one)).hasMessageContaining("5..4");
        assertThatThrownBy(() -> FrameRedaction.of(0, FrameRedaction.MAX_SPAN, one))
                .hasMessageContaining("at most 10000 frames");
        assertThatThrownBy(() -> FrameRedaction.of(0, 0, List.of())).hasMessageContaining("1 to 50");
        assertThatThrownBy(() -> new FrameRedaction.Rect(0, 0, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FrameRedaction.Rect.parse("1,2,x,4")).hasMessageContaining("X,Y,W,H");
        assertThat(FrameRedaction.Rect.parse(" 1, 2,3 ,4")).isEqualTo(new FrameRedaction.Rect(1, 2, 3, 4));
        assertThat(FrameRedaction.of(0, FrameRedaction.MAX_SPAN - 1, one)
                        .withReason("  ")
                        .reason())
                .isNull();
    }

    @Test
    void framesOnlyWhileRecording() throws Exception {
        Session s = client.sessions()
                .create(CreateSessionRequest.of("frames_events"))
                .execute();

        assertThatThrownBy(() -> client.frames()
                        .upload(s.id(), FrameUpload.png(0, Instant.now(), png(2, 2, Color.RED)))
                        .execute())
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.code()).isEqualTo("session_not_recording"));
    }

    @Test
    void eventsAreAppendedOnceAndListedByTime() {
        Session s = recording();
        Instant t0 = Instant.now();
        List<EventInput> batch = List.of(
                EventInput.builder("click")
                        .at(t0)
                        .data(Map.of("x", 640, "y", 380))
                        .build(),
                EventInput.builder("note")
                        .at(t0.plusMillis(10))
                        .data(Map.of("text", "hello"))
                        .build(),
                EventInput.builder("error").at(t0.plusMillis(20)).build());

        assertThat(client.events().append(s.id(), batch).execute()).isEqualTo(new AppendEventsResult(3, 0));
        assertThat(client.events().append(s.id(), batch).execute()).isEqualTo(new AppendEventsResult(0, 3));

        assertThat(client.events().listAll(s.id(), EventQuery.all().withLimit(2)).stream())
                .extracting(Event::type)
                .containsExactly("click", "note", "error");
        assertThat(client.events()
                        .list(s.id(), EventQuery.ofTypes("error"))
                        .execute()
                        .data())
                .extracting(Event::id)
                .containsExactly(batch.get(2).id());
        assertThat(client.events()
                        .list(s.id(), EventQuery.ofTypes("click", "error"))
                        .execute()
                        .data())
                .extracting(Event::type)
                .containsExactly("click", "error");
        assertThat(client.sessions().get(s.id(), Include.EVENTS).execute().events())
                .hasSize(3);
    }

    @Test
    void eventsOnlyWhileRecording() {
        Session s = client.sessions()
                .create(CreateSessionRequest.of("frames_events"))
                .execute();

        assertThatThrownBy(() -> client.events()
                        .append(s.id(), List.of(EventInput.builder("note").build()))
                        .execute())
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.code()).isEqualTo("session_not_recording"));
    }

    @Test
    void nullValuesInsideDataMapsReachTheServer() {
        Session s = client.sessions()
                .create(CreateSessionRequest.builder("null_values")
                        .start(true)
                        .metadata(mapWithNull("vendor", "Acme", "po_number"))
                        .build())
                .execute();
        assertThat(s.metadata()).containsEntry("vendor", "Acme").containsKey("po_number");
        assertThat(s.metadata().get("po_number")).isNull();
        client.events()
                .append(
                        s.id(),
                        List.of(EventInput.builder("click")
                                .data(mapWithNull("x", 2, "window"))
                                .build()))
                .execute();
        Event event = client.events().list(s.id()).execute().data().get(0);
        assertThat(event.data()).containsEntry("x", 2).containsKey("window");
        Tag tag = client.sessions()
                .tag(s.id(), TagRequest.of("checked", mapWithNull("by", "anna", "note")))
                .execute();
        assertThat(tag.data()).containsKey("note");
    }

    private static Map<String, Object> mapWithNull(String key, Object value, String nullKey) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(key, value);
        m.put(nullKey, null);
        return m;
    }
}
