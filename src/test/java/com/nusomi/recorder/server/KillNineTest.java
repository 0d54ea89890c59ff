package com.nusomi.recorder.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nusomi.recorder.server.store.PgCluster;
import com.nusomi.recorder.server.store.PostgresTarget;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server killed with SIGKILL mid-traffic loses nothing it acknowledged. */
class KillNineTest {
    private static final Pattern LISTENING = Pattern.compile("Sessions API on (http://\\S+)");

    @TempDir
    Path temp;

    @Test
    void everyAcknowledgedSessionSurvivesAKillNine() throws Exception {
        Path data = temp.resolve("data");
        PostgresTarget database = LocalServer.POSTGRES ? PgCluster.shared().newSchema("kill_nine") : null;
        Process child = startServerProcess(data, database, temp.resolve("server.log"));
        List<String> acknowledged = Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<Void>> writers = new ArrayList<>();
        try {
            String baseUrl = awaitBaseUrl(child);
            ApiCalls api = new ApiCalls(
                    baseUrl, Files.readString(data.resolve("admin.key")).strip());
            for (int i = 0; i < 4; i++) {
                writers.add(CompletableFuture.runAsync(() -> createUntilTheServerDies(api, acknowledged)));
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= 200);
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        writers.forEach(CompletableFuture::join);
        assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(137);

        try (LocalServer restarted =
                new LocalServer().dataDir(data).database(database).start()) {
            List<String> present = restarted.admin().listAll("workflow=kill_nine");
            assertThat(present).containsAll(new ArrayList<>(acknowledged));
        }
    }

    /** Creates and tags sessions until a call fails; records each session whose 201 came back. */
    private static void createUntilTheServerDies(ApiCalls api, List<String> acknowledged) {
        try {
            while (true) {
                ApiCalls.Response r = api.post("/v1/sessions", "{\"workflow\":\"kill_nine\",\"start\":true}");
                if (r.status() != 201) {
                    throw new AssertionError("create answered " + r.status() + ": " + r.text());
                }
                String id = r.json().get("id").asText();
                acknowledged.add(id);
                api.tag(id, "written");
            }
        } catch (UncheckedIOException expected) {
            // the server is gone
        }
    }

    /** {@code serve} in a JVM of its own, on SQLite in the data folder or on this PostgreSQL database. */
    static Process startServerProcess(Path data, PostgresTarget database, Path log) throws IOException {
        return startServerProcess(data, database, log, List.of());
    }

    /** As above, with more options of {@code serve}. */
    static Process startServerProcess(Path data, PostgresTarget database, Path log, List<String> options)
            throws IOException {
        return startServerProcess(List.of(), data, database, log, options);
    }

    /** As above, with options of the JVM too (such as the heap and collector the systemd unit gives it). */
    static Process startServerProcess(
            List<String> jvmOptions, Path data, PostgresTarget database, Path log, List<String> options)
            throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(jvmOptions);
        command.addAll(List.of(
                "-cp",
                System.getProperty("java.class.path"),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "com.nusomi.recorder.Main",
                "serve",
                "--data",
                data.toString()));
        if (!options.contains("--port")) {
            command.addAll(List.of("--port", "0"));
        }
        if (database != null) {
            command.addAll(List.of("--database", database.url()));
        }
        command.addAll(options);
        return new ProcessBuilder(command).redirectError(log.toFile()).start();
    }

    static String awaitBaseUrl(Process child) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line = CompletableFuture.supplyAsync(() -> {
                    try {
                        return out.readLine();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .get(60, TimeUnit.SECONDS);
        assertThat(line).as("first line of serve").isNotNull();
        Matcher m = LISTENING.matcher(line);
        assertThat(m.find()).as("'%s' names the URL", line).isTrue();
        return m.group(1);
    }
}
