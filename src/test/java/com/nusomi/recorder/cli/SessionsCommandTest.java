package com.nusomi.recorder.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nusomi.recorder.client.SessionsClient;
import com.nusomi.recorder.client.exception.NotFoundException;
import com.nusomi.recorder.client.model.Actor;
import com.nusomi.recorder.client.model.Outcome;
import com.nusomi.recorder.client.model.Session;
import com.nusomi.recorder.client.model.SessionStatus;
import com.nusomi.recorder.client.request.CreateSessionRequest;
import com.nusomi.recorder.client.request.SessionQuery;
import com.nusomi.recorder.client.request.TagRequest;
import com.nusomi.recorder.server.ApiServer;
import com.nusomi.recorder.server.ServerConfig;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** The admin CLI, run in-process against the real local server. */
class SessionsCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path data;

    // the fake clock starts at class loading on purpose; tests move it by hand
    @SuppressWarnings("TimeInStaticInitializer")
    static final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());

    static ApiServer server;
    static SessionsClient client;

    @BeforeAll
    static void startServer() {
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
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
                ServerConfig.builder().dataDir(data).port(0).clock(clock).build());
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

    /** The outcome of one command: exit code, stdout, stderr. */
    record Run(int code, String out, String err) {
        JsonNode json() throws Exception {
            return JSON.readTree(out);
        }
    }

    static Run run(String... args) {
        return runWithInput(null, args);
    }

    static Run runWithInput(String stdin, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (all.get(0).equals("sessions")) {
            all.addAll(List.of("--base-url", server.baseUrl(), "--api-key", server.adminKey()));
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        InputStream savedIn = System.in;
        try {
            if (stdin != null) {
                System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            }
            CommandLine cmd = RootCommand.commandLine();
            cmd.setOut(new PrintWriter(out, true));
            cmd.setErr(new PrintWriter(err, true));
            int code = cmd.execute(all.toArray(String[]::new));
            return new Run(code, out.toString(), err.toString());
        } finally {
            System.setIn(savedIn);
        }
    }

    static Session create(String workflow, boolean start) {
        return client.sessions()
                .create(CreateSessionRequest.builder(workflow)
                        .actor(Actor.human("cli@test"))
                        .start(start)
                        .build())
                .execute();
    }

    @Test
    void listPrintsJsonThatParsesBackWithTheFilters() throws Exception {
        Session a = create("cli_list_a", false);
        create("cli_list_b", false);
        Run run = run("sessions", "list", "--workflow", "cli_list_a", "--json");
        assertThat(run.code()).isZero();
        JsonNode page = run.json();
        assertThat(page.get("data")).hasSize(1);
        assertThat(page.get("data").get(0).get("id").asText()).isEqualTo(a.id());
        assertThat(page.get("data").get(0).get("workflow").asText()).isEqualTo("cli_list_a");
        assertThat(page.get("has_more").asBoolean()).isFalse();
        assertThat(page.get("next_cursor").isNull()).isTrue();
    }

    @Test
    void listNotTagLeavesOutSessionsCarryingAnyOfTheNames() throws Exception {
        Session plain = create("cli_not_tag", false);
        Session reviewed = create("cli_not_tag", false);
        Session escalated = create("cli_not_tag", false);
        client.sessions().tag(reviewed.id(), TagRequest.of("reviewed")).execute();
        client.sessions().tag(escalated.id(), TagRequest.of("escalated")).execute();

        Run one = run("sessions", "list", "--workflow", "cli_not_tag", "--not-tag", "escalated", "--json");
        Run two = run(
                "sessions",
                "list",
                "--workflow",
                "cli_not_tag",
                "--not-tag",
                "escalated",
                "--not-tag",
                "reviewed",
                "--json");

        assertThat(one.code()).isZero();
        assertThat(one.json().get("data").findValuesAsText("workflow")).hasSize(2);
        assertThat(ids(one.json())).containsExactlyInAnyOrder(plain.id(), reviewed.id());
        assertThat(two.code()).isZero();
        assertThat(ids(two.json())).containsExactly(plain.id());
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("data").forEach(s -> ids.add(s.get("id").asText()));
        return ids;
    }

    @Test
    void listAllPagesThroughEverythingAndTablesByDefault() throws Exception {
        for (int i = 0; i < 7; i++) {
            create("cli_paging", false);
        }
        Run all = run("sessions", "list", "--workflow", "cli_paging", "--limit", "3", "--all", "--json");
        assertThat(all.json().get("data")).hasSize(7);
        Run onePage = run("sessions", "list", "--workflow", "cli_paging", "--limit", "3");
        assertThat(onePage.code()).isZero();
        assertThat(onePage.out().lines().toList()).hasSize(1 + 3);
        assertThat(onePage.out()).startsWith("ID").contains("cli_paging");
        assertThat(onePage.err()).contains("--cursor");
    }

    @Test
    void getShowsTheSessionWithItsTags() throws Exception {
        Session s = create("cli_get", true);
        assertThat(run("sessions", "tag", s.id(), "submitted", "--data", "{\"by\":\"anna\"}")
                        .code())
                .isZero();
        Run table = run("sessions", "get", s.id(), "--include", "tags");
        assertThat(table.code()).isZero();
        assertThat(table.out())
                .contains(s.id())
                .contains("cli_get")
                .contains("submitted")
                .contains("anna");
        JsonNode json = run("sessions", "get", s.id(), "--include", "tags,events", "--json")
                .json();
        assertThat(json.get("tags").get(0).get("name").asText()).isEqualTo("submitted");
        assertThat(json.get("status").asText()).isEqualTo("recording");
    }

    @Test
    void stopTagDeleteAndRestoreChangeTheServer() {
        Session s = create("cli_lifecycle", true);
        assertThat(run("sessions", "tag", s.id(), "outcome", "--data", "{\"value\":\"error\"}")
                        .code())
                .isZero();
        assertThat(run("sessions", "stop", s.id()).code()).isZero();
        assertThat(client.sessions().get(s.id()).execute().outcome()).isEqualTo(Outcome.ERROR);
        assertThat(run("sessions", "delete", s.id()).code()).isZero();
        assertThat(client.sessions()
                        .list(SessionQuery.builder().workflow("cli_lifecycle").build())
                        .execute()
                        .data())
                .isEmpty();
        assertThat(run("sessions", "restore", s.id()).code()).isZero();
        assertThat(client.sessions().get(s.id()).execute().id()).isEqualTo(s.id());
        assertThat(run("sessions", "delete", "--hard", s.id()).code()).isZero();
        Assertions.assertThrows(
                NotFoundException.class, () -> client.sessions().get(s.id()).execute());
    }

    @Test
    void anApiErrorExitsWithOneAndNamesTheRequestId() {
        Run run = run("sessions", "get", "ses_01HZX3ABCDEFGHJKMNPQRSTVWX");
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("session_not_found").containsPattern("request_id req_[0-9A-Z]{26}");
    }

    @Test
    void aHardDeleteWithoutTheAdminScopeExitsWithOne() {
        Session s = create("cli_scope", false);
        String writeKey = server.createKey(Set.of("read", "write"));
        StringWriter err = new StringWriter();
        CommandLine cmd = RootCommand.commandLine();
        cmd.setErr(new PrintWriter(err, true));
        cmd.setOut(new PrintWriter(new StringWriter(), true));
        int code = cmd.execute(
                "sessions", "delete", "--hard", s.id(), "--base-url", server.baseUrl(), "--api-key", writeKey);
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("insufficient_scope");
        assertThat(client.sessions().get(s.id()).execute().id()).isEqualTo(s.id());
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(run("sessions", "list", "--status", "bogus").code()).isEqualTo(2);
        assertThat(run("sessions", "frobnicate").code()).isEqualTo(2);
        assertThat(run("sessions", "batch-stop").code()).isEqualTo(2);
        assertThat(run("sessions", "batch-stop", "--abandoned-for", "six hours").code())
                .isEqualTo(2);
    }

    @Test
    void batchStopTakesIdsFromStdinAndReportsPerIdFailures() throws Exception {
        Session a = create("cli_batch", true);
        Session b = create("cli_batch", false);
        String unknown = "ses_01HZX3ABCDEFGHJKMNPQRSTVWZ";
        Run run = runWithInput(a.id() + "\n" + b.id() + " " + unknown + "\n", "sessions", "batch-stop", "-", "--json");
        assertThat(run.code()).isEqualTo(1);
        JsonNode json = run.json();
        assertThat(json.get("data")).hasSize(2);
        assertThat(json.get("errors")).hasSize(1);
        assertThat(json.get("errors").get(0).get("id").asText()).isEqualTo(unknown);
        assertThat(client.sessions().get(a.id()).execute().status()).isIn(SessionStatus.STOPPED, SessionStatus.SEALED);
        assertThat(client.sessions().get(b.id()).execute().status()).isIn(SessionStatus.STOPPED, SessionStatus.SEALED);
    }

    @Test
    void abandonedForFindsOnlyStaleRecordingsAndDryRunStopsNothing() throws Exception {
        Instant real = Instant.now();
        now.set(real.minus(Duration.ofHours(7)));
        List<String> stale = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            stale.add(create("cli_abandoned", true).id());
        }
        String staleButStopped = create("cli_abandoned", true).id();
        client.sessions().stop(staleButStopped).execute();
        now.set(real);
        String fresh = create("cli_abandoned", true).id();

        Run dry = run("sessions", "batch-stop", "--abandoned-for", "6h", "--dry-run", "--json");
        assertThat(dry.code()).isZero();
        List<String> wouldStop = new ArrayList<>();
        dry.json().get("would_stop").forEach(n -> wouldStop.add(n.asText()));
        assertThat(wouldStop).containsExactlyInAnyOrderElementsOf(stale);
        for (String id : stale) {
            assertThat(client.sessions().get(id).execute().status()).isEqualTo(SessionStatus.RECORDING);
        }

        Run real6h = run("sessions", "batch-stop", "--abandoned-for", "6h");
        assertThat(real6h.code()).isZero();
        assertThat(real6h.err()).contains("3 stopped, 0 failed");
        for (String id : stale) {
            Session s = client.sessions().get(id).execute();
            assertThat(s.status()).isIn(SessionStatus.STOPPED, SessionStatus.SEALED);
            assertThat(s.outcome()).isEqualTo(Outcome.ABANDONED);
        }
        assertThat(client.sessions().get(fresh).execute().status()).isEqualTo(SessionStatus.RECORDING);
    }

    /** An in-process run with no --base-url: the embedded server of a data folder. */
    static Run runLocal(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = RootCommand.commandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void connectsToTheEmbeddedServerOfADataFolder(@TempDir Path folder) throws Exception {
        Run run = runLocal("sessions", "list", "--json", "--data", folder.toString());
        assertThat(run.code()).isZero();
        assertThat(run.json().get("data")).isEmpty();
        assertThat(run.err()).isEmpty();
        assertThat(folder.resolve("admin.key")).exists();
    }

    @ParameterizedTest
    @ValueSource(strings = {"--data", "--data-dir"})
    void listTakesTheDataFolderInBothSpellings(String option, @TempDir Path folder) throws Exception {
        Run after = runLocal("sessions", "list", "--json", option, folder.toString());
        assertThat(after.code()).isZero();
        assertThat(after.json().get("data")).isEmpty();
        assertThat(folder.resolve("admin.key")).exists();
        Run before = runLocal("sessions", option, folder.toString(), "list", "--json");
        assertThat(before.code()).isZero();
        assertThat(before.json().get("data")).isEmpty();
        if (option.equals("--data-dir")) {
            assertThat(after.err().lines().toList())
                    .singleElement()
                    .asString()
                    .contains("deprecated")
                    .contains("--data");
        } else {
            assertThat(after.err()).isEmpty();
            assertThat(before.err()).isEmpty();
        }
    }

    @Test
    void theOldSpellingIsHiddenFromTheHelp() {
        Run help = runLocal("sessions", "list", "--help");
        assertThat(help.out()).contains("--data=DIR").doesNotContain("--data-dir");
        assertThat(runLocal("sessions", "--help").out()).contains("--data=DIR").doesNotContain("--data-dir");
    }

    @Test
    void tagKeepsItsDataForTheJsonAndTakesTheFolderBeforeTheSubcommand(@TempDir Path folder) throws Exception {
        String id;
        try (ApiServer local = ApiServer.start(
                        ServerConfig.builder().dataDir(folder).port(0).build());
                SessionsClient c = SessionsClient.builder()
                        .baseUrl(local.baseUrl())
                        .apiKey(local.adminKey())
                        .build()) {
            id = c.sessions()
                    .create(CreateSessionRequest.builder("cli_tag_folder")
                            .actor(Actor.human("cli@test"))
                            .start(true)
                            .build())
                    .execute()
                    .id();
        }
        Run tag = runLocal(
                "sessions",
                "--data",
                folder.toString(),
                "tag",
                id,
                "submitted",
                "--data",
                "{\"by\":\"anna\"}",
                "--json");
        assertThat(tag.code()).as(tag.err()).isZero();
        assertThat(tag.json().get("name").asText()).isEqualTo("submitted");
        assertThat(tag.json().get("data").get("by").asText()).isEqualTo("anna");
    }
}
