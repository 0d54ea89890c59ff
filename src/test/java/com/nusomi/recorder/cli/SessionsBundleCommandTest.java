package com.nusomi.recorder.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nusomi.recorder.client.SessionsClient;
import com.nusomi.recorder.client.model.Session;
import com.nusomi.recorder.export.SmallRun;
import com.nusomi.recorder.export.Zips;
import com.nusomi.recorder.server.ApiServer;
import com.nusomi.recorder.server.ServerConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code sessions export --format bundle} and {@code sessions verify}, in-process against the real server. */
class SessionsBundleCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path data;

    static ApiServer server;
    static SessionsClient client;
    static Session run;

    @BeforeAll
    static void startServer() {
        server = ApiServer.start(
                ServerConfig.builder().dataDir(data.resolve("server")).port(0).build());
        client = SessionsClient.builder()
                .baseUrl(server.baseUrl())
                .apiKey(server.adminKey())
                .build();
        run = SmallRun.record(client, "process_invoice");
        server.sealNow();
    }

    @AfterAll
    static void stopServer() {
        client.close();
        server.close();
    }

    record Run(int code, String out, String err) {
        JsonNode json() throws Exception {
            return JSON.readTree(out);
        }
    }

    static Run run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (all.get(1).equals("export") || all.get(1).equals("import")) {
            all.addAll(List.of("--base-url", server.baseUrl(), "--api-key", server.adminKey()));
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = RootCommand.commandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute(all.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void exportThenVerify() throws Exception {
        Path file = data.resolve("cli-run.zip");
        Run export = run("sessions", "export", run.id(), "--format", "bundle", "--output", file.toString());
        assertThat(export.code()).as(export.err()).isZero();
        assertThat(export.out().strip()).isEqualTo(file.toAbsolutePath().toString());
        assertThat(export.err()).contains("(100%)");

        Run ok = run("sessions", "verify", file.toString());
        assertThat(ok.code()).as(ok.out() + ok.err()).isZero();
        assertThat(ok.out()).startsWith("OK ").contains(run.id());

        Run okJson = run("sessions", "verify", "--json", file.toString());
        assertThat(okJson.code()).isZero();
        assertThat(okJson.json().get("ok").asBoolean()).isTrue();
        assertThat(okJson.json().get("session_id").asText()).isEqualTo(run.id());

        Path tampered = Zips.rewrite(
                file,
                data.resolve("cli-tampered.zip"),
                (name, b) -> name.equals("frames/4.jpg") ? Zips.flip(b, b.length / 2) : b,
                Map.of());
        Run bad = run("sessions", "verify", tampered.toString());
        assertThat(bad.code()).isEqualTo(SessionsVerify.DOES_NOT_MATCH);
        assertThat(bad.out()).startsWith("FAILED ").contains("frames/4.jpg");
        Run badJson = run("sessions", "verify", "--json", tampered.toString());
        assertThat(badJson.code()).isEqualTo(3);
        assertThat(badJson.json().get("ok").asBoolean()).isFalse();
        assertThat(badJson.json().get("path").asText()).isEqualTo("frames/4.jpg");
    }

    @Test
    void verifyOfAMissingFileIsAUsageError() {
        Run missing = run("sessions", "verify", data.resolve("nothing.zip").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("no such file");
        assertThat(Files.exists(data.resolve("nothing.zip"))).isFalse();
    }
}
