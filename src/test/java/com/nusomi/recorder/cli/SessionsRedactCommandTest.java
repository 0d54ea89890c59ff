package com.nusomi.recorder.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nusomi.recorder.client.SessionsClient;
import com.nusomi.recorder.client.model.AuditLogEntry;
import com.nusomi.recorder.client.request.AuditLogQuery;
import com.nusomi.recorder.client.request.CreateSessionRequest;
import com.nusomi.recorder.client.request.FrameUpload;
import com.nusomi.recorder.server.ApiServer;
import com.nusomi.recorder.server.ServerConfig;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code sessions redact}, run in-process against the real local server. */
class SessionsRedactCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path data;

    static ApiServer server;
    static SessionsClient client;

    @BeforeAll
    static void startServer() {
        server = ApiServer.start(ServerConfig.builder().dataDir(data).port(0).build());
        client = SessionsClient.builder()
                .baseUrl(server.baseUrl())
                .apiKey(server.adminKey())
                .build();
    }

    @AfterAll
    static void stopServer() {
        client.close();
        server.close();
    }

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--base-url", server.baseUrl(), "--api-key", server.adminKey()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = RootCommand.commandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute(all.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    /** A recording session with {@code frames} 40×30 PNG frames of one grey each, seqs from 0. */
    static String recorded(int frames) throws IOException {
        String id = client.sessions()
                .create(CreateSessionRequest.builder("cli_redact").start(true).build())
                .execute()
                .id();
        for (int i = 0; i < frames; i++) {
            BufferedImage img = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < 30; y++) {
                for (int x = 0; x < 40; x++) {
                    img.setRGB(x, y, 0x808080 + i);
                }
            }
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(img, "png", png);
            client.frames()
                    .upload(id, FrameUpload.of(i, Instant.now(), "image/png", png.toByteArray()))
                    .execute();
        }
        return id;
    }

    static BufferedImage frame(String id, long seq) throws IOException {
        return ImageIO.read(
                new ByteArrayInputStream(client.frames().get(id, seq).execute().bytes()));
    }

    @Test
    void redactPaintsTheRectanglesOnTheRangeAndRecordsTheReason() throws Exception {
        String id = recorded(4);
        Run run = run(
                "sessions",
                "redact",
                id,
                "--from",
                "1",
                "--to",
                "2",
                "--rect",
                "0,0,10,5",
                "--rect",
                "30,20,20,20",
                "--reason",
                "card number");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains(id).contains("frames 1..2").contains("2 redacted");

        for (int seq = 1; seq <= 2; seq++) {
            BufferedImage img = frame(id, seq);
            assertThat(img.getRGB(9, 4) & 0xffffff).isZero();
            assertThat(img.getRGB(39, 29) & 0xffffff).as("clipped to the image").isZero();
            assertThat(img.getRGB(10, 5) & 0xffffff).isEqualTo(0x808080 + seq);
        }
        assertThat(frame(id, 0).getRGB(0, 0) & 0xffffff).isEqualTo(0x808080);
        assertThat(frame(id, 3).getRGB(0, 0) & 0xffffff).isEqualTo(0x808083);
        AuditLogEntry entry = client.auditLogs()
                .list(AuditLogQuery.forSession(id).withAction("session.redacted"))
                .execute()
                .data()
                .get(0);
        assertThat(entry.details()).containsEntry("reason", "card number").containsEntry("from_seq", 1);
    }

    @Test
    void redactPrintsTheNewFramesAsJson() throws Exception {
        String id = recorded(2);
        String before = client.frames().list(id).execute().data().get(0).sha256();
        Run run = run("sessions", "redact", id, "--from", "0", "--to", "0", "--rect", "1,1,3,3", "--json");
        assertThat(run.code()).as(run.err()).isZero();
        JsonNode json = JSON.readTree(run.out());
        assertThat(json.get("redacted").asInt()).isEqualTo(1);
        assertThat(json.get("frames").get(0).get("sha256").asText()).isNotEqualTo(before);
        assertThat(client.frames().list(id).execute().data().get(0).sha256())
                .isEqualTo(json.get("frames").get(0).get("sha256").asText());
    }

    @Test
    void badRangesAndRectanglesAreUsageErrorsThatSendNothing() throws Exception {
        String id = recorded(1);
        assertThat(run("sessions", "redact", id, "--from", "0", "--to", "0").code())
                .as("no rectangle")
                .isEqualTo(2);
        Run bad = run("sessions", "redact", id, "--from", "0", "--to", "0", "--rect", "1,2,3");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("X,Y,W,H");
        assertThat(run("sessions", "redact", id, "--from", "0", "--to", "0", "--rect", "0,0,0,4")
                        .code())
                .as("an empty rectangle")
                .isEqualTo(2);
        Run backwards = run("sessions", "redact", id, "--from", "3", "--to", "1", "--rect", "0,0,4,4");
        assertThat(backwards.code()).isEqualTo(2);
        assertThat(backwards.err()).contains("3..1");
        assertThat(frame(id, 0).getRGB(0, 0) & 0xffffff).as("nothing sent").isEqualTo(0x808080);
    }

    @Test
    void anUnknownSessionExitsWithOneAndNamesTheRequestId() {
        Run run = run(
                "sessions",
                "redact",
                "ses_01HZX3ABCDEFGHJKMNPQRSTVWX",
                "--from",
                "0",
                "--to",
                "0",
                "--rect",
                "0,0,1,1");
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("session_not_found").containsPattern("request_id req_[0-9A-Z]{26}");
    }
}
