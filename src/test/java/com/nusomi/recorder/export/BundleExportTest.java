package com.nusomi.recorder.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nusomi.recorder.bundle.BundleVerifier;
import com.nusomi.recorder.client.SessionsClient;
import com.nusomi.recorder.client.model.Frame;
import com.nusomi.recorder.client.model.Session;
import com.nusomi.recorder.client.request.PageRequest;
import com.nusomi.recorder.server.ApiServer;
import com.nusomi.recorder.server.ServerConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run bundle exporter and verifier against a run recorded on the real server, read through the real client. */
class BundleExportTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path data;

    @TempDir
    Path dir;

    static ApiServer server;
    static SessionsClient client;
    static Session run;
    static Path bundle;

    @BeforeAll
    static void recordAndExport() throws Exception {
        server = ApiServer.start(
                ServerConfig.builder().dataDir(data.resolve("server")).port(0).build());
        client = SessionsClient.builder()
                .baseUrl(server.baseUrl())
                .apiKey(server.adminKey())
                .build();
        run = SmallRun.record(client, "process_invoice");
        server.sealNow();
        bundle = export(run.id(), data.resolve("run.zip"));
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    static Path export(String id, Path target) throws Exception {
        return export(client, id, target);
    }

    /** Exports the run {@code id} as a bundle through {@code client} into {@code target}. */
    static Path export(SessionsClient client, String id, Path target) throws Exception {
        Exporter exporter = Exporters.forFormat(ExportFormat.BUNDLE).orElseThrow();
        RunSource source = ClientRunSource.open(client, id);
        return AtomicFile.write(target, out -> exporter.write(source, out, ExportProgress.NONE));
    }

    @Test
    void aReproducibleBundleOfTheSameRunIsTheSameBytesAndVerifies() throws Exception {
        Path first = dir.resolve("first.zip");
        Path second = dir.resolve("second.zip");
        BundleExporter exporter = BundleExporter.reproducible();
        AtomicFile.write(
                first, out -> exporter.write(ClientRunSource.open(client, run.id()), out, ExportProgress.NONE));
        AtomicFile.write(
                second, out -> exporter.write(ClientRunSource.open(client, run.id()), out, ExportProgress.NONE));

        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
        BundleVerifier.Result result = BundleVerifier.verify(first);
        assertThat(result.ok()).as("%s %s", result.path(), result.problem()).isTrue();
        Session sealed = client.sessions().get(run.id()).execute();
        assertThat(result.manifest().exportedAt()).as("the run's stop").isEqualTo(sealed.stoppedAt());
        assertThat(Files.readAllBytes(bundle))
                .as("a plain export is stamped with the time it was made")
                .isNotEqualTo(Files.readAllBytes(first));
    }

    @Test
    void anExportedRunVerifiesAndHoldsTheWholeRun() throws Exception {
        BundleVerifier.Result result = BundleVerifier.verify(bundle);
        assertThat(result.ok()).as("%s %s", result.path(), result.problem()).isTrue();
        assertThat(result.manifest().format()).isEqualTo("session-bundle/1");
        assertThat(result.manifest().sessionId()).isEqualTo(run.id());
        assertThat(result.manifest().exportedBy()).startsWith("session-recorder/");

        Map<String, byte[]> entries = Zips.read(bundle);
        assertThat(entries.keySet())
                .containsExactlyInAnyOrder(
                        "manifest.json",
                        "session.json",
                        "events.jsonl",
                        "frames.json",
                        "audit.jsonl",
                        "frames/0.jpg",
                        "frames/1.jpg",
                        "frames/2.png",
                        "frames/3.jpg",
                        "frames/4.jpg",
                        "frames/5.png");
        JsonNode manifest = JSON.readTree(entries.get("manifest.json"));
        assertThat(manifest.get("files")).hasSize(entries.size() - 1);
        assertThat(manifest.get("exported_at").asText()).endsWith("Z");

        JsonNode session = JSON.readTree(entries.get("session.json"));
        assertThat(session.get("id").asText()).isEqualTo(run.id());
        assertThat(session.get("status").asText()).isEqualTo("sealed");
        assertThat(session.get("paused_ms").asLong()).isEqualTo(15);
        assertThat(session.get("tags")).hasSize(3);
        assertThat(session.get("outcome").asText()).isEqualTo("success");
        assertThat(session.get("frames_summary").get("count").asLong()).isEqualTo(SmallRun.FRAMES);
        assertThat(session.has("events")).isFalse();

        String[] lines = new String(entries.get("events.jsonl"), StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(5);
        List<String> types = new ArrayList<>();
        for (String line : lines) {
            types.add(JSON.readTree(line).get("type").asText());
        }
        assertThat(types).containsExactly("click", "key", "marker", "marker", "note");

        JsonNode frames = JSON.readTree(entries.get("frames.json"));
        assertThat(frames).hasSize(SmallRun.FRAMES);
        List<Frame> stored = new ArrayList<>();
        client.frames().listAll(run.id(), PageRequest.ofLimit(100)).forEach(stored::add);
        for (int i = 0; i < SmallRun.FRAMES; i++) {
            assertThat(frames.get(i).get("seq").asLong()).isEqualTo(i);
            assertThat(frames.get(i).get("sha256").asText())
                    .isEqualTo(stored.get(i).sha256());
            assertThat(frames.get(i).get("bytes").asLong())
                    .isEqualTo(stored.get(i).bytes());
        }
        assertThat(new String(entries.get("audit.jsonl"), StandardCharsets.UTF_8))
                .contains("session.created");
    }

    @Test
    void oneChangedByteOfAFrameIsNamed() throws Exception {
        Path tampered = Zips.rewrite(
                bundle,
                dir.resolve("t.zip"),
                (name, b) -> name.equals("frames/3.jpg") ? Zips.flip(b, 200) : b,
                Map.of());
        BundleVerifier.Result result = BundleVerifier.verify(tampered);
        assertThat(result.ok()).isFalse();
        assertThat(result.path()).isEqualTo("frames/3.jpg");
        assertThat(result.problem()).contains("sha256");
    }

    @Test
    void aMissingFileIsNamed() throws Exception {
        Path tampered = Zips.rewrite(
                bundle, dir.resolve("t.zip"), (name, b) -> name.equals("frames/2.png") ? null : b, Map.of());
        BundleVerifier.Result result = BundleVerifier.verify(tampered);
        assertThat(result.path()).isEqualTo("frames/2.png");
        assertThat(result.problem()).contains("missing");
    }

    @Test
    void anAddedFileIsNamed() throws Exception {
        Path tampered = Zips.rewrite(
                bundle, dir.resolve("t.zip"), (name, b) -> b, Map.of("frames/6.jpg", new byte[] {1, 2, 3}));
        BundleVerifier.Result result = BundleVerifier.verify(tampered);
        assertThat(result.path()).isEqualTo("frames/6.jpg");
        assertThat(result.problem()).contains("not in the manifest");
    }

    @Test
    void aBrokenManifestOrNoZipIsNamed() throws Exception {
        Path badManifest = Zips.rewrite(
                bundle,
                dir.resolve("m.zip"),
                (name, b) ->
                        name.equals("manifest.json") ? "{\"format\":\"other/2\"}".getBytes(StandardCharsets.UTF_8) : b,
                Map.of());
        assertThat(BundleVerifier.verify(badManifest).path()).isEqualTo("manifest.json");
        Path notZip = Files.writeString(dir.resolve("n.zip"), "hello");
        BundleVerifier.Result result = BundleVerifier.verify(notZip);
        assertThat(result.ok()).isFalse();
        assertThat(result.problem()).contains("not a zip");
    }

    @Test
    void aCancelledExportLeavesNoFile() {
        Exporter exporter = Exporters.forFormat(ExportFormat.BUNDLE).orElseThrow();
        RunSource source = ClientRunSource.open(client, run.id());
        Path target = dir.resolve("cancelled.zip");
        ExportProgress cancelAtFrame3 = new ExportProgress() {
            private long done;

            @Override
            public void advance(long d, long total, String what) {
                done = d;
            }

            @Override
            public boolean cancelled() {
                return done >= 3;
            }
        };
        Assertions.assertThrows(
                CancellationException.class,
                () -> AtomicFile.write(target, out -> exporter.write(source, out, cancelAtFrame3)));
        assertThat(dir.toFile().list()).isEmpty();
    }
}
