package com.nusomi.recorder.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nusomi.recorder.desktop.BareXvfb;
import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Start-up figures of issue 20, each next to a baseline doing the same work, measured in the same run: (a) the app's
 * first frame painted with the Record screen taking typing ÷ a {@link MinimalWindow}'s first frame; (b) the app ready
 * (embedded server answering, Create going straight to it) ÷ {@link WindowAndJetty} (the minimal window and a bare
 * Jetty server answering one route through OkHttp, in one JVM); (c) {@code serve} to its first answer ÷
 * {@link BareJetty} to its first answer. (a) and (b) are read from the programs' own probes (milliseconds since the
 * process started, {@code /proc}); (c) from outside: from just before the child process is started to the first
 * {@code GET /v1/health} answered with 200, polled every 2 ms, the same for both. Every program runs plain (no
 * options) and tuned (the installers' JVM options plus an AppCDS archive of its own classes, dumped by one untimed
 * run of it), {@value #RUNS} rounds, each round running every program in both launches one after the other (the
 * order rotated round by round), each app run on a fresh data folder; ratios are taken within each round and the
 * median reported. Then {@value #TRACED} more tuned app runs with the start-up trace on, for where the time of the
 * ready path goes (the trace's logging costs a little, so these runs are not in the ratios). The app from its shaded
 * jar, the baselines from a jar of their own with JavaFX, Jetty and OkHttp from that same shaded jar:
 * {@code mvn -B -q package -DskipTests && mvn -B -Pbenchmark test -Dtest=StartupBenchmark}. Starts its own Xvfb
 * when DISPLAY is unset. Writes {@code target/benchmarks/startup.md}.
 */
@Tag("benchmark")
class StartupBenchmark {
    private static final int RUNS = Integer.getInteger("bench.startupRuns", 7);
    private static final int TRACED = 3;
    private static final String APP = "com.nusomi.recorder.Main";
    private static final String SERVE = "serve";
    private static final String MINIMAL = MinimalWindow.Main.class.getName();
    private static final String WINDOW_AND_JETTY = WindowAndJetty.Main.class.getName();
    private static final String BARE_JETTY = BareJetty.class.getName();
    private static final List<String> PROGRAMS = List.of(MINIMAL, APP, WINDOW_AND_JETTY, SERVE, BARE_JETTY);

    /** The JVM options of the installer's launchers (installer/jpackage-common.txt). */
    static final List<String> INSTALLER_OPTIONS = InstallerOptions.jvm();

    private static final Path LOG = Path.of("target", "startup-bench.log");

    /** One program's figures in one run: ms, and for the GUI programs resident KiB; the app also painted ms. */
    record Run(long millis, long rssKib, long paintedMillis) {}

    @Test
    void startAgainstBaselinesDoingTheSameWork() throws Exception {
        Process xvfb = null;
        String display = System.getenv("DISPLAY");
        if (display == null || display.isBlank()) {
            display = BareXvfb.freeDisplay(95);
            xvfb = BareXvfb.start(display, "1600x1000x24");
        }
        try {
            Files.deleteIfExists(LOG);
            Path cds = Files.createDirectories(Path.of("target", "bench-cds"));
            Map<String, List<String>> tuned = new LinkedHashMap<>();
            for (String program : PROGRAMS) {
                Path jsa = cds.resolve(program.replaceAll("[^A-Za-z]", "") + ".jsa");
                Files.deleteIfExists(jsa);
                // Untimed: warms the OS file cache and dumps the program's archive for the tuned runs.
                run(display, program, plus(INSTALLER_OPTIONS, "-XX:ArchiveClassesAtExit=" + jsa));
                assertThat(jsa).as("the AppCDS archive of " + program).exists();
                tuned.put(program, plus(INSTALLER_OPTIONS, "-XX:SharedArchiveFile=" + jsa));
            }
            String loadAtStart = loadAverage();
            Map<String, List<Run>> plain = new LinkedHashMap<>();
            Map<String, List<Run>> fast = new LinkedHashMap<>();
            for (String p : PROGRAMS) {
                plain.put(p, new ArrayList<>());
                fast.put(p, new ArrayList<>());
            }
            for (int i = 0; i < RUNS; i++) {
                for (int k = 0; k < PROGRAMS.size(); k++) {
                    String p = PROGRAMS.get((i + k) % PROGRAMS.size());
                    plain.get(p).add(run(display, p, List.of()));
                    fast.get(p).add(run(display, p, tuned.get(p)));
                }
            }
            String loadAfterRuns = loadAverage();
            List<Map<String, Long>> traces = new ArrayList<>();
            List<Map<String, Long>> serveParts = new ArrayList<>();
            for (int i = 0; i < TRACED; i++) {
                traces.add(tracedAppRun(display, tuned.get(APP)));
                serveParts.add(tracedServeRun(tuned.get(SERVE)));
            }
            String report = table(plain, fast)
                    + "\n"
                    + partsTable(traces, serveParts)
                    + String.format(
                            Locale.ROOT,
                            "%nLoad average before the timed runs: %s; after them: %s; at the end: %s.%n",
                            loadAtStart,
                            loadAfterRuns,
                            loadAverage());
            System.out.println(report);
            Path out = Files.createDirectories(Path.of("target", "benchmarks")).resolve("startup.md");
            Files.writeString(out, report, StandardCharsets.UTF_8);
            for (String p : PROGRAMS) {
                assertThat(plain.get(p)).as(p).allMatch(r -> r.millis() > 0);
                assertThat(fast.get(p)).as(p).allMatch(r -> r.millis() > 0);
            }
            assertThat(fast.get(APP)).allMatch(r -> r.paintedMillis() > 0);
        } finally {
            if (xvfb != null) {
                xvfb.destroy();
            }
        }
    }

    // ---- the report ----

    private static String table(Map<String, List<Run>> plain, Map<String, List<Run>> tuned) {
        StringBuilder t = new StringBuilder(String.format(
                Locale.ROOT,
                "| measure | launch | app (median ms) | baseline (median ms) | ratio, median of %d per-run ratios "
                        + "(per run) | bar |%n|---|---|---|---|---|---|%n",
                RUNS));
        for (String launch : List.of("tuned", "plain")) {
            Map<String, List<Run>> m = launch.equals("tuned") ? tuned : plain;
            t.append(row(
                    "(a) first frame painted, Record screen taking typing ÷ minimal JavaFX window",
                    launch,
                    m.get(APP).stream().mapToLong(Run::paintedMillis).toArray(),
                    m.get(MINIMAL).stream().mapToLong(Run::paintedMillis).toArray(),
                    1.3));
            t.append(row(
                    "(b) ready (embedded server answering, Create enabled) ÷ minimal window + bare Jetty in one JVM",
                    launch,
                    m.get(APP).stream().mapToLong(Run::millis).toArray(),
                    m.get(WINDOW_AND_JETTY).stream().mapToLong(Run::millis).toArray(),
                    1.3));
            t.append(row(
                    "(c) `serve` to first answer ÷ bare Jetty to first answer",
                    launch,
                    m.get(SERVE).stream().mapToLong(Run::millis).toArray(),
                    m.get(BARE_JETTY).stream().mapToLong(Run::millis).toArray(),
                    1.5));
        }
        t.append(String.format(
                Locale.ROOT,
                "%nResident memory at ready (median, MiB): tuned: app %d, minimal window %d, window + Jetty %d; "
                        + "plain: app %d, minimal window %d, window + Jetty %d.%n",
                median(tuned.get(APP).stream().mapToLong(Run::rssKib).toArray()) / 1024,
                median(tuned.get(MINIMAL).stream().mapToLong(Run::rssKib).toArray()) / 1024,
                median(tuned.get(WINDOW_AND_JETTY).stream()
                                .mapToLong(Run::rssKib)
                                .toArray())
                        / 1024,
                median(plain.get(APP).stream().mapToLong(Run::rssKib).toArray()) / 1024,
                median(plain.get(MINIMAL).stream().mapToLong(Run::rssKib).toArray()) / 1024,
                median(plain.get(WINDOW_AND_JETTY).stream()
                                .mapToLong(Run::rssKib)
                                .toArray())
                        / 1024));
        return t.toString();
    }

    private static String row(String measure, String launch, long[] app, long[] base, double bar) {
        double[] ratios = new double[app.length];
        StringBuilder each = new StringBuilder();
        for (int i = 0; i < app.length; i++) {
            ratios[i] = app[i] / (double) base[i];
            each.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.2f", ratios[i]));
        }
        double[] sorted = ratios.clone();
        Arrays.sort(sorted);
        double ratio = sorted[sorted.length / 2];
        return String.format(
                Locale.ROOT,
                "| %s | %s | %d %s | %d %s | **%.2f×** (%s) | ≤ %.1f× %s |%n",
                measure,
                launch,
                median(app),
                Arrays.toString(app),
                median(base),
                Arrays.toString(base),
                ratio,
                each,
                bar,
                ratio <= bar ? "met" : "MISSED");
    }

    private static String partsTable(List<Map<String, Long>> traces, List<Map<String, Long>> serveParts) {
        StringBuilder t = new StringBuilder(String.format(
                Locale.ROOT,
                "Where the tuned app's ready path goes (start-up trace, %d runs, median ms since the process "
                        + "started, or for the server's parts ms each):%n%n| milestone | ms |%n|---|---|%n",
                TRACED));
        for (String key : traces.get(0).keySet()) {
            long[] v = traces.stream()
                    .filter(m -> m.containsKey(key))
                    .mapToLong(m -> m.get(key))
                    .toArray();
            t.append("| ").append(key).append(" | ").append(median(v)).append(" |\n");
        }
        t.append("\nThe same parts in `serve` (tuned, ").append(TRACED).append(" runs, median ms each):\n\n");
        t.append("| part | ms |\n|---|---|\n");
        for (String key : serveParts.get(0).keySet()) {
            long[] v = serveParts.stream()
                    .filter(m -> m.containsKey(key))
                    .mapToLong(m -> m.get(key))
                    .toArray();
            t.append("| ").append(key).append(" | ").append(median(v)).append(" |\n");
        }
        return t.toString();
    }

    // ---- running the programs ----

    private static Run run(String display, String program, List<String> options) throws Exception {
        return program.equals(SERVE) || program.equals(BARE_JETTY)
                ? serverRun(program, options, null)
                : guiRun(display, program, options, List.of());
    }

    private static Run guiRun(String display, String program, List<String> options, List<String> more)
            throws Exception {
        Path ready = Files.createTempFile("ready", ".txt");
        Path painted = Files.createTempFile("painted", ".txt");
        Files.delete(ready);
        Files.delete(painted);
        List<String> jvm = new ArrayList<>(options);
        jvm.addAll(more);
        jvm.add("-Drecorder.readyFile=" + ready);
        jvm.add("-Drecorder.exitWhenReady=true");
        if (!program.equals(WINDOW_AND_JETTY)) {
            jvm.add("-Drecorder.paintedFile=" + painted);
        }
        Process p = start(display, program, jvm, List.of());
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(program + " did not finish in time; see " + LOG);
        }
        long[] r = AppStartBenchmark.readyFields(ready);
        long[] f = AppStartBenchmark.readyFields(painted);
        if (r.length < 2) {
            throw new IllegalStateException(program + " wrote no ready figure; see " + LOG);
        }
        return new Run(r[0], r[1], f.length > 0 ? f[0] : -1);
    }

    /** From just before the process starts to its first 200 on {@code GET /v1/health}; then it is stopped. */
    private static Run serverRun(String program, List<String> options, Path dataDir) throws Exception {
        int port = freePort();
        Path data = dataDir != null ? dataDir : Files.createTempDirectory("serve");
        List<String> args = program.equals(SERVE)
                ? List.of("serve", "--port", Integer.toString(port), "--data", data.toString())
                : List.of(Integer.toString(port));
        long t0 = System.nanoTime();
        Process p = start(null, program, options, args);
        try {
            await().atMost(120, TimeUnit.SECONDS)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(2))
                    .until(() -> !p.isAlive() || answers(port));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(p.isAlive()).as(program + " still running; see " + LOG).isTrue();
            return new Run(ms, Resident.kilobytes(p.pid()), -1);
        } finally {
            p.destroy(); // SIGTERM: a dumping run writes its archive on the way out
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    private static boolean answers(int port) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/v1/health")
                    .toURL()
                    .openConnection();
            c.setConnectTimeout(1000);
            c.setReadTimeout(5000);
            try {
                return c.getResponseCode() == 200;
            } finally {
                c.disconnect();
            }
        } catch (IOException e) {
            return false;
        }
    }

    private static final Pattern TRACE = Pattern.compile("(\\d+) ms \\[[^\\]]*\\] (.+)$");
    private static final Pattern PART = Pattern.compile("([a-zA-Z ]+?) (\\d+) ms");

    /** One tuned app run with the trace on: the milestones of its log, in order, ms since the process started. */
    private static Map<String, Long> tracedAppRun(String display, List<String> tuned) throws Exception {
        Path data = Files.createTempDirectory("traced");
        Path ready = Files.createTempFile("ready", ".txt");
        Path painted = Files.createTempFile("painted", ".txt");
        Files.delete(ready);
        Files.delete(painted);
        List<String> jvm = plus(tuned, "-Drecorder.startupTrace=true");
        jvm.add("-Drecorder.readyFile=" + ready);
        jvm.add("-Drecorder.paintedFile=" + painted); // for the trace's "first frame painted"
        jvm.add("-Drecorder.exitWhenReady=true");
        Process p = start(display, APP, jvm, List.of("--data", data.toString()));
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("the traced app did not finish in time");
        }
        Map<String, Long> marks = new LinkedHashMap<>();
        for (String line : Files.readAllLines(data.resolve("logs").resolve("session-recorder.log"))) {
            Matcher m = TRACE.matcher(line);
            if (!m.find() || line.contains("CPU so far")) {
                continue;
            }
            String what = m.group(2);
            if (what.startsWith("server started: ")) {
                marks.putIfAbsent("server started", Long.parseLong(m.group(1)));
                Matcher part = PART.matcher(what.substring("server started: ".length()));
                while (part.find()) {
                    marks.putIfAbsent(
                            "  of which: " + part.group(1).strip() + " (ms each)", Long.parseLong(part.group(2)));
                }
            } else {
                marks.putIfAbsent(what, Long.parseLong(m.group(1)));
            }
        }
        return marks;
    }

    /** One tuned {@code serve} run on a fresh folder: the parts of its server's start from its log line. */
    private static Map<String, Long> tracedServeRun(List<String> tuned) throws Exception {
        long before = Files.exists(LOG) ? Files.size(LOG) : 0;
        serverRun(SERVE, tuned, null);
        String log = Files.readString(LOG, StandardCharsets.UTF_8).substring((int) before);
        Map<String, Long> parts = new LinkedHashMap<>();
        int at = log.indexOf("started in: ");
        if (at >= 0) {
            String line = log.substring(at + "started in: ".length(), log.indexOf(')', at));
            Matcher part = PART.matcher(line);
            while (part.find()) {
                parts.put(part.group(1).strip(), Long.parseLong(part.group(2)));
            }
        }
        return parts;
    }

    /**
     * A program in a child JVM, its output appended to the log: the app ({@code serve} too) from its shaded jar as
     * {@code java -jar}, each baseline from the benchmark's own jar with the shaded jar on the class path. Jars
     * only: an AppCDS archive refuses class-path directories.
     */
    private static Process start(String display, String program, List<String> jvm, List<String> args)
            throws IOException {
        List<String> cmd = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(jvm);
        if (program.equals(APP) || program.equals(SERVE)) {
            cmd.addAll(List.of("-jar", AppStartBenchmark.appJar().toString()));
            if (program.equals(APP) && args.isEmpty()) {
                cmd.addAll(List.of("--data", Files.createTempDirectory("cold").toString()));
            }
        } else {
            cmd.addAll(List.of("-cp", benchJar() + File.pathSeparator + AppStartBenchmark.appJar(), program));
        }
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(LOG.toFile()));
        if (display != null) {
            pb.environment().put("DISPLAY", display);
        }
        return pb.start();
    }

    private static Path benchJar;

    /** The baselines' classes in a jar of their own (made once per run). */
    private static synchronized Path benchJar() throws IOException {
        if (benchJar == null) {
            benchJar = AppStartBenchmark.benchClassesJar(
                    "startup-baselines.jar", "MinimalWindow", "WindowAndJetty", "BareJetty");
        }
        return benchJar;
    }

    // ---- small helpers ----

    static List<String> plus(List<String> options, String more) {
        List<String> all = new ArrayList<>(options);
        all.add(more);
        return all;
    }

    static long median(long[] v) {
        if (v.length == 0) {
            return -1;
        }
        long[] c = v.clone();
        Arrays.sort(c);
        return c[c.length / 2];
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
