package com.nusomi.recorder.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Cold start of the app (JVM start to the main window shown and the embedded server answering, reported by the
 * app's startup probe) next to a minimal JavaFX window measured the same way in the same run; median of 5 each,
 * alternating, each app run on a fresh data folder. Needs an X display: it starts Xvfb itself when DISPLAY is unset.
 * {@code mvn -B -Pbenchmark test -Dtest=AppStartBenchmark}
 */
@Tag("benchmark")
class AppStartBenchmark {
    private static final int RUNS = 5;

    @Test
    void coldStartAgainstAMinimalWindow() throws Exception {
        Process xvfb = null;
        String display = System.getenv("DISPLAY");
        if (display == null || display.isBlank()) {
            display = ":93";
            xvfb = new ProcessBuilder("Xvfb", display, "-screen", "0", "1600x1000x24", "-nolisten", "tcp")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        }
        try {
            List<long[]> app = new ArrayList<>();
            List<long[]> minimal = new ArrayList<>();
            // one untimed round of each warms the OS file cache
            run(display, MinimalWindow.Main.class.getName(), List.of());
            run(display, "com.nusomi.recorder.Main", List.of("--data", Files.createTempDirectory("cold").toString()));
            for (int i = 0; i < RUNS; i++) {
                minimal.add(run(display, MinimalWindow.Main.class.getName(), List.of()));
                app.add(run(display, "com.nusomi.recorder.Main",
                        List.of("--data", Files.createTempDirectory("cold").toString())));
            }
            long appMs = median(app, 0);
            long minMs = median(minimal, 0);
            long appRss = median(app, 1);
            long minRss = median(minimal, 1);
            String table = String.format("""
                    | | median of %d (ms) | runs (ms) | resident memory at ready (MiB, median) |
                    |---|---|---|---|
                    | minimal JavaFX window | %d | %s | %d |
                    | Session Recorder (window shown + embedded server answering) | %d | %s | %d |
                    | ratio | **%.2f×** (bar ≤ 1.3×: %s) | | %.2f× |
                    """, RUNS, minMs, column(minimal, 0), minRss / 1024, appMs, column(app, 0), appRss / 1024,
                    appMs / (double) minMs, appMs <= 1.3 * minMs ? "PASS" : "MISS", appRss / (double) minRss);
            System.out.println(table);
            assertThat(app).allMatch(r -> r[0] > 0);
        } finally {
            if (xvfb != null) {
                xvfb.destroy();
            }
        }
    }

    private static long[] run(String display, String mainClass, List<String> args) throws Exception {
        Path ready = Files.createTempFile("ready", ".txt");
        Files.delete(ready);
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Drecorder.readyFile=" + ready,
                "-Drecorder.exitWhenReady=true", mainClass));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(new File("target/app-start-bench.log")));
        pb.environment().put("DISPLAY", display);
        Process p = pb.start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(mainClass + " did not become ready in 60 s; see target/app-start-bench.log");
        }
        String[] parts = Files.readString(ready, StandardCharsets.UTF_8).trim().split(" ");
        return new long[] {Long.parseLong(parts[0]), Long.parseLong(parts[1])};
    }

    private static long median(List<long[]> runs, int field) {
        long[] v = runs.stream().mapToLong(r -> r[field]).sorted().toArray();
        return v[v.length / 2];
    }

    private static String column(List<long[]> runs, int field) {
        return Arrays.toString(runs.stream().mapToLong(r -> r[field]).toArray());
    }

    static {
        try {
            Files.createDirectories(Path.of("target"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
