package com.nusomi.recorder.recorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nusomi.recorder.client.SessionsClient;
import com.nusomi.recorder.client.model.Session;
import com.nusomi.recorder.client.model.SessionStatus;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A recorder in a child JVM is killed with SIGKILL at random moments, eleven times, and restarted on the same data
 * folder each time; a last run stops the session. The server then holds every frame and event any of the children
 * had flushed to its journal, none twice.
 */
class CrashRecoveryTest {
    private static final int KILLS = 11;

    /** One child JVM and the lines it printed. */
    private static final class Child {
        final Process process;
        final List<String> lines = Collections.synchronizedList(new ArrayList<>());
        final Thread reader;

        Child(List<String> command, Path log) throws IOException {
            process = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            reader = new Thread(
                    () -> {
                        try (BufferedReader in = new BufferedReader(
                                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                            for (String line; (line = in.readLine()) != null; ) {
                                lines.add(line);
                            }
                        } catch (IOException ignored) {
                            // the process died
                        }
                    },
                    "child-reader");
            reader.setDaemon(true);
            reader.start();
        }

        long recordedLines() {
            synchronized (lines) {
                return lines.stream()
                        .filter(l -> l.startsWith("F ") || l.startsWith("E "))
                        .count();
            }
        }

        boolean printed(String line) {
            return lines.contains(line);
        }

        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
            reader.join(10_000);
        }
    }

    @Test
    void recordersKilledAtRandomMomentsLoseAndDuplicateNothing(
            @TempDir Path serverDir, @TempDir Path data, @TempDir Path logs) throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        try (LocalServer server = new LocalServer(serverDir);
                SessionsClient client = server.newClient()) {
            Session s = LocalServer.newRecordingSession(client);
            Set<Long> seqs = new HashSet<>();
            Set<String> eventIds = new HashSet<>();
            Path log = logs.resolve("children.log");
            for (int i = 0; i < KILLS; i++) {
                Child c = new Child(command(server, data, s.id(), "run"), log);
                await().atMost(60, TimeUnit.SECONDS).until(() -> c.printed("READY") || !c.process.isAlive());
                assertThat(c.process.isAlive())
                        .as("child %d started (seed %d, see %s)", i, seed, log)
                        .isTrue();
                long target = c.recordedLines() + random.nextInt(40);
                await().atMost(60, TimeUnit.SECONDS).until(() -> c.recordedLines() >= target);
                c.kill();
                collect(c, seqs, eventIds);
            }
            Child last = new Child(command(server, data, s.id(), "finish"), log);
            await().atMost(90, TimeUnit.SECONDS).until(() -> !last.process.isAlive());
            last.reader.join(10_000);
            assertThat(last.process.exitValue())
                    .as("last child (seed %d, see %s)", seed, log)
                    .isZero();
            assertThat(last.printed("DRAINED")).isTrue();
            collect(last, seqs, eventIds);

            assertThat(seqs).hasSizeGreaterThan(KILLS);
            LocalServer.assertServerHoldsExactly(client, s.id(), seqs, eventIds);
            assertThat(client.sessions().get(s.id()).execute().status())
                    .isIn(SessionStatus.STOPPED, SessionStatus.SEALED);
        }
    }

    private static void collect(Child c, Set<Long> seqs, Set<String> eventIds) {
        synchronized (c.lines) {
            for (String line : c.lines) {
                if (line.startsWith("F ")) {
                    assertThat(seqs.add(Long.parseLong(line.substring(2))))
                            .as("seq recorded once: " + line)
                            .isTrue();
                } else if (line.startsWith("E ")) {
                    assertThat(eventIds.add(line.substring(2)))
                            .as("event recorded once: " + line)
                            .isTrue();
                }
            }
        }
    }

    private static List<String> command(LocalServer server, Path data, String sessionId, String mode) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return List.of(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                "-Xmx256m",
                "-XX:TieredStopAtLevel=1",
                "-Xshare:auto",
                "-Djava.awt.headless=true",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                CrashingRecorderMain.class.getName(),
                server.baseUrl(),
                server.adminKey(),
                data.toString(),
                sessionId,
                mode);
    }

    static String pathSeparator() {
        return File.pathSeparator;
    }
}
