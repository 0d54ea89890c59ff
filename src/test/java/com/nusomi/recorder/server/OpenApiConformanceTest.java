package com.nusomi.recorder.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.nusomi.recorder.client.SessionsClient;
import com.nusomi.recorder.client.model.SessionStatus;
import com.nusomi.recorder.export.AtomicFile;
import com.nusomi.recorder.export.ClientRunSource;
import com.nusomi.recorder.export.ExportFormat;
import com.nusomi.recorder.export.ExportProgress;
import com.nusomi.recorder.export.Exporter;
import com.nusomi.recorder.export.Exporters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The real server's answers checked against the repo's {@code openapi.yaml} by Stoplight Prism's validating proxy,
 * the validator the contract's owners run on what lands (the default run on SQLite; again on PostgreSQL in the
 * {@code server-on-postgresql} execution). Each test walks a user's path through every operation the contract has,
 * the answers that carry data and the errors, and no answer may break the document: no violation located in the
 * {@code response}. Requests the test sends wrong on purpose must be flagged as request violations, which shows that
 * the proxy checks what passes through it.
 *
 * <p>Two kinds of body go straight to the server: frame images and run bundles. Prism 5 reads every request body as
 * text and sends it on re-encoded, which corrupts binary bodies (the server then rightly answers {@code frame_invalid});
 * the frames and the imported run are read back through the proxy.
 */
class OpenApiConformanceTest {
    @RegisterExtension
    static final LocalServer SERVER = new LocalServer();

    private static PrismProxy prism;
    private static ApiCalls admin;
    private static ApiCalls direct;

    /** Every answer's violations of the document, with the request that got it. */
    private final List<String> responseViolations = new ArrayList<>();
    /** How many requests Prism flagged, for the tests that send wrong ones on purpose. */
    private final List<String> requestViolations = new ArrayList<>();

    @BeforeAll
    static void startProxy() throws Exception {
        prism = PrismProxy.start(SERVER.server().baseUrl());
        admin = new ApiCalls(prism.baseUrl(), SERVER.server().adminKey());
        direct = SERVER.admin();
    }

    @AfterAll
    static void stopProxy() {
        if (prism != null) {
            prism.close();
        }
    }

    @AfterEach
    void noAnswerBrokeTheDocument() {
        assertThat(responseViolations)
                .as("answers that break openapi.yaml (Prism's log: target/prism/)")
                .isEmpty();
    }

    @Test
    void aRecordedRunReadsAsTheContractSays() {
        String wf = "conformance_run";
        check(admin.get("/v1/health"), 200);
        check(admin.as(null).get("/v1/health/ready"), 200);

        String key = UUID.randomUUID().toString();
        String body = "{\"workflow\":\"" + wf + "\",\"metadata\":{\"invoice\":\"INV-4711\",\"amount\":4500,"
                + "\"paid\":false,\"lines\":[1,2]},\"actor\":{\"id\":\"anna@acme.com\",\"kind\":\"human\"}}";
        JsonNode created = check(admin.post("/v1/sessions", body, Map.of("Idempotency-Key", key)), 201)
                .json();
        String id = created.get("id").asText();
        check(admin.post("/v1/sessions", body, Map.of("Idempotency-Key", key)), 201);
        check(admin.post("/v1/sessions/" + id + "/start", null), 200);

        check(admin.post("/v1/sessions/" + id + "/tags", "{\"name\":\"customer_vip\"}"), 201);
        check(admin.post("/v1/sessions/" + id + "/tags", "{\"name\":\"step_done\",\"data\":{\"step\":2}}"), 201);
        String events = "{\"events\":["
                + event("evt_01HZX3ABCDEFGHJKMNPQRSTV01", "click", "{\"x\":10,\"y\":20,\"button\":\"left\"}") + ","
                + event("evt_01HZX3ABCDEFGHJKMNPQRSTV02", "note", "{\"text\":\"approved\"}") + ","
                + event("evt_01HZX3ABCDEFGHJKMNPQRSTV03", "key", "{\"keys\":12}") + "]}";
        check(admin.post("/v1/sessions/" + id + "/events", events), 200);
        check(admin.post("/v1/sessions/" + id + "/events", events), 200); // duplicates
        for (int seq = 1; seq <= 3; seq++) {
            upload(id, seq, TestImages.encode(TestImages.noise(40, 30, seq), "png"), "image/png");
        }
        upload(id, 4, TestImages.encode(TestImages.gradient(40, 30), "jpeg"), "image/jpeg");

        check(admin.get("/v1/sessions/" + id), 200);
        check(admin.get("/v1/sessions/" + id + "?include=tags,events,frames_summary"), 200);
        JsonNode frames =
                check(admin.get("/v1/sessions/" + id + "/frames?limit=2"), 200).json();
        check(admin.get("/v1/sessions/" + id + "/frames?limit=2&cursor=" + enc(frames.get("next_cursor"))), 200);
        check(admin.get("/v1/sessions/" + id + "/frames/1"), 200);
        check(admin.get("/v1/sessions/" + id + "/frames/4"), 200);
        JsonNode page =
                check(admin.get("/v1/sessions/" + id + "/events?limit=2"), 200).json();
        check(admin.get("/v1/sessions/" + id + "/events?limit=2&cursor=" + enc(page.get("next_cursor"))), 200);
        check(admin.get("/v1/sessions/" + id + "/events?type=click&type=note"), 200);
        check(
                admin.post(
                        "/v1/sessions/" + id + "/frames:redact",
                        "{\"from_seq\":1,\"to_seq\":4,\"rects\":[{\"x\":0,\"y\":0,\"width\":10,\"height\":8}]}"),
                200);

        check(admin.post("/v1/sessions/" + id + "/stop", null), 200);
        check(admin.post("/v1/sessions/" + id + "/stop", null), 200); // stopping again is answered alike

        for (String query : List.of(
                "workflow=" + wf,
                "workflow=" + wf + "&status=stopped&status=sealed",
                "tag=customer_vip&include=tags",
                "not_tag=nothing_here&workflow=" + wf,
                "since=1h&actor.kind=human&outcome=success",
                "until=2999-01-01T00:00:00Z&limit=1")) {
            check(admin.get("/v1/sessions?" + query), 200);
        }
        JsonNode first = check(admin.get("/v1/sessions?limit=1"), 200).json();
        if (first.get("has_more").asBoolean()) {
            check(admin.get("/v1/sessions?limit=1&cursor=" + enc(first.get("next_cursor"))), 200);
        }
        JsonNode audit = check(admin.get("/v1/audit_logs?session_id=" + id + "&limit=2"), 200)
                .json();
        check(admin.get("/v1/audit_logs?session_id=" + id + "&limit=2&cursor=" + enc(audit.get("next_cursor"))), 200);
        check(admin.get("/v1/audit_logs?action=session.created&limit=5"), 200);
        SERVER.server().sealNow();
        check(admin.get("/v1/sessions/" + id + "?include=frames_summary"), 200);
        assertThat(requestViolations).as("requests the test meant to be valid").isEmpty();
    }

    @Test
    void anAdminsCleanUpReadsAsTheContractSays() {
        String wf = "conformance_admin";
        String recording = create(wf, true);
        String created = create(wf, false);
        check(
                admin.post(
                        "/v1/sessions:batch_stop",
                        "{\"ids\":[\"" + recording + "\",\"" + created + "\",\"ses_01HZX3ABCDEFGHJKMNPQRSTV99\"]}"),
                200);

        String doomed = create(wf, false);
        check(admin.delete("/v1/sessions/" + doomed), 200);
        check(admin.get("/v1/sessions?deleted=only&workflow=" + wf), 200);
        check(admin.get("/v1/sessions/" + doomed), 410);
        check(admin.post("/v1/sessions/" + doomed + "/restore", null), 200);
        check(admin.delete("/v1/sessions/" + doomed + "?hard=true"), 200);
        check(admin.get("/v1/sessions/" + doomed), 404);
        check(admin.get("/v1/audit_logs?action=session.deleted"), 200);
        check(admin.get("/v1/audit_logs?session_id=" + doomed), 200);
        assertThat(requestViolations).as("requests the test meant to be valid").isEmpty();
    }

    @Test
    void anImportedRunReadsAsTheContractSays() throws Exception {
        byte[] bundle = recordedBundle();
        ApiCalls.Response imported = direct.send(
                "POST", "/v1/sessions:import", bundle, "application/zip", Map.of("Idempotency-Key", "imp-1"));
        assertThat(imported.status()).as(imported.text()).isEqualTo(201);
        String id = imported.json().get("id").asText();
        check(admin.get("/v1/sessions/" + id + "?include=tags,events,frames_summary"), 200);
        check(admin.get("/v1/sessions/" + id + "/frames"), 200);
        check(admin.get("/v1/sessions?workflow=conformance_bundle&include=tags"), 200);
        // A bundle sent again: the run it made before, answered 200.
        ApiCalls.Response again = direct.send("POST", "/v1/sessions:import", bundle, "application/zip", Map.of());
        assertThat(again.status()).as(again.text()).isEqualTo(200);
        assertThat(requestViolations).as("requests the test meant to be valid").isEmpty();
    }

    @Test
    void errorsHaveTheContractsShape() {
        String id = create("conformance_errors", false);
        String readOnly = SERVER.server().createKey(Set.of("read"));

        check(admin.post("/v1/sessions", "{\"workflow\":\"Not A Slug\"}"), 400);
        check(admin.post("/v1/sessions", "{\"workflow\":\"ok_slug\",\"colour\":\"red\"}"), 400);
        check(admin.send("POST", "/v1/sessions", "workflow=x", "text/plain", Map.of()), 415);
        check(admin.get("/v1/sessions?limit=0"), 400);
        check(admin.get("/v1/sessions?status=done"), 400);
        check(admin.get("/v1/sessions/" + id + "?include=everything"), 400);
        check(admin.as(null).get("/v1/sessions"), 401);
        check(admin.as("nsk_test_" + "x".repeat(40)).get("/v1/sessions"), 401);
        check(admin.as(readOnly).post("/v1/sessions", "{\"workflow\":\"read_only\"}"), 403);
        check(admin.as(readOnly).get("/v1/audit_logs"), 403);
        check(admin.get("/v1/sessions/ses_01HZX3ABCDEFGHJKMNPQRSTV99"), 404);
        check(admin.post("/v1/sessions/" + id + "/tags", "{\"name\":\"x\"}"), 400);
        check(admin.post("/v1/sessions/" + id + "/frames:redact", "{\"from_seq\":0,\"to_seq\":0,\"rects\":[]}"), 400);
        check(admin.post("/v1/sessions/" + id + "/start", null), 200);
        check(admin.post("/v1/sessions/" + id + "/stop", null), 200);
        check(admin.post("/v1/sessions/" + id + "/start", null), 409);
        check(admin.delete("/v1/sessions/" + id), 200);
        check(admin.post("/v1/sessions/" + id + "/tags", "{\"name\":\"too_late\"}"), 410);
        String key = UUID.randomUUID().toString();
        check(admin.post("/v1/sessions", "{\"workflow\":\"first_body\"}", Map.of("Idempotency-Key", key)), 201);
        check(admin.post("/v1/sessions", "{\"workflow\":\"other_body\"}", Map.of("Idempotency-Key", key)), 409);
        check(
                admin.post(
                        "/v1/sessions",
                        "{\"workflow\":\"big_metadata\",\"metadata\":{\"blob\":\"" + "x".repeat(20_000) + "\"}}"),
                400); // metadata_too_large

        assertThat(requestViolations)
                .as("the requests sent wrong on purpose, flagged by the proxy: it checks what passes through")
                .anySatisfy(v -> assertThat(v).contains("property workflow must match pattern"))
                .anySatisfy(v -> assertThat(v).contains("found 'colour'"))
                .anySatisfy(v -> assertThat(v).contains("parameter limit must be >= 1"));
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    /** Checks the status, and keeps what Prism says of the exchange. */
    private ApiCalls.Response check(ApiCalls.Response r, int... statuses) {
        assertThat(statuses).as("status (answer: %s)", r.text()).contains(r.status());
        r.headers().firstValue("sl-violations").ifPresent(header -> {
            try {
                for (JsonNode v : ApiCalls.JSON.readTree(header)) {
                    String where = v.get("location").get(0).asText();
                    String line = r.status() + " "
                            + r.text().substring(0, Math.min(200, r.text().length())) + " :: " + v.get("location") + " "
                            + v.get("message").asText();
                    (where.equals("response") ? responseViolations : requestViolations).add(line);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return r;
    }

    private static String create(String workflow, boolean start) {
        return direct.post("/v1/sessions", "{\"workflow\":\"" + workflow + "\",\"start\":" + start + "}")
                .expect(201)
                .json()
                .get("id")
                .asText();
    }

    private static void upload(String id, int seq, byte[] image, String type) {
        direct.send(
                        "POST",
                        "/v1/sessions/" + id + "/frames?seq=" + seq + "&captured_at=" + Instant.now(),
                        image,
                        type,
                        Map.of())
                .expect(201);
    }

    private static String event(String id, String type, String data) {
        return "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"at\":\"" + Instant.now() + "\",\"data\":" + data
                + "}";
    }

    private static String enc(JsonNode cursor) {
        assertThat(cursor.isTextual()).as("a next page's cursor").isTrue();
        return URLEncoder.encode(cursor.asText(), StandardCharsets.UTF_8);
    }

    /** A sealed run of two frames and a tag, exported as a run bundle through the app's client and exporter. */
    private static byte[] recordedBundle() throws Exception {
        String id = create("conformance_bundle", true);
        upload(id, 1, TestImages.encode(TestImages.noise(32, 24, 41), "png"), "image/png");
        upload(id, 2, TestImages.encode(TestImages.noise(32, 24, 42), "png"), "image/png");
        direct.post("/v1/sessions/" + id + "/tags", "{\"name\":\"exported\"}").expect(201);
        direct.post("/v1/sessions/" + id + "/stop", null).expect(200);
        SERVER.server().sealNow();
        try (SessionsClient client = SessionsClient.builder()
                .baseUrl(SERVER.server().baseUrl())
                .apiKey(SERVER.server().adminKey())
                .build()) {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> client.sessions().get(id).execute().status() == SessionStatus.SEALED);
            Exporter exporter = Exporters.forFormat(ExportFormat.BUNDLE).orElseThrow();
            Path file = Files.createTempFile("conformance-", ".zip");
            try {
                AtomicFile.write(
                        file, out -> exporter.write(ClientRunSource.open(client, id), out, ExportProgress.NONE));
                return Files.readAllBytes(file);
            } finally {
                Files.deleteIfExists(file);
            }
        }
    }
}
