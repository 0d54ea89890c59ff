package com.nusomi.recorder.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.nusomi.recorder.client.ApiResult;
import com.nusomi.recorder.client.Include;
import com.nusomi.recorder.client.SessionsClient;
import com.nusomi.recorder.client.exception.ApiException;
import com.nusomi.recorder.client.exception.GoneException;
import com.nusomi.recorder.client.model.AuditLogEntry;
import com.nusomi.recorder.client.model.Event;
import com.nusomi.recorder.client.model.Frame;
import com.nusomi.recorder.client.model.Session;
import com.nusomi.recorder.client.model.SessionStatus;
import com.nusomi.recorder.client.model.Tag;
import com.nusomi.recorder.client.request.AuditLogQuery;
import com.nusomi.recorder.client.request.EventQuery;
import com.nusomi.recorder.client.request.PageRequest;
import com.nusomi.recorder.client.request.SessionQuery;
import com.nusomi.recorder.server.ApiServer;
import com.nusomi.recorder.server.ServerConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /v1/sessions:import}: a run recorded on one real server, exported through the real client, imported
 * into other real servers on loopback ports.
 */
class BundleImportTest {
    @TempDir
    static Path data;

    @TempDir
    Path dir;

    static ApiServer source;
    static SessionsClient sourceClient;
    static Session run;
    static Path bundle;

    @BeforeAll
    static void recordAndExport() throws Exception {
        source = start(data.resolve("source"));
        sourceClient = client(source);
        run = SmallRun.record(sourceClient, "process_invoice");
        source.sealNow();
        bundle = BundleExportTest.export(sourceClient, run.id(), data.resolve("run.zip"));
    }

    @AfterAll
    static void stop() {
        sourceClient.close();
        source.close();
    }

    static ApiServer start(Path folder) {
        return ApiServer.start(ServerConfig.builder().dataDir(folder).port(0).build());
    }

    static SessionsClient client(ApiServer server) {
        return SessionsClient.builder()
                .baseUrl(server.baseUrl())
                .apiKey(server.adminKey())
                .build();
    }

    @Test
    void anImportIntoAnotherServerKeepsTheWholeRun() throws Exception {
        try (ApiServer target = start(dir.resolve("target"));
                SessionsClient client = client(target)) {
            ApiResult<Session> result = client.sessions().importBundle(bundle).executeForResult();
            assertThat(result.httpStatus()).as(String.valueOf(result.failure())).isEqualTo(201);
            Session original = sourceClient
                    .sessions()
                    .get(run.id(), Include.TAGS, Include.FRAMES_SUMMARY)
                    .execute();
            Session imported = client.sessions()
                    .get(result.value().id(), Include.TAGS, Include.FRAMES_SUMMARY)
                    .execute();

            assertThat(imported.id()).isNotEqualTo(original.id()).startsWith("ses_");
            assertThat(imported.status()).isEqualTo(SessionStatus.SEALED);
            assertThat(imported.importedFrom().sessionId()).isEqualTo(run.id());
            assertThat(imported.importedFrom().bundleSha256()).isEqualTo(sha256(bundle));
            assertThat(imported.workflow()).isEqualTo(original.workflow());
            assertThat(imported.metadata()).isEqualTo(original.metadata());
            assertThat(imported.actor()).isEqualTo(original.actor());
            assertThat(imported.outcome()).isEqualTo(original.outcome());
            assertThat(imported.stopReason()).isEqualTo(original.stopReason());
            assertThat(imported.createdAt()).isEqualTo(original.createdAt());
            assertThat(imported.startedAt()).isEqualTo(original.startedAt());
            assertThat(imported.stoppedAt()).isEqualTo(original.stoppedAt());
            assertThat(imported.durationMs()).isEqualTo(original.durationMs());
            assertThat(imported.pausedMs()).isEqualTo(original.pausedMs()).isPositive();
            assertThat(imported.frameCount()).isEqualTo(SmallRun.FRAMES);
            assertThat(imported.eventCount()).isEqualTo(original.eventCount());
            assertThat(imported.framesSummary().totalBytes())
                    .isEqualTo(original.framesSummary().totalBytes());

            assertThat(tags(imported)).isEqualTo(tags(original)).hasSize(3);
            assertThat(events(client, imported.id())).isEqualTo(events(sourceClient, run.id()));
            assertThat(frames(client, imported.id())).isEqualTo(frames(sourceClient, run.id()));
            for (Frame f : client.frames().listAll(imported.id())) {
                byte[] image =
                        client.frames().get(imported.id(), f.seq()).execute().bytes();
                assertThat(sha256(image)).isEqualTo(f.sha256());
            }

            List<AuditLogEntry> audit = new ArrayList<>();
            client.auditLogs().listAll(AuditLogQuery.forSession(imported.id())).forEach(audit::add);
            assertThat(audit).extracting(AuditLogEntry::action).containsExactly("session.imported");
            assertThat(uploads(dir.resolve("target"))).isEmpty();
        }
    }

    @Test
    void importingTheSameBundleTwiceGivesOneSession() throws Exception {
        try (ApiServer target = start(dir.resolve("target"));
                SessionsClient client = client(target)) {
            ApiResult<Session> first = client.sessions().importBundle(bundle).executeForResult();
            String otherKey = target.createKey(Set.of("read", "write"));
            ApiResult<Session> second;
            try (SessionsClient other = SessionsClient.builder()
                    .baseUrl(target.baseUrl())
                    .apiKey(otherKey)
                    .build()) {
                second = other.sessions().importBundle(bundle).executeForResult();
            }
            assertThat(first.httpStatus()).isEqualTo(201);
            assertThat(second.httpStatus()).isEqualTo(200);
            assertThat(second.value().id()).isEqualTo(first.value().id());
            assertThat(sessions(client)).containsExactly(first.value().id());

            // In the trash: 410. Purged for good: a new session.
            client.sessions().delete(first.value().id()).execute();
            GoneException gone = catchThrowableOfType(
                    GoneException.class,
                    () -> client.sessions().importBundle(bundle).execute());
            assertThat(gone.code()).isEqualTo("session_deleted");
            client.sessions().deleteHard(first.value().id()).execute();
            ApiResult<Session> third = client.sessions().importBundle(bundle).executeForResult();
            assertThat(third.httpStatus()).isEqualTo(201);
            assertThat(third.value().id()).isNotEqualTo(first.value().id());
            assertThat(sessions(client)).containsExactly(third.value().id());
        }
    }

    @Test
    void aBundleWithAWrongHashChangesNothing() throws Exception {
        Path tampered = Zips.rewrite(
                bundle,
                dir.resolve("t.zip"),
                (name, b) -> name.equals("frames/3.jpg") ? Zips.flip(b, 100) : b,
                Map.of());
        Path missing = Zips.rewrite(
                bundle, dir.resolve("m.zip"), (name, b) -> name.equals("events.jsonl") ? null : b, Map.of());
        Path added = Zips.rewrite(bundle, dir.resolve("a.zip"), (name, b) -> b, Map.of("notes.txt", new byte[] {1}));
        Path notAZip = Files.writeString(dir.resolve("n.zip"), "not a zip at all");
        Path folder = dir.resolve("target");
        try (ApiServer target = start(folder);
                SessionsClient client = client(target)) {
            assertRefused(client, tampered, "frames/3.jpg");
            assertRefused(client, missing, "events.jsonl");
            assertRefused(client, added, "notes.txt");
            ApiException notZip = catchThrowableOfType(
                    ApiException.class,
                    () -> client.sessions().importBundle(notAZip).execute());
            assertThat(notZip.httpStatus()).isEqualTo(400);
            assertThat(notZip.code()).isEqualTo("bundle_invalid");

            assertThat(sessions(client)).isEmpty();
            List<AuditLogEntry> audit = new ArrayList<>();
            client.auditLogs().listAll(AuditLogQuery.all()).forEach(audit::add);
            assertThat(audit).isEmpty();
            try (Stream<Path> images = Files.walk(folder.resolve("frames"))) {
                assertThat(images.filter(Files::isRegularFile)).isEmpty();
            }
            assertThat(uploads(folder)).isEmpty();
        }
    }

    @Test
    void aBundleWhoseContentIsNotAcceptedNamesTheFile() throws Exception {
        // The manifest matches, but session.json says the run is still recording: refused, nothing changes.
        Path rebuilt = BundleFixtures.withFile(
                bundle,
                dir.resolve("r.zip"),
                "session.json",
                s -> s.replace("\"status\":\"sealed\"", "\"status\":\"recording\"")
                        .getBytes(StandardCharsets.UTF_8));
        try (ApiServer target = start(dir.resolve("target"));
                SessionsClient client = client(target)) {
            assertRefused(client, rebuilt, "session.json");
            assertThat(sessions(client)).isEmpty();
        }
    }

    private static void assertRefused(SessionsClient client, Path file, String path) {
        ApiException e = catchThrowableOfType(
                ApiException.class, () -> client.sessions().importBundle(file).execute());
        assertThat(e).as("import of a bad bundle").isNotNull();
        assertThat(e.httpStatus()).isEqualTo(400);
        assertThat(e.type()).isEqualTo("invalid_request_error");
        assertThat(e.code()).isEqualTo("bundle_invalid");
        assertThat(e.param()).isEqualTo(path);
        assertThat(e.requestId()).startsWith("req_");
    }

    private static List<String> sessions(SessionsClient client) {
        List<String> ids = new ArrayList<>();
        client.sessions().listAll(SessionQuery.builder().build()).forEach(s -> ids.add(s.id()));
        return ids;
    }

    /** What an import keeps of each tag: everything but its id and session. */
    private static List<List<Object>> tags(Session s) {
        List<List<Object>> out = new ArrayList<>();
        for (Tag t : s.tags()) {
            out.add(List.of(t.name(), t.data(), t.createdAt(), t.offsetMs(), String.valueOf(t.addedBy())));
        }
        return out;
    }

    private static List<Event> events(SessionsClient client, String id) {
        List<Event> out = new ArrayList<>();
        client.events().listAll(id, EventQuery.all()).forEach(out::add);
        return out;
    }

    private static List<Frame> frames(SessionsClient client, String id) {
        List<Frame> out = new ArrayList<>();
        client.frames().listAll(id, PageRequest.ofLimit(100)).forEach(out::add);
        return out;
    }

    private static List<Path> uploads(Path folder) throws IOException {
        try (Stream<Path> left = Files.list(folder.resolve("uploads"))) {
            return left.toList();
        }
    }

    static String sha256(Path file) throws Exception {
        return sha256(Files.readAllBytes(file));
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
