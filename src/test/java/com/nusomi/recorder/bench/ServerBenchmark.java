package com.nusomi.recorder.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nusomi.recorder.server.ApiServer;
import com.nusomi.recorder.server.BenchJson;
import com.nusomi.recorder.server.ServerConfig;
import com.nusomi.recorder.server.store.BenchAccess;
import com.nusomi.recorder.server.store.PgCluster;
import com.nusomi.recorder.server.store.PostgresTarget;
import com.nusomi.recorder.server.store.SessionQuery;
import com.nusomi.recorder.server.store.SessionRecord;
import com.nusomi.recorder.server.store.SqliteStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The server benchmark of issue 2: {@code GET /v1/sessions?limit=100} at 1,000,000 and at 10,000 sessions, through
 * the API and as the same SQL straight on the database file, plus creates per second with 8 concurrent clients.
 *
 * <p>Run: {@code mvn -B -Pbenchmark test -Dtest=ServerBenchmark}. It prints a table and rewrites the section
 * "Server: list queries at 1M sessions" of {@code BENCHMARKS.md}. It asserts correctness (every page is what the
 * SQL returns, full pages have 100 rows), never speed: the PASS/MISS verdicts are printed, not enforced.
 *
 * <p>Both servers run at once. The timed rounds of each shape are split into a few passes over all shapes, so that
 * a burst of other work on the machine spreads over them. Every round requests the page from the 10k server and
 * then from the 1M server, so JIT state and noise fall on both sizes alike; then the same SQL runs back to back on
 * both files (hot caches: the strictest baseline for the API). Last, a breakdown of
 * the no-filter page at 1M: the HTTP round trip alone ({@code GET /v1/health}), the store's list call in-process,
 * and the page's JSON.
 *
 * <p>The 1M data folder is kept under {@code target/bench-cache/sqlite}, keyed by the seed version, the sizes and the
 * migrations' text, and reused by later runs (a {@code mvn clean} or any change of those seeds it anew). Knobs for
 * quick runs while developing: {@code -Dbench.big=100000 -Dbench.timed=100 -Dbench.createSeconds=3}.
 */
@Tag("benchmark")
class ServerBenchmark {
    private static final int BIG = Integer.getInteger("bench.big", 1_000_000);
    private static final int SMALL = Integer.getInteger("bench.small", 10_000);
    static final int WARMUP = Integer.getInteger("bench.warmup", 50);
    static final int TIMED = Integer.getInteger("bench.timed", 300);
    private static final int CREATE_SECONDS = Integer.getInteger("bench.createSeconds", 10);
    private static final int CREATE_CLIENTS = 8;
    private static final int PAGE = 100;
    private static final int CURSOR_PAGE = 500;
    static final double SCALE_BAR = 1.5;
    static final double API_BAR = 3.0;
    static final String WORKFLOW = "invoice_entry";
    static final String TAG = "customer_vip";
    private static final String COMMAND = "mvn -B -Pbenchmark test -Dtest=ServerBenchmark";
    static final String SECTION = "## Server: list queries at 1M sessions";
    private static final Path DATA_ROOT = Path.of("target", "bench-cache");
    static final int PASSES = 3;
    private static final String[] SERIES = {"api:small", "api:big", "raw:small", "raw:big"};
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A seeded data folder; with a PostgreSQL {@code database}, the sessions are there and the folder holds the
     * admin key only.
     */
    record Dataset(String label, int size, Path dir, Seeder.Stats stats, boolean reused, PostgresTarget database) {
        Dataset(String label, int size, Path dir, Seeder.Stats stats, boolean reused) {
            this(label, size, dir, stats, reused, null);
        }

        Path db() {
            return dir.resolve("sessions.db");
        }

        boolean postgresql() {
            return database != null;
        }

        String store() {
            return database != null ? "PostgreSQL" : "SQLite";
        }
    }

    /** One query shape, as an API path and as the store's query. */
    record Probe(String path, SessionQuery query) {}

    /** A query shape measured on both sizes. */
    static final class ShapeResult {
        final String name;
        String note;
        Target[] targets;
        BenchAccess.ListSql[] sqls;
        Request[] requests;
        int[] expected;
        /** The page size asked for (the same at both sizes). */
        int limit;

        final Map<String, long[]> samples = new HashMap<>();
        final Map<String, String> plans = new HashMap<>();
        final Map<String, String> sql = new HashMap<>();
        final Map<String, String> paths = new HashMap<>();
        final Map<String, Integer> rows = new HashMap<>();
        final Map<String, Long> walked = new HashMap<>();

        ShapeResult(String name, String note) {
            this.name = name;
            this.note = note;
        }

        double p(String series, double q) {
            return percentile(samples.get(series), q);
        }
    }

    /** A server, an HTTP client and a raw JDBC connection on one data folder. */
    static final class Target implements AutoCloseable {
        final Dataset data;
        final ApiServer server;
        /** The list timings go through OkHttp, the HTTP client the app and the CLI use. */
        final OkHttpClient http;

        final Connection raw;
        final int sealedOnStart;
        final long now;

        Target(Dataset data) throws SQLException {
            this.data = data;
            this.server = ApiServer.start(ServerConfig.builder()
                    .dataDir(data.dir())
                    .database(data.database())
                    .port(0)
                    .build());
            // Seeded "stopped" sessions are what a crash leaves: the indexer seals them on start. Wait for it, so
            // that nothing writes while we measure.
            this.sealedOnStart = server.sealNow();
            this.http = new OkHttpClient.Builder()
                    .connectTimeout(Duration.ofSeconds(10))
                    .readTimeout(Duration.ofSeconds(60))
                    .build();
            this.raw = data.postgresql() ? openRaw(data.database()) : openRaw(data.db());
            this.now = System.currentTimeMillis();
        }

        Request get(String path) {
            return new Request.Builder()
                    .url(server.baseUrl() + path)
                    .header("Authorization", "Bearer " + server.adminKey())
                    .get()
                    .build();
        }

        private boolean closed;

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            try {
                raw.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
            server.close();
        }
    }

    // b is closed early on purpose, before the creates are measured
    @SuppressWarnings("try")
    @Test
    void listQueriesAndCreates() throws Exception {
        long runStarted = System.nanoTime();
        String loadBefore = loadAverage();
        StringBuilder log = new StringBuilder();
        Dataset big = prepare("big", BIG, true);
        Dataset small = prepare("small", SMALL, false);
        for (Dataset d : List.of(small, big)) {
            say(log, describe(d));
        }

        List<ShapeResult> results = new ArrayList<>();
        String smallLabel = label(SMALL);
        String bigLabel = label(BIG);
        double[] creates;
        double[] breakdown;
        try (Target s = new Target(small);
                Target b = new Target(big)) {
            say(
                    log,
                    String.format(
                            Locale.ROOT,
                            "servers up: %s at %s, %s at %s; stopped sessions sealed on start: " + "%d and %d",
                            smallLabel,
                            s.server.baseUrl(),
                            bigLabel,
                            b.server.baseUrl(),
                            s.sealedOnStart,
                            b.sealedOnStart));
            warmUp(s, b);

            results.addAll(shapes(s, b));
            timeAll(results);
            for (ShapeResult r : results) {
                System.out.printf(
                        Locale.ROOT,
                        "%-30s API p50 %s %.2f ms / %s %.2f ms; SQL p50 %.2f / %.2f ms%n",
                        r.name,
                        smallLabel,
                        r.p("api:small", 0.5),
                        bigLabel,
                        r.p("api:big", 0.5),
                        r.p("raw:small", 0.5),
                        r.p("raw:big", 0.5));
            }
            breakdown = breakdown(b, results.get(0));
            say(log, breakdownText(breakdown, bigLabel));
            b.close();
            creates = measureCreates(s, log);
        }

        long totalSeconds = (System.nanoTime() - runStarted) / 1_000_000_000L;
        String table = table(results, smallLabel, bigLabel, false);
        say(log, "\n" + table);
        for (ShapeResult r : results) {
            say(log, "\n" + r.name + ":\n" + plansText(r, smallLabel, bigLabel));
        }
        say(
                log,
                String.format(
                        Locale.ROOT,
                        "creates: %.0f/s plain, %.0f/s with Idempotency-Key (8 clients)",
                        creates[0],
                        creates[3]));
        writeMarkdown(
                results,
                small,
                big,
                creates,
                breakdown,
                totalSeconds,
                loadBefore + " at the start, " + loadAverage() + " at the end");
        say(
                log,
                "benchmark took " + totalSeconds + " s; wrote " + markdownFile().toAbsolutePath());
    }

    /**
     * The six list shapes of issue 2 on a small and a big server of one store (and the rare one again with the
     * small size's page at both, when that page is not full), each checked (the API's page is the
     * SQL's first rows) and its plan recorded; not timed yet.
     */
    static List<ShapeResult> shapes(Target s, Target b) throws SQLException {
        List<ShapeResult> results = new ArrayList<>();
        String base = "/v1/sessions?limit=" + PAGE;
        results.add(
                prepareShape(s, b, "no filter", "", fixed(base, q(List.of(), List.of(), List.of(), null, null, null))));
        results.add(prepareShape(
                s,
                b,
                "workflow + status=sealed",
                "",
                fixed(
                        base + "&workflow=" + WORKFLOW + "&status=sealed",
                        q(List.of(WORKFLOW), List.of("sealed"), List.of(), null, null, null))));
        results.add(prepareShape(
                s,
                b,
                "workflow + status=recording",
                "a rare combination: 3 % of one workflow's 5 %; at 10k fewer than a page match",
                fixed(
                        base + "&workflow=" + WORKFLOW + "&status=recording",
                        q(List.of(WORKFLOW), List.of("recording"), List.of(), null, null, null))));
        int fewer = results.get(results.size() - 1).rows.get(s.data.label());
        if (fewer < PAGE) {
            // The shape above returns fewer rows at the small size than at the big one, so its 10M ÷ 10k measures
            // the page's size as well as the data's. The same page, as many rows at both sizes, measures the data.
            results.add(prepareShape(
                    s,
                    b,
                    "workflow + status=recording, limit=" + fewer,
                    "the shape above with the page the small size has (" + fewer + " rows) at both sizes",
                    fixed(
                            "/v1/sessions?limit=" + fewer + "&workflow=" + WORKFLOW + "&status=recording",
                            new SessionQuery(
                                    List.of(WORKFLOW),
                                    List.of("recording"),
                                    List.of(),
                                    List.of(),
                                    List.of(),
                                    null,
                                    null,
                                    false,
                                    null,
                                    null,
                                    fewer))));
        }
        results.add(prepareShape(
                s,
                b,
                "tag",
                "tag=" + TAG + ", on about 2.5 % of sessions",
                fixed(base + "&tag=" + TAG, q(List.of(), List.of(), List.of(TAG), null, null, null))));
        results.add(prepareShape(
                s,
                b,
                "since=7d",
                "",
                t -> new Probe(
                        base + "&since=7d", q(List.of(), List.of(), List.of(), t.now - 7 * Seeder.DAY, null, null))));
        Map<String, Integer> pageOf = new HashMap<>();
        results.add(prepareShape(s, b, "cursor: 500th page", "", t -> {
            int live = t.data.stats().live();
            int page = Math.min(CURSOR_PAGE, live / PAGE);
            pageOf.put(t.data.label(), page);
            return cursorProbe(t, base, page);
        }));
        if (pageOf.get(s.data.label()) != CURSOR_PAGE) {
            results.get(results.size() - 1).note = "at " + label(s.data.size()) + " the deepest full page, page "
                    + pageOf.get(s.data.label()) + ", stands in for the 500th (there are only "
                    + s.data.stats().live()
                    + " live sessions)";
        }
        return results;
    }

    /** Times every shape, {@link #TIMED} rounds of each series, in {@link #PASSES} passes over all shapes. */
    static void timeAll(List<ShapeResult> results) throws SQLException {
        // Several passes over all shapes, so that a burst of other work on the machine spreads over them.
        for (int pass = 0; pass < PASSES; pass++) {
            int from = pass * TIMED / PASSES;
            int to = (pass + 1) * TIMED / PASSES;
            for (ShapeResult r : results) {
                timePass(r, from, to - from, pass == 0 ? WARMUP : WARMUP / 5);
            }
        }
    }

    // ---- data ---------------------------------------------------------------------------------------------------

    static Dataset prepare(String label, int n, boolean reuse) throws Exception {
        return prepare(label, n, reuse, null);
    }

    /**
     * A data folder of {@code n} seeded sessions, on SQLite or, with a cluster, in a PostgreSQL database of its own;
     * reused from an earlier run when {@code reuse} and its key (label, size, seed version, the migrations' text) is
     * the same. Older data of the same label and size is deleted (databases dropped) first.
     */
    static Dataset prepare(String label, int n, boolean reuse, PgCluster pg) throws Exception {
        String key = label + "-" + n + "-v" + Seeder.SEED_VERSION + "-" + schemaHash(pg != null);
        Path root = DATA_ROOT.resolve(pg == null ? "sqlite" : "postgresql");
        Path dir = root.resolve(key).toAbsolutePath();
        PostgresTarget database = pg == null ? null : pg.database(databaseName(key));
        Path marker = dir.resolve("seed.properties");
        if (reuse && Files.isRegularFile(marker)) {
            return new Dataset(label, n, dir, readStats(marker), true, database);
        }
        Files.createDirectories(root);
        List<Path> stale;
        try (Stream<Path> old = Files.list(root)) {
            stale = old.filter(p -> p.getFileName().toString().startsWith(label + "-" + n + "-"))
                    .toList();
        }
        for (Path p : stale) {
            deleteTree(p);
        }
        if (pg != null) {
            try (Connection c = pg.admin();
                    Statement st = c.createStatement()) {
                for (Path p : stale) {
                    st.execute("DROP DATABASE IF EXISTS "
                            + databaseName(p.getFileName().toString()));
                }
                st.execute("DROP DATABASE IF EXISTS " + databaseName(key));
                st.execute("CREATE DATABASE " + databaseName(key) + " TEMPLATE template0 ENCODING 'UTF8'");
            }
        }
        // The server makes the schema and the admin key; then it is closed and the rows go in in bulk.
        ApiServer.start(ServerConfig.builder()
                        .dataDir(dir)
                        .database(database)
                        .port(0)
                        .build())
                .close();
        long now = System.currentTimeMillis();
        Seeder.Stats stats = pg == null
                ? Seeder.seed(dir.resolve("sessions.db"), n, now, 42L + n)
                : PgSeeder.seed(() -> pg.connect(databaseName(key)), n, now, 42L + n);
        writeStats(marker, stats);
        return new Dataset(label, n, dir, stats, false, database);
    }

    private static String databaseName(String key) {
        return "bench_" + key.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_");
    }

    /** A hash of the migrations' text (PostgreSQL's own versions too, for a PostgreSQL data set). */
    private static String schemaHash(boolean postgresql) throws Exception {
        MessageDigest d = MessageDigest.getInstance("SHA-256");
        List<String> resources = postgresql
                ? BenchAccess.migrationResources()
                : BenchAccess.migrationFiles().stream()
                        .map(f -> "/db/migration/" + f)
                        .toList();
        for (String resource : resources) {
            try (InputStream in = ServerBenchmark.class.getResourceAsStream(resource)) {
                d.update(resource.substring(resource.lastIndexOf('/') + 1).getBytes(StandardCharsets.UTF_8));
                d.update(in.readAllBytes());
            }
        }
        return HexFormat.of().formatHex(d.digest(), 0, 6);
    }

    private static void writeStats(Path marker, Seeder.Stats s) throws IOException {
        Properties p = new Properties();
        p.setProperty("sessions", Integer.toString(s.sessions()));
        p.setProperty("live", Integer.toString(s.live()));
        p.setProperty("deleted", Integer.toString(s.deleted()));
        s.liveByStatus().forEach((k, v) -> p.setProperty("status." + k, Integer.toString(v)));
        p.setProperty("tagged", Integer.toString(s.tagged()));
        p.setProperty("tagRows", Integer.toString(s.tagRows()));
        p.setProperty("tagNameRows", Integer.toString(s.tagNameRows()));
        p.setProperty("insertMillis", Long.toString(s.insertMillis()));
        p.setProperty("analyzeMillis", Long.toString(s.analyzeMillis()));
        p.setProperty("fileBytes", Long.toString(s.fileBytes()));
        try (var out = Files.newOutputStream(marker)) {
            p.store(out, "seeded by ServerBenchmark");
        }
    }

    private static Seeder.Stats readStats(Path marker) throws IOException {
        Properties p = new Properties();
        try (var in = Files.newInputStream(marker)) {
            p.load(in);
        }
        TreeMap<String, Integer> byStatus = new TreeMap<>();
        for (String name : p.stringPropertyNames()) {
            if (name.startsWith("status.")) {
                byStatus.put(name.substring(7), Integer.parseInt(p.getProperty(name)));
            }
        }
        return new Seeder.Stats(
                Integer.parseInt(p.getProperty("sessions")),
                Integer.parseInt(p.getProperty("live")),
                Integer.parseInt(p.getProperty("deleted")),
                byStatus,
                Integer.parseInt(p.getProperty("tagged")),
                Integer.parseInt(p.getProperty("tagRows")),
                Integer.parseInt(p.getProperty("tagNameRows")),
                Long.parseLong(p.getProperty("insertMillis")),
                Long.parseLong(p.getProperty("analyzeMillis")),
                Long.parseLong(p.getProperty("fileBytes")));
    }

    static String describe(Dataset d) {
        Seeder.Stats s = d.stats();
        return String.format(
                Locale.ROOT,
                "%s sessions: %s in %.1f s + ANALYZE %.1f s, %d MB%s; live %d by status %s, "
                        + "deleted %d, tagged %d (%d tag rows, %d tag-name rows)",
                label(d.size()),
                d.reused() ? "seeded by an earlier run (cached)" : "seeded",
                s.insertMillis() / 1000.0,
                s.analyzeMillis() / 1000.0,
                s.fileBytes() >> 20,
                d.reused() ? " [" + d.dir().getFileName() + "]" : "",
                s.live(),
                s.liveByStatus(),
                s.deleted(),
                s.tagged(),
                s.tagRows(),
                s.tagNameRows());
    }

    // ---- list queries -------------------------------------------------------------------------------------------

    private static SessionQuery q(
            List<String> workflows,
            List<String> statuses,
            List<String> tags,
            Long since,
            Long afterCreatedAt,
            String afterId) {
        return new SessionQuery(
                workflows, statuses, List.of(), List.of(), tags, since, null, false, afterCreatedAt, afterId, PAGE);
    }

    private static Function<Target, Probe> fixed(String path, SessionQuery query) {
        return t -> new Probe(path, query);
    }

    /** Walks pages 1..page-1 through the API and returns the probe for the given page, by its cursor. */
    private static Probe cursorProbe(Target t, String base, int page) {
        String cursor = null;
        for (int i = 1; i < page; i++) {
            JsonNode body = json(send(t, t.get(base + (cursor == null ? "" : "&cursor=" + enc(cursor)))));
            assertThat(body.get("data").size()).isEqualTo(PAGE);
            assertThat(body.get("has_more").asBoolean()).isTrue();
            cursor = body.get("next_cursor").asText();
        }
        if (cursor == null) {
            return new Probe(base, q(List.of(), List.of(), List.of(), null, null, null));
        }
        JsonNode position;
        try {
            position = JSON.readTree(Base64.getUrlDecoder().decode(cursor));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Probe(
                base + "&cursor=" + enc(cursor),
                q(
                        List.of(),
                        List.of(),
                        List.of(),
                        null,
                        position.get("c").asLong(),
                        position.get("i").asText()));
    }

    /**
     * Sets a shape up on both sizes: builds the request and the SQL, checks that the API's page is exactly the SQL's
     * first rows, and records the plan. The timing is done by {@link #timePass}.
     */
    private static ShapeResult prepareShape(
            Target small, Target big, String name, String note, Function<Target, Probe> probeOf) throws SQLException {
        ShapeResult r = new ShapeResult(name, note);
        r.targets = new Target[] {small, big};
        r.sqls = new BenchAccess.ListSql[2];
        r.requests = new Request[2];
        r.expected = new int[2];
        for (int k = 0; k < 2; k++) {
            Target t = r.targets[k];
            Probe probe = probeOf.apply(t);
            r.sqls[k] = BenchAccess.listSql(probe.query(), t.data.postgresql());
            r.requests[k] = t.get(probe.path());
            List<String> sqlIds = new ArrayList<>();
            runRaw(t.raw, r.sqls[k], sqlIds);
            JsonNode page = json(send(t, r.requests[k]));
            List<String> apiIds = new ArrayList<>();
            page.get("data").forEach(s -> apiIds.add(s.get("id").asText()));
            int limit = probe.query().limit();
            r.limit = limit;
            r.expected[k] = Math.min(limit, sqlIds.size());
            assertThat(apiIds)
                    .as("%s at %s", name, label(t.data.size()))
                    .containsExactlyElementsOf(sqlIds.subList(0, r.expected[k]));
            assertThat(page.get("has_more").asBoolean()).isEqualTo(sqlIds.size() > limit);
            String key = t.data.label();
            r.rows.put(key, r.expected[k]);
            r.sql.put(key, r.sqls[k].sql());
            r.paths.put(key, probe.path());
            r.plans.put(key, t.data.postgresql() ? pgPlan(t.raw, r.sqls[k]) : plan(t.raw, r.sqls[k]));
            r.walked.put(key, walked(t.raw, probe.query(), sqlIds));
        }
        for (String s : SERIES) {
            r.samples.put(s, new long[TIMED]);
        }
        return r;
    }

    /**
     * Times samples {@code [from, from + count)} of a shape: first the API, each round requesting the page from the
     * small server and then from the big one; then the SQL, back to back on both files (caches hot: the strictest
     * baseline for the API). {@code warm} untimed rounds go first, each time.
     */
    private static void timePass(ShapeResult r, int from, int count, int warm) throws SQLException {
        for (int i = -warm; i < count; i++) {
            for (int k = 0; k < 2; k++) {
                long t0 = System.nanoTime();
                Resp resp = sendRaw(r.targets[k], r.requests[k]);
                long took = System.nanoTime() - t0;
                assertThat(resp.statusCode()).isEqualTo(200);
                assertThat(json(resp.body()).get("data").size()).isEqualTo(r.expected[k]);
                if (i >= 0) {
                    r.samples.get(SERIES[k])[from + i] = took;
                }
            }
        }
        for (int i = -warm; i < count; i++) {
            for (int k = 0; k < 2; k++) {
                long t0 = System.nanoTime();
                int rows = runRaw(r.targets[k].raw, r.sqls[k], null);
                long took = System.nanoTime() - t0;
                assertThat(Math.min(rows, r.limit)).isEqualTo(r.expected[k]);
                if (i >= 0) {
                    r.samples.get(SERIES[2 + k])[from + i] = took;
                }
            }
        }
    }

    /** A few hundred requests of every kind before anything is timed, so that both servers are JIT-compiled. */
    static void warmUp(Target... targets) {
        for (Target t : targets) {
            for (int i = 0; i < 100; i++) {
                for (String p : List.of("", "&workflow=" + WORKFLOW, "&tag=" + TAG, "&since=7d", "&status=sealed")) {
                    assertThat(sendRaw(t, t.get("/v1/sessions?limit=" + PAGE + p))
                                    .statusCode())
                            .isEqualTo(200);
                }
            }
        }
    }

    /** Prepares, binds, runs and reads every column of every row, as the store does; returns the row count. */
    private static int runRaw(Connection c, BenchAccess.ListSql sql, List<String> ids) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql.sql())) {
            bind(ps, sql.params());
            try (ResultSet rs = ps.executeQuery()) {
                int rows = 0;
                long sink = 0;
                while (rs.next()) {
                    for (int col = 1; col <= 8; col++) {
                        String v = rs.getString(col);
                        sink += v == null ? 0 : v.length();
                    }
                    for (int col = 9; col <= 17; col++) {
                        sink += rs.getLong(col);
                        sink += rs.wasNull() ? 1 : 0;
                    }
                    if (ids != null) {
                        ids.add(rs.getString(1));
                    }
                    rows++;
                }
                if (sink == 42) {
                    System.out.print("");
                }
                return rows;
            }
        }
    }

    private static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, params.get(i));
        }
    }

    /** PostgreSQL's {@code EXPLAIN (ANALYZE, BUFFERS)} of the statement with its parameters, run once. */
    private static String pgPlan(Connection c, BenchAccess.ListSql sql) throws SQLException {
        StringBuilder out = new StringBuilder();
        try (PreparedStatement ps = c.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + sql.sql())) {
            bind(ps, sql.params());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.append(rs.getString(1)).append('\n');
                }
            }
        }
        return out.toString();
    }

    private static String plan(Connection c, BenchAccess.ListSql sql) throws SQLException {
        Map<Integer, Integer> depth = new HashMap<>();
        StringBuilder out = new StringBuilder();
        try (PreparedStatement ps = c.prepareStatement("EXPLAIN QUERY PLAN " + sql.sql())) {
            bind(ps, sql.params());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int id = rs.getInt(1);
                    int parent = rs.getInt(2);
                    int d = depth.getOrDefault(parent, -1) + 1;
                    depth.put(id, d);
                    out.append("  ".repeat(d)).append(rs.getString(4)).append('\n');
                }
            }
        }
        return out.toString();
    }

    /**
     * How many entries of the driving index the page walks, when a second filter is checked row by row (workflow +
     * status): from the newest entry of that workflow down to the last row fetched (the one past the page), or the
     * whole workflow when fewer rows match. Null for the shapes whose every visited entry is a row of the page.
     */
    private static Long walked(Connection c, SessionQuery q, List<String> sqlIds) throws SQLException {
        if (q.workflows().isEmpty() || q.statuses().isEmpty()) {
            return null;
        }
        String sql = "SELECT COUNT(*) FROM sessions WHERE deleted_at IS NULL AND workflow = ?";
        List<Object> params = new ArrayList<>(List.of(q.workflows().get(0)));
        if (sqlIds.size() > q.limit()) {
            String last = sqlIds.get(sqlIds.size() - 1);
            sql += " AND (created_at, id) >= ((SELECT created_at FROM sessions WHERE id = ?), ?)";
            params.add(last);
            params.add(last);
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static Connection openRaw(PostgresTarget database) throws SQLException {
        Connection c = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
        c.setReadOnly(true);
        return c;
    }

    private static Connection openRaw(Path db) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
        try (Statement st = c.createStatement()) {
            // The same settings as the store's read connections.
            SqliteStore.tune(st, SqliteStore.READER_CACHE_KIB);
            st.execute("PRAGMA query_only=1");
        }
        return c;
    }

    /**
     * p50s, in ms, for the no-filter page at 1M: {API (from the shape), HTTP round trip alone, store list call
     * in-process, JSON of the page, raw SQL (from the shape)}.
     */
    static double[] breakdown(Target t, ShapeResult noFilter) {
        SessionQuery q = q(List.of(), List.of(), List.of(), null, null, null);
        Request health = new Request.Builder()
                .url(t.server.baseUrl() + "/v1/health")
                .get()
                .build();
        List<SessionRecord> rows = t.server.store().read(tx -> tx.listSessions(q));
        List<SessionRecord> page = rows.subList(0, PAGE);
        String cursor = "x".repeat(150);
        long[] http = new long[TIMED];
        long[] store = new long[TIMED];
        long[] json = new long[TIMED];
        long sink = 0;
        for (int i = -WARMUP; i < TIMED; i++) {
            long t0 = System.nanoTime();
            assertThat(sendRaw(t, health).statusCode()).isEqualTo(200);
            long t1 = System.nanoTime();
            // as the API reads a page: one statement, outside a transaction (Store.readOne)
            sink += t.server.store().readOne(tx -> tx.listSessions(q)).size();
            long t2 = System.nanoTime();
            sink += BenchJson.page(page, t.now, cursor, true).length;
            long t3 = System.nanoTime();
            if (i >= 0) {
                http[i] = t1 - t0;
                store[i] = t2 - t1;
                json[i] = t3 - t2;
            }
        }
        assertThat(sink).isPositive();
        return new double[] {
            noFilter.p("api:big", 0.5),
            percentile(http, 0.5),
            percentile(store, 0.5),
            percentile(json, 0.5),
            noFilter.p("raw:big", 0.5)
        };
    }

    static String breakdownText(double[] b, String big) {
        double rest = b[0] - b[1] - b[2] - b[3];
        return String.format(
                Locale.ROOT,
                "No-filter page at %s, p50: API %s = HTTP round trip with no work "
                        + "(`GET /v1/health`, OkHttp to the server's Jetty) %s + the store's list call "
                        + "in-process (borrow a read connection, the SQL, map 101 rows) %s + JSON of the page (about "
                        + "40 KB) %s + the rest (key lookup, query parsing, sending and receiving 40 KB) %s. "
                        + "The raw SQL alone: %s.",
                big,
                ms(b[0]),
                ms(b[1]),
                ms(b[2]),
                ms(b[3]),
                ms(rest),
                ms(b[4]));
    }

    // ---- creates ------------------------------------------------------------------------------------------------

    /** {plain creates/s, p50 ms, p99 ms, keyed creates/s, p50 ms, p99 ms}. */
    private static double[] measureCreates(Target t, StringBuilder log) throws Exception {
        double[] plain = createRun(t, false, 2, CREATE_SECONDS);
        say(
                log,
                String.format(
                        Locale.ROOT,
                        "creates, %d clients, %d s: %.0f/s (p50 %.2f ms, p99 %.2f ms)",
                        CREATE_CLIENTS,
                        CREATE_SECONDS,
                        plain[0],
                        plain[1],
                        plain[2]));
        double[] keyed = createRun(t, true, 1, CREATE_SECONDS);
        say(
                log,
                String.format(
                        Locale.ROOT,
                        "creates with an Idempotency-Key, %d clients, %d s: %.0f/s (p50 %.2f ms, " + "p99 %.2f ms)",
                        CREATE_CLIENTS,
                        CREATE_SECONDS,
                        keyed[0],
                        keyed[1],
                        keyed[2]));
        return new double[] {plain[0], plain[1], plain[2], keyed[0], keyed[1], keyed[2]};
    }

    private static double[] createRun(Target t, boolean idempotencyKey, int warmSeconds, int seconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CREATE_CLIENTS);
        AtomicLong failures = new AtomicLong();
        try {
            long warmEnd = System.nanoTime() + warmSeconds * 1_000_000_000L;
            long end = warmEnd + seconds * 1_000_000_000L;
            List<Future<long[]>> futures = new ArrayList<>();
            for (int c = 0; c < CREATE_CLIENTS; c++) {
                int client = c;
                futures.add(pool.submit(() -> {
                    HttpClient http = HttpClient.newBuilder()
                            .version(HttpClient.Version.HTTP_1_1)
                            .build();
                    long[] lat = new long[1 << 16];
                    int n = 0;
                    int seq = 0;
                    String body = "{\"workflow\":\"bench_create\",\"actor\":{\"id\":\"bench_" + client
                            + "\",\"kind\":\"script\"},\"metadata\":{\"client\":" + client + "}}";
                    while (true) {
                        long t0 = System.nanoTime();
                        if (t0 >= end) {
                            break;
                        }
                        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(t.server.baseUrl() + "/v1/sessions"))
                                .header("Authorization", "Bearer " + t.server.adminKey())
                                .header("Content-Type", "application/json; charset=utf-8")
                                .timeout(Duration.ofSeconds(60))
                                .POST(HttpRequest.BodyPublishers.ofString(body));
                        if (idempotencyKey) {
                            b.header("Idempotency-Key", "bench-" + client + "-" + System.nanoTime() + "-" + seq++);
                        }
                        HttpResponse<byte[]> resp = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
                        long t1 = System.nanoTime();
                        if (resp.statusCode() != 201) {
                            failures.incrementAndGet();
                            continue;
                        }
                        if (t0 >= warmEnd && n < lat.length) {
                            lat[n++] = t1 - t0;
                        }
                    }
                    return Arrays.copyOf(lat, n);
                }));
            }
            List<long[]> all = new ArrayList<>();
            for (Future<long[]> f : futures) {
                all.add(f.get());
            }
            assertThat(failures.get()).as("failed creates").isZero();
            long[] merged = all.stream().flatMapToLong(Arrays::stream).toArray();
            return new double[] {merged.length / (double) seconds, percentile(merged, 0.5), percentile(merged, 0.99)};
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- HTTP ---------------------------------------------------------------------------------------------------

    /** A response's status and whole body. */
    // the array is a payload handed over without copying; changing the record would be invasive
    @SuppressWarnings("ArrayRecordComponent")
    record Resp(int statusCode, byte[] body) {}

    private static byte[] send(Target t, Request request) {
        Resp resp = sendRaw(t, request);
        assertThat(resp.statusCode())
                .as(new String(resp.body(), StandardCharsets.UTF_8))
                .isEqualTo(200);
        return resp.body();
    }

    private static Resp sendRaw(Target t, Request request) {
        try (Response r = t.http.newCall(request).execute()) {
            return new Resp(r.code(), r.body().bytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode json(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    // ---- report -------------------------------------------------------------------------------------------------

    /** Nearest-rank percentile, in milliseconds. */
    static double percentile(long[] nanos, double q) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }

    static String label(int n) {
        if (n % 1_000_000 == 0) {
            return n / 1_000_000 + "M";
        }
        if (n % 1_000 == 0) {
            return n / 1_000 + "k";
        }
        return Integer.toString(n);
    }

    private static String verdict(boolean ok) {
        return ok ? "PASS" : "MISS";
    }

    static String table(List<ShapeResult> results, String small, String big, boolean markdown) {
        String[] head = {
            "Shape",
            "API p50 / p99 @" + small,
            "API p50 / p99 @" + big,
            "Raw SQL p50 / p99 @" + big,
            "Raw SQL p50 @" + small,
            big + " ÷ " + small + " (API p50)",
            "API ÷ raw (p50 @" + big + ")",
            "Scale bar ≤ " + SCALE_BAR + "×",
            "API bar ≤ " + API_BAR + "×"
        };
        List<String[]> rows = new ArrayList<>();
        rows.add(head);
        for (ShapeResult r : results) {
            double scale = r.p("api:big", 0.5) / r.p("api:small", 0.5);
            double api = r.p("api:big", 0.5) / r.p("raw:big", 0.5);
            rows.add(new String[] {
                r.name,
                ms(r.p("api:small", 0.5)) + " / " + ms(r.p("api:small", 0.99)),
                ms(r.p("api:big", 0.5)) + " / " + ms(r.p("api:big", 0.99)),
                ms(r.p("raw:big", 0.5)) + " / " + ms(r.p("raw:big", 0.99)),
                ms(r.p("raw:small", 0.5)),
                String.format(Locale.ROOT, "%.2f×", scale),
                String.format(Locale.ROOT, "%.2f×", api),
                verdict(scale <= SCALE_BAR),
                verdict(api <= API_BAR)
            });
        }
        StringBuilder out = new StringBuilder();
        if (markdown) {
            for (int i = 0; i < rows.size(); i++) {
                out.append("| ").append(String.join(" | ", rows.get(i))).append(" |\n");
                if (i == 0) {
                    out.append("|").append("---|".repeat(head.length)).append('\n');
                }
            }
            return out.toString();
        }
        int[] width = new int[head.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                out.append(String.format(Locale.ROOT, "%-" + width[i] + "s", row[i]))
                        .append(i + 1 < row.length ? "  " : "\n");
            }
        }
        return out.toString();
    }

    private static String ms(double v) {
        return String.format(Locale.ROOT, v < 10 ? "%.2f" : "%.1f", v) + " ms";
    }

    static String plansText(ShapeResult r, String small, String big) {
        StringBuilder out = new StringBuilder();
        out.append("  GET ").append(r.paths.get("big")).append('\n');
        out.append("  SQL: ").append(r.sql.get("big")).append('\n');
        for (String k : List.of("big", "small")) {
            out.append("  plan @")
                    .append(k.equals("big") ? big : small)
                    .append(" (page of ")
                    .append(r.rows.get(k))
                    .append(" rows")
                    .append(
                            r.walked.get(k) == null
                                    ? ""
                                    : ", " + r.walked.get(k) + " workflow-index entries walked for it")
                    .append("):\n");
            r.plans.get(k).lines().forEach(l -> out.append("    ").append(l).append('\n'));
        }
        return out.toString();
    }

    static Path markdownFile() {
        return Path.of(System.getProperty("basedir", "")).toAbsolutePath().resolve("BENCHMARKS.md");
    }

    private static void writeMarkdown(
            List<ShapeResult> results,
            Dataset small,
            Dataset big,
            double[] creates,
            double[] breakdown,
            long totalSeconds,
            String load)
            throws Exception {
        String s = label(small.size());
        String b = label(big.size());
        StringBuilder md = new StringBuilder();
        md.append(SECTION).append("\n\n");
        md.append("`GET /v1/sessions?limit=100` through the API (OkHttp, the client the app uses; one keep-alive "
                + "connection per server, full body received) and the same statement straight on the database file (plain JDBC: "
                + "prepare, bind, step, read all 17 columns of every row: the SQL that `SessionListSql` builds, so "
                + "101 rows for a page of 100). Both servers run at once. " + TIMED + " timed rounds per shape, "
                + "in " + PASSES + " passes over all shapes (so that a burst of other work on the machine spreads "
                + "over them), each pass after warm-up rounds (" + WARMUP + " in the first). A round requests the "
                + "page from the " + s + " server and then from the " + b + " server, so JIT state and noise fall "
                + "on both sizes alike; then the raw SQL runs as many rounds back to back on both files (hot "
                + "caches: the strictest baseline for the API).\n\n");
        md.append("Bars (issue 2): for every shape, API p50 at ")
                .append(b)
                .append(" within ")
                .append(SCALE_BAR)
                .append("× of API p50 at ")
                .append(s)
                .append(" (index-backed, no scans), and API p50 within ")
                .append(API_BAR)
                .append("× of the raw SQL's at ")
                .append(b)
                .append(". Timings are printed, never asserted.\n\n");
        md.append(table(results, s, b, true)).append('\n');
        for (ShapeResult r : results) {
            if (!r.note.isEmpty()) {
                md.append("- **").append(r.name).append("**: ").append(r.note).append(".\n");
            }
        }
        md.append("\n### Where the API's time goes\n\n")
                .append(breakdownText(breakdown, b))
                .append("\n");
        md.append("\n### Creates\n\n");
        md.append(String.format(
                Locale.ROOT,
                "`POST /v1/sessions` (small body, admin key), %d concurrent clients "
                        + "(a thread and a JDK `HttpClient` each) for %d s against the %s server, after a warm-up:\n\n"
                        + "| | creates/s | p50 | p99 |\n|---|---|---|---|\n"
                        + "| no idempotency key | **%.0f** | %s | %s |\n"
                        + "| with `Idempotency-Key` | %.0f | %s | %s |\n\n",
                CREATE_CLIENTS,
                CREATE_SECONDS,
                s,
                creates[0],
                ms(creates[1]),
                ms(creates[2]),
                creates[3],
                ms(creates[4]),
                ms(creates[5])));
        md.append("### Data\n\n");
        for (Dataset d : List.of(small, big)) {
            md.append("- ").append(describe(d)).append(".\n");
        }
        md.append("- Distribution (`Seeder`): created_at evenly over the last 90 days; 20 workflows, uniform; actors "
                + "none 5 %, else human 50 % / model 30 % / script 20 %; live sessions created 3 %, recording 3 %, "
                + "stopped 0.1 % (sealed by the server's indexer on start, as after a crash), sealed the rest; 1 % "
                + "soft-deleted in the last 29 days; tags on 10 % (1–3 of six names, `session_tag_names` kept). "
                + "Outcomes derived by the server's own `Outcomes.derive`. Frames, events and audit entries are not "
                + "seeded (no list query reads them), so the file is smaller than a real one with as many "
                + "sessions.\n");
        md.append("- Seeded with plain JDBC into a data folder whose schema the server made, then `ANALYZE`; the ")
                .append(b)
                .append(" folder is cached in `target/bench-cache/sqlite` (keyed by size, seed version and migrations) "
                        + "and reused by later runs.\n\n");
        md.append("### Query plans (`EXPLAIN QUERY PLAN`)\n\n```\n");
        for (ShapeResult r : results) {
            md.append(r.name).append(":\n").append(plansText(r, s, b)).append('\n');
        }
        md.append("```\n\n");
        md.append("### Machine and run\n\n");
        md.append("- ").append(machine()).append('\n');
        md.append("- Load average (1, 5, 15 min) of the machine, which other builds share: ")
                .append(load)
                .append('\n');
        md.append("- Date: ")
                .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(
                        Instant.now().atOffset(ZoneOffset.UTC).withNano(0)))
                .append(" UTC\n");
        md.append("- Command: `")
                .append(COMMAND)
                .append("` (whole run ")
                .append(totalSeconds)
                .append(" s")
                .append(big.reused() ? ", with the " + b + " data cached from an earlier run" : ", seeding included")
                .append(")\n");
        if (BIG != 1_000_000 || SMALL != 10_000 || TIMED != 300) {
            md.append("- **Non-default sizes** (bench.big=")
                    .append(BIG)
                    .append(", bench.small=")
                    .append(SMALL)
                    .append(", bench.timed=")
                    .append(TIMED)
                    .append("): not the issue's benchmark.\n");
        }

        writeSection(SECTION, md.toString(), null);
    }

    /**
     * Replaces the section of {@code BENCHMARKS.md} that starts with {@code heading} (up to the next {@code ## }
     * heading) with {@code section}; a missing one goes before the heading {@code before}, or at the end.
     */
    static void writeSection(String heading, String section, String before) throws IOException {
        Path file = markdownFile();
        String text = Files.isRegularFile(file) ? Files.readString(file) : "# Benchmarks\n\n";
        int at = text.indexOf(heading);
        if (at < 0) {
            int b = before == null ? -1 : text.indexOf(before);
            text = b < 0
                    ? text + (text.endsWith("\n\n") ? "" : "\n") + section
                    : text.substring(0, b) + section + "\n" + text.substring(b);
        } else {
            int next = text.indexOf("\n## ", at + heading.length());
            text = text.substring(0, at) + section + (next < 0 ? "" : "\n" + text.substring(next + 1));
        }
        Files.writeString(file, text);
    }

    static String machine() {
        String cpu = "";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name"))
                    .findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).strip() + ", ")
                    .orElse("");
        } catch (IOException | RuntimeException ignored) {
            // not Linux
        }
        String sqlite = "?";
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT sqlite_version()")) {
            rs.next();
            sqlite = rs.getString(1);
        } catch (SQLException ignored) {
            // reported as unknown
        }
        return String.format(
                Locale.ROOT,
                "Machine: %s%d cores, %d GiB RAM; %s %s (%s); JDK %s %s; SQLite %s " + "(sqlite-jdbc)",
                cpu,
                Runtime.getRuntime().availableProcessors(),
                totalMemoryGiB(),
                System.getProperty("os.name"),
                System.getProperty("os.version"),
                System.getProperty("os.arch"),
                System.getProperty("java.vm.vendor"),
                System.getProperty("java.runtime.version"),
                sqlite);
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+", -1);
            return f[0] + " / " + f[1] + " / " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static long totalMemoryGiB() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream()
                    .filter(l -> l.startsWith("MemTotal:"))
                    .findFirst()
                    .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) >> 20)
                    .orElse(0L);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    static void say(StringBuilder log, String line) {
        System.out.println(line);
        log.append(line).append('\n');
    }

    static void deleteTree(Path p) throws IOException {
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path x : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(x);
            }
        }
    }
}
