package com.nusomi.recorder.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Cold start of the app (JVM start to the main window shown and the embedded server answering, reported by the app's
 * startup probe) next to a minimal JavaFX window measured the same way in the same run; median of 5 each, alternating,
 * each app run on a fresh data folder. The app runs from its shaded jar ({@code java -jar target/session-recorder.jar},
 * so {@code mvn package} first), the minimal window from a jar of its own with JavaFX from that same jar. Two launch
 * configurations, each applied to both programs alike: plain (no options) and tuned (the installer's JVM options plus
 * an AppCDS archive of each program's classes, dumped by one run of that program with {@code -XX:ArchiveClassesAtExit};
 * the installers ship such an archive). Then the resident memory after one recorded session: the app records for
 * {@value #RECORD_SECONDS} s through its Record screen (real capture of the Xvfb screen), stops, drains. Needs an X
 * display: it starts Xvfb itself when DISPLAY is unset. {@code mvn -B -q package -DskipTests && mvn -B -Pbenchmark test
 * -Dtest=AppStartBenchmark}. The app's memory over a long recording is a second, opt-in test (the shaded jar too):
 * {@code mvn -B -Pbenchmark test -Dtest='AppStartBenchmark#residentMemory*' -Drecorder.memoryMinutes=10}.
 */
@Tag("benchmark")
class AppStartBenchmark {
    private static final int RUNS = 5;
    private static final int RECORD_RUNS = 3;
    private static final int RECORD_SECONDS = 10;
    private static final int RECORD_DELAY_SECONDS = 20;
    private static final String APP = "com.nusomi.recorder.Main";
    private static final String MINIMAL = MinimalWindow.Main.class.getName();
    private static boolean minimalJarMade;

    /** The JVM options of the installer's launchers (installer/jpackage-common.txt). */
    private static final List<String> INSTALLER_OPTIONS = InstallerOptions.jvm();
    /** For the memory run: another JDK's java for the app ({@code -Dbench.app.java=…/bin/java}), to compare. */
    private static final String APP_JAVA = System.getProperty("bench.app.java", "");
    /** For the memory run: JVM options added to the installer's ({@code -Dbench.app.options="-Xmx256m …"}). */
    private static final List<String> APP_OPTIONS =
            List.of(System.getProperty("bench.app.options", "").trim().split("\\s+")).stream()
                    .filter(o -> !o.isEmpty())
                    .toList();

    @Test
    void coldStartAgainstAMinimalWindow() throws Exception {
        Process xvfb = null;
        String display = System.getenv("DISPLAY");
        if (display == null || display.isBlank()) {
            display = ":93";
            xvfb = new ProcessBuilder("Xvfb", display, "-screen", "0", "1600x1000x24", "-nolisten", "tcp")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        }
        try {
            Path cds = Files.createDirectories(Path.of("target", "bench-cds"));
            Path appJsa = cds.resolve("app.jsa");
            Path minJsa = cds.resolve("minimal.jsa");
            Files.deleteIfExists(appJsa);
            Files.deleteIfExists(minJsa);
            // Untimed: warm the OS file cache, and dump each program's class archive for the tuned runs.
            run(display, MINIMAL, plus(INSTALLER_OPTIONS, "-XX:ArchiveClassesAtExit=" + minJsa), 0);
            run(display, APP, plus(INSTALLER_OPTIONS, "-XX:ArchiveClassesAtExit=" + appJsa), 0);
            // Without its archive the JVM starts silently without it: make sure the tuned runs have theirs.
            assertThat(minJsa).as("the minimal window's AppCDS archive").exists();
            assertThat(appJsa).as("the app's AppCDS archive").exists();
            List<String> minTuned = plus(INSTALLER_OPTIONS, "-XX:SharedArchiveFile=" + minJsa);
            List<String> appTuned = plus(INSTALLER_OPTIONS, "-XX:SharedArchiveFile=" + appJsa);
            List<long[]> app = new ArrayList<>();
            List<long[]> minimal = new ArrayList<>();
            List<long[]> appT = new ArrayList<>();
            List<long[]> minimalT = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) {
                minimal.add(run(display, MINIMAL, List.of(), 0));
                app.add(run(display, APP, List.of(), 0));
                minimalT.add(run(display, MINIMAL, minTuned, 0));
                appT.add(run(display, APP, appTuned, 0));
            }
            List<long[]> recorded = new ArrayList<>();
            ScheduledExecutorService changes = changingScreen(display);
            try {
                for (int i = 0; i < RECORD_RUNS; i++) {
                    recorded.add(run(display, APP, List.of(), RECORD_SECONDS));
                }
            } finally {
                changes.shutdownNow();
            }
            String table = String.format(
                    """
                    | launch | program | median of %d (ms) | runs (ms) | ratio (bar ≤ 1.3×) | resident at ready (MiB, median) |
                    |---|---|---|---|---|---|
                    %s
                    %s

                    Resident memory after one recorded session (the plain launch; %d s of capture through the Record \
                    screen while its background changes colour every second, stopped, spool drained; median of %d): **%d MiB** (runs %s MiB, frames recorded %s), \
                    next to %d MiB for the minimal window at ready (%.2f×).
                    """,
                    RUNS,
                    rows("plain (no options)", minimal, app),
                    rows("tuned (installer options + AppCDS)", minimalT, appT),
                    RECORD_SECONDS,
                    RECORD_RUNS,
                    median(recorded, 3) / 1024,
                    column(recorded, 3, 1024),
                    column(recorded, 4, 1),
                    median(minimal, 1) / 1024,
                    median(recorded, 3) / (double) median(minimal, 1));
            System.out.println(table);
            Path out = Files.createDirectories(Path.of("target", "benchmarks")).resolve("app-start.md");
            Files.writeString(
                    out, table + "\nLoad average at the end: " + loadAverage() + "\n", StandardCharsets.UTF_8);
            assertThat(app).allMatch(r -> r[0] > 0);
            assertThat(recorded).allMatch(r -> r.length == 5 && r[4] > 0);
        } finally {
            if (xvfb != null) {
                xvfb.destroy();
            }
        }
    }

    /**
     * The app's resident memory over a long recording at 1 fps (the recording issue's bar: at most 10% growth over 10
     * minutes); runs only with {@code -Drecorder.memoryMinutes=10}. The app runs as its installers run it (their JVM
     * options) and records through its Record screen, while another process ({@link BusyScreen}) shows a busy 1920×1080
     * picture with a counter that changes every 500 ms, as the operator's other applications would, so that every frame
     * is new. The session starts {@value #RECORD_DELAY_SECONDS} s after the window is shown, as an operator's would
     * after filling in the form. The app reports its RSS when the first frame is recorded; from then on this test reads
     * the app's VmRSS from {@code /proc} once a minute, until the app stops the session and quits.
     */
    @Test
    void residentMemoryOfTheAppOverALongRecording() throws Exception {
        int minutes = Integer.getInteger("recorder.memoryMinutes", 0);
        assumeTrue(minutes > 0, "set -Drecorder.memoryMinutes=10 to run");
        Process xvfb = null;
        String display = System.getenv("DISPLAY");
        if (display == null || display.isBlank()) {
            display = ":94";
            String size = BusyScreen.WIDTH + "x" + BusyScreen.HEIGHT + "x24";
            xvfb = new ProcessBuilder("Xvfb", display, "-screen", "0", size, "-nolisten", "tcp")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        }
        Path ready = Files.createTempFile("ready", ".txt");
        Files.delete(ready);
        Process busy = null;
        Process app = null;
        try {
            busy = start(display, BusyScreen.class.getName(), List.of(), Files.createTempFile("busy", ".txt"), 0);
            int recordSeconds = minutes * 60 + 30;
            // As an operator does: the app is opened, the form filled in (20 s here), then the session started.
            app = start(
                    display,
                    APP,
                    plus(appOptions(), "-Drecorder.recordDelaySeconds=" + RECORD_DELAY_SECONDS),
                    ready,
                    recordSeconds);
            await().atMost(4, TimeUnit.MINUTES).until(() -> readyFields(ready).length >= 3);
            long t0 = System.nanoTime();
            long pid = app.pid();
            List<Long> rss = new ArrayList<>(List.of(readyFields(ready)[2]));
            String loadAtStart = loadAverage();
            for (int m = 1; m <= minutes; m++) {
                long due = t0 + TimeUnit.MINUTES.toNanos(m);
                await().atMost(minutes + 1L, TimeUnit.MINUTES)
                        .pollInterval(Duration.ofSeconds(1))
                        .until(() -> System.nanoTime() >= due);
                rss.add(Resident.kilobytes(pid));
            }
            assertThat(app.waitFor(recordSeconds + 180L, TimeUnit.SECONDS))
                    .as("the app stops and quits")
                    .isTrue();
            long[] fields = readyFields(ready);
            StringBuilder table = new StringBuilder("| minute |");
            StringBuilder sep = new StringBuilder("|---|");
            StringBuilder values = new StringBuilder("| RSS (MiB) |");
            for (int m = 0; m <= minutes; m++) {
                table.append(' ').append(m).append(" |");
                sep.append("---|");
                values.append(' ').append(rss.get(m) / 1024).append(" |");
            }
            long first = rss.get(0);
            long oneMinute = rss.get(1);
            long last = rss.get(minutes);
            String report = String.format(
                    Locale.ROOT,
                    """
                    %s
                    %s
                    %s

                    | measure | value | bar |
                    |---|---|---|
                    | RSS at the first frame → after %d minutes | %d → %d MiB (%+.1f%%) | |
                    | RSS after the first minute → after %d minutes | %d → %d MiB (%+.1f%%) | growth ≤ 3%% %s |
                    | RSS after 10 minutes | %s | ≤ 2.0 × the minimal window's (StartupBenchmark) |
                    | frames recorded | %d | |
                    | RSS after the session stopped and its spool drained | %d MiB | |

                    App: %s, JVM options: %s. Load average at the first frame: %s; at the end: %s.
                    """,
                    table,
                    sep,
                    values,
                    minutes,
                    first / 1024,
                    last / 1024,
                    100.0 * (last - first) / first,
                    minutes,
                    oneMinute / 1024,
                    last / 1024,
                    100.0 * (last - oneMinute) / oneMinute,
                    last <= oneMinute * 1.03 ? "MET" : "MISSED",
                    minutes >= 10 ? rss.get(10) / 1024 + " MiB" : "(a run of 10 minutes or more)",
                    fields[4],
                    fields[3] / 1024,
                    APP_JAVA.isEmpty() ? "java " + System.getProperty("java.version") : APP_JAVA,
                    String.join(" ", appOptions()),
                    loadAtStart,
                    loadAverage());
            System.out.println(report);
            Path out = Files.createDirectories(Path.of("target", "benchmarks")).resolve("app-recording-memory.md");
            Files.writeString(out, report, StandardCharsets.UTF_8);
            assertThat(fields[4]).as("frames recorded").isGreaterThan(minutes * 50L);
        } finally {
            for (Process p : new Process[] {app, busy, xvfb}) {
                if (p != null) {
                    p.destroyForcibly();
                }
            }
        }
    }

    private static String rows(String launch, List<long[]> minimal, List<long[]> app) {
        long appMs = median(app, 0);
        long minMs = median(minimal, 0);
        double ratio = appMs / (double) minMs;
        return String.format(
                "| %s | minimal JavaFX window | %d | %s | | %d |%n"
                        + "| %s | Session Recorder (window shown + embedded server answering) | %d | %s | **%.2f×** %s | %d |",
                launch,
                minMs,
                column(minimal, 0, 1),
                median(minimal, 1) / 1024,
                launch,
                appMs,
                column(app, 0, 1),
                ratio,
                ratio <= 1.3 ? "PASS" : "MISS",
                median(app, 1) / 1024);
    }

    /**
     * Repaints the screen's background in another colour every second (xsetroot), so that the recorded session
     * stores a frame a second instead of one frame of an unchanging screen.
     */
    // a periodic test driver: it runs until shut down and has no result to check
    @SuppressWarnings("FutureReturnValueIgnored")
    private static ScheduledExecutorService changingScreen(String display) {
        String[] colours = {"#1e3a5f", "#5f1e3a", "#3a5f1e", "#5f5f1e", "#1e5f5f"};
        AtomicInteger next = new AtomicInteger();
        ScheduledExecutorService changes = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "changing-screen");
            t.setDaemon(true);
            return t;
        });
        changes.scheduleWithFixedDelay(
                () -> {
                    ProcessBuilder pb = new ProcessBuilder(
                                    "xsetroot", "-solid", colours[next.getAndIncrement() % colours.length])
                            .redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD);
                    pb.environment().put("DISPLAY", display);
                    try {
                        pb.start().waitFor();
                    } catch (IOException e) {
                        changes.shutdown(); // no xsetroot: the screen stays as it is
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                0,
                1,
                TimeUnit.SECONDS);
        return changes;
    }

    /** The installer's options with {@link #APP_OPTIONS} after them. */
    private static List<String> appOptions() {
        List<String> all = new ArrayList<>(INSTALLER_OPTIONS);
        all.addAll(APP_OPTIONS);
        return all;
    }

    private static List<String> plus(List<String> options, String more) {
        List<String> all = new ArrayList<>(options);
        all.add(more);
        return all;
    }

    /**
     * ms to ready, RSS KiB at ready[, RSS KiB at the first frame, RSS KiB after the recorded session, frames
     * recorded].
     */
    private static long[] run(String display, String mainClass, List<String> jvmOptions, int recordSeconds)
            throws Exception {
        Path ready = Files.createTempFile("ready", ".txt");
        Files.delete(ready);
        Process p = start(display, mainClass, jvmOptions, ready, recordSeconds);
        if (!p.waitFor(120 + recordSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(mainClass + " did not finish in time; see target/app-start-bench.log");
        }
        return readyFields(ready);
    }

    /**
     * Starts a program in a child JVM, its output appended to the benchmark's log: the app from its shaded jar (as
     * {@code java -jar} and the installers run it), the minimal window from a jar of its own with JavaFX from the
     * same shaded jar, anything else on this test's class path. Jars only: an AppCDS archive refuses class-path
     * directories.
     */
    private static Process start(
            String display, String mainClass, List<String> jvmOptions, Path ready, int recordSeconds)
            throws IOException {
        List<String> cmd = new ArrayList<>(List.of(
                mainClass.equals(APP) && !APP_JAVA.isEmpty()
                        ? APP_JAVA
                        : Path.of(System.getProperty("java.home"), "bin", "java")
                                .toString()));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of(
                "-Drecorder.readyFile=" + ready,
                "-Drecorder.exitWhenReady=true",
                "-Drecorder.recordSeconds=" + recordSeconds));
        if (mainClass.equals(APP)) {
            cmd.addAll(List.of(
                    "-jar",
                    appJar().toString(),
                    "--data",
                    Files.createTempDirectory("cold").toString()));
        } else if (mainClass.equals(MINIMAL)) {
            cmd.addAll(List.of("-cp", minimalJar() + File.pathSeparator + appJar(), mainClass));
        } else {
            cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        }
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(new File("target/app-start-bench.log")));
        pb.environment().put("DISPLAY", display);
        return pb.start();
    }

    /** The shaded jar {@code mvn package} builds; it must be at least as new as the compiled classes. */
    static Path appJar() throws IOException {
        Path jar = Path.of("target", "session-recorder.jar").toAbsolutePath();
        Path main = Path.of("target", "classes", "com", "nusomi", "recorder", "Main.class");
        if (!Files.exists(jar) || Files.getLastModifiedTime(jar).compareTo(Files.getLastModifiedTime(main)) < 0) {
            throw new IllegalStateException("target/session-recorder.jar is missing or older than the classes: "
                    + "run mvn -B -q package -DskipTests first");
        }
        return jar;
    }

    /** The minimal window's classes in a jar of their own (made once per run). */
    private static synchronized Path minimalJar() throws IOException {
        if (!minimalJarMade) {
            minimalJarMade = true;
            return benchClassesJar("minimal-window.jar", "MinimalWindow");
        }
        return Path.of("target", "bench-cds", "minimal-window.jar").toAbsolutePath();
    }

    /**
     * The bench package's classes whose names start with one of {@code prefixes}, in a jar of their own under
     * target/bench-cds (an AppCDS archive refuses class-path directories).
     */
    static Path benchClassesJar(String name, String... prefixes) throws IOException {
        Path jar = Path.of("target", "bench-cds", name).toAbsolutePath();
        Files.createDirectories(jar.getParent());
        Path classes = Path.of("target", "test-classes");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                Stream<Path> files = Files.list(classes.resolve("com/nusomi/recorder/bench"))) {
            for (Path f : files.filter(f -> Arrays.stream(prefixes)
                            .anyMatch(p -> f.getFileName().toString().startsWith(p)))
                    .toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(f));
                out.closeEntry();
            }
        }
        return jar;
    }

    /** The numbers a probe file holds, separated by spaces; none while it is missing or empty. */
    static long[] readyFields(Path ready) throws IOException {
        if (!Files.exists(ready)) {
            return new long[0];
        }
        String text = Files.readString(ready, StandardCharsets.UTF_8).trim();
        return text.isEmpty()
                ? new long[0]
                : Arrays.stream(text.split(" ")).mapToLong(Long::parseLong).toArray();
    }

    private static long median(List<long[]> runs, int field) {
        long[] v = runs.stream().mapToLong(r -> r[field]).sorted().toArray();
        return v[v.length / 2];
    }

    private static String column(List<long[]> runs, int field, int divisor) {
        return Arrays.toString(runs.stream().mapToLong(r -> r[field] / divisor).toArray());
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    static {
        try {
            Files.createDirectories(Path.of("target"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
