package com.nusomi.recorder.bench;

import com.nusomi.recorder.bench.ServerBenchmark.Dataset;
import com.nusomi.recorder.bench.ServerBenchmark.ShapeResult;
import com.nusomi.recorder.bench.ServerBenchmark.Target;
import com.nusomi.recorder.server.store.PgCluster;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The list benchmark of issue 19: the six list shapes of {@link ServerBenchmark} at 10k and at 10M sessions, on
 * PostgreSQL (a team server holding years of runs) and on SQLite, API p50 against the same SQL's p50 straight on the
 * database, with PostgreSQL's {@code EXPLAIN (ANALYZE, BUFFERS)} of every shape.
 *
 * <p>Run: {@code mvn -B -Pbenchmark test -Dtest=PgServerBenchmark}. It prints the tables and the plans and rewrites
 * the section "Server: list queries on PostgreSQL and SQLite at 10M" of {@code BENCHMARKS.md}; it asserts
 * correctness (every page is the SQL's first rows), never speed.
 *
 * <p>Data: PostgreSQL is seeded with {@code COPY} ({@link PgSeeder}), SQLite with batched inserts ({@link Seeder}),
 * the same sessions on both. Both are cached under {@code target/bench-cache}: SQLite's data folders in
 * {@code sqlite/}, PostgreSQL's databases in a cluster kept in {@code pg-cluster/} (started by the run, stopped at its
 * end), keyed by size, seed version and the migrations' text, so a second run seeds nothing. One store's 10k and
 * 10M servers run at once (as in {@link ServerBenchmark}); the stores one after the other.
 *
 * <p>Knobs: {@code -Dbench.size=1000000} (the big size, default 10M), {@code -Dbench.stores=postgresql} (or
 * {@code sqlite}; both by default), and {@link ServerBenchmark}'s {@code bench.timed}, {@code bench.warmup}.
 */
@Tag("benchmark")
class PgServerBenchmark {
    private static final int BIG = Integer.getInteger("bench.size", 10_000_000);
    private static final int SMALL = Integer.getInteger("bench.small", 10_000);
    private static final List<String> STORES =
            List.of(System.getProperty("bench.stores", "postgresql,sqlite").split(",", -1));
    private static final String COMMAND = "mvn -B -Pbenchmark test -Dtest=PgServerBenchmark";
    private static final String SECTION = "## Server: list queries on PostgreSQL and SQLite at 10M";
    private static final Path CLUSTER = Path.of("target", "bench-cache", "pg-cluster");

    /**
     * The benchmark cluster's settings beyond the tests' (fsync off, as there): a team server's buffer cache, and a
     * bulk load's WAL settings (COPY into a table truncated in its transaction writes no WAL at {@code minimal}).
     */
    private static final String PG_OPTIONS = "-c shared_buffers=1GB -c effective_cache_size=8GB "
            + "-c maintenance_work_mem=1GB -c wal_level=minimal -c max_wal_senders=0 -c max_wal_size=8GB";

    /** One store's run: its two data sets and the measured shapes. */
    static final class StoreRun {
        final Dataset small;
        final Dataset big;
        final List<ShapeResult> results = new ArrayList<>();
        double[] breakdown;

        StoreRun(Dataset small, Dataset big) {
            this.small = small;
            this.big = big;
        }

        Dataset small() {
            return small;
        }

        Dataset big() {
            return big;
        }

        List<ShapeResult> results() {
            return results;
        }
    }

    @Test
    void listQueriesOnPostgresqlAndSqlite() throws Exception {
        long runStarted = System.nanoTime();
        String loadBefore = ServerBenchmark.loadAverage();
        StringBuilder log = new StringBuilder();
        PgCluster pg = STORES.contains("postgresql") ? PgCluster.kept(CLUSTER, PG_OPTIONS) : null;
        Map<String, StoreRun> runs = new LinkedHashMap<>();
        for (String store : STORES) {
            PgCluster cluster = store.equals("postgresql") ? pg : null;
            Dataset small = ServerBenchmark.prepare("small", SMALL, true, cluster);
            ServerBenchmark.say(log, store + ": " + ServerBenchmark.describe(small));
            Dataset big = ServerBenchmark.prepare("big", BIG, true, cluster);
            ServerBenchmark.say(log, store + ": " + ServerBenchmark.describe(big));
            runs.put(store, new StoreRun(small, big));
        }
        String loadMeasured = ServerBenchmark.loadAverage();
        for (StoreRun run : runs.values()) {
            try (Target s = new Target(run.small());
                    Target b = new Target(run.big())) {
                ServerBenchmark.warmUp(s, b);
                run.results().addAll(ServerBenchmark.shapes(s, b));
                ServerBenchmark.timeAll(run.results());
                run.breakdown = ServerBenchmark.breakdown(b, run.results().get(0));
            }
            String sl = ServerBenchmark.label(run.small().size());
            String bl = ServerBenchmark.label(run.big().size());
            ServerBenchmark.say(
                    log, "\n" + run.big().store() + ":\n" + ServerBenchmark.table(run.results(), sl, bl, false));
            for (ShapeResult r : run.results()) {
                ServerBenchmark.say(log, r.name + ":\n" + ServerBenchmark.plansText(r, sl, bl));
            }
            ServerBenchmark.say(log, run.big().store() + ": " + ServerBenchmark.breakdownText(run.breakdown, bl));
        }
        String pgVersion = pg == null ? null : pgVersion(pg);
        long totalSeconds = (System.nanoTime() - runStarted) / 1_000_000_000L;
        writeMarkdown(
                runs,
                pgVersion,
                totalSeconds,
                loadBefore + " at the start, " + loadMeasured + " when the measuring began (data ready), "
                        + ServerBenchmark.loadAverage() + " at the end");
        ServerBenchmark.say(log, "benchmark took " + totalSeconds + " s; wrote " + ServerBenchmark.markdownFile());
    }

    private static String pgVersion(PgCluster pg) throws Exception {
        try (Connection c = pg.admin();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SHOW server_version")) {
            rs.next();
            return rs.getString(1);
        }
    }

    // ---- plan summary -------------------------------------------------------------------------------------------

    private static final Pattern NODE = Pattern.compile(
            "^\\s*(?:->\\s+)?(.+?)\\s+\\(cost=[^)]*\\)\\s+\\(actual time=[0-9.]+\\.\\.([0-9.]+) rows=(\\d+) loops=(\\d+)\\)");
    private static final Pattern REMOVED = Pattern.compile("Rows Removed by (?:Filter|Join Filter): (\\d+)");
    private static final Pattern BUFFERS = Pattern.compile("^\\s*Buffers: (.+)$");
    private static final Pattern EXECUTION = Pattern.compile("Execution Time: ([0-9.]+) ms");

    /** What one plan does: its nodes, outer to inner; rows the scans returned and threw away; buffers; time. */
    record PlanSummary(List<String> nodes, long scanned, long removed, long sorted, String buffers, String execution) {
        /**
         * ✔ when the plan walks an index and stops at the limit; a sort is flagged with the rows it sorted (the
         * planner sorts a few matching rows found through an index, when fewer than a page match); a sequential scan
         * is a finding.
         */
        String verdict() {
            if (nodes.stream().anyMatch(n -> n.startsWith("Seq Scan"))) {
                return "✘ sequential scan";
            }
            if (nodes.stream().anyMatch(n -> n.startsWith("Sort"))) {
                return "sorts the " + sorted + " rows an index found";
            }
            return !nodes.isEmpty() && nodes.get(0).startsWith("Limit") ? "✔" : "✘ no limit";
        }

        String nodesText() {
            return String.join(" → ", nodes);
        }
    }

    static PlanSummary summarize(String explain) {
        List<String> nodes = new ArrayList<>();
        long scanned = 0;
        long removed = 0;
        long sorted = 0;
        String buffers = "";
        String execution = "";
        for (String line : explain.lines().toList()) {
            Matcher m = NODE.matcher(line);
            if (m.find()) {
                String node = m.group(1).strip();
                nodes.add(node);
                if (node.startsWith("Sort")) {
                    sorted = Long.parseLong(m.group(3));
                }
                if (node.contains("Scan")) {
                    scanned += Long.parseLong(m.group(3)) * Long.parseLong(m.group(4));
                }
                continue;
            }
            Matcher r = REMOVED.matcher(line);
            if (r.find()) {
                removed += Long.parseLong(r.group(1));
            }
            Matcher b = BUFFERS.matcher(line);
            if (b.find() && buffers.isEmpty()) {
                buffers = b.group(1).strip();
            }
            Matcher e = EXECUTION.matcher(line);
            if (e.find()) {
                execution = e.group(1) + " ms";
            }
        }
        return new PlanSummary(nodes, scanned, removed, sorted, buffers, execution);
    }

    // ---- report -------------------------------------------------------------------------------------------------

    private static void writeMarkdown(Map<String, StoreRun> runs, String pgVersion, long totalSeconds, String load)
            throws Exception {
        StringBuilder md = new StringBuilder();
        md.append(SECTION).append("\n\n");
        md.append("The six list shapes of the 1M section below, at ")
                .append(ServerBenchmark.label(SMALL))
                .append(" and at ")
                .append(ServerBenchmark.label(BIG))
                .append(" sessions, on PostgreSQL and on SQLite: `GET /v1/sessions?limit=100` through the API "
                        + "(OkHttp, one keep-alive connection per server) and the same statement straight on the "
                        + "database (plain JDBC, the SQL that `SessionListSql` builds in the store's dialect, every "
                        + "column of every row read). One store's two servers run at once, a round asking the small "
                        + "one and then the big one; the stores one after the other. ")
                .append(ServerBenchmark.TIMED)
                .append(" timed rounds per shape and series in ")
                .append(ServerBenchmark.PASSES)
                .append(" passes, after warm-up rounds. Bars (issue 19): API p50 ÷ raw SQL p50 ≤ ")
                .append(ServerBenchmark.API_BAR)
                .append("× and ")
                .append(ServerBenchmark.label(BIG))
                .append(" ÷ ")
                .append(ServerBenchmark.label(SMALL))
                .append(" (API p50) ≤ ")
                .append(ServerBenchmark.SCALE_BAR)
                .append("×, on both stores. Timings are printed, never asserted.\n\n");
        for (StoreRun run : runs.values()) {
            String sl = ServerBenchmark.label(run.small().size());
            String bl = ServerBenchmark.label(run.big().size());
            md.append("### ").append(run.big().store()).append("\n\n");
            md.append(ServerBenchmark.table(run.results(), sl, bl, true)).append('\n');
            for (ShapeResult r : run.results()) {
                if (!r.note.isEmpty()) {
                    md.append("- **")
                            .append(r.name)
                            .append("**: ")
                            .append(r.note)
                            .append(".\n");
                }
            }
            md.append("- Where the API's time goes: ")
                    .append(ServerBenchmark.breakdownText(run.breakdown, bl))
                    .append("\n\n");
        }
        StoreRun pg = runs.get("postgresql");
        if (pg != null) {
            md.append("### PostgreSQL plans (`EXPLAIN (ANALYZE, BUFFERS)`, the page's statement, run once)\n\n");
            md.append("| Shape | size | plan (outer → inner) | rows the scans returned | rows removed by filter "
                    + "| buffers | execution | index walk + limit |\n|---|---|---|---|---|---|---|---|\n");
            for (ShapeResult r : pg.results()) {
                for (String k : List.of("small", "big")) {
                    PlanSummary p = summarize(r.plans.get(k));
                    md.append("| ")
                            .append(r.name)
                            .append(" | ")
                            .append(ServerBenchmark.label((k.equals("big") ? pg.big() : pg.small()).size()))
                            .append(" | ")
                            .append(p.nodesText())
                            .append(" | ")
                            .append(p.scanned())
                            .append(" | ")
                            .append(p.removed())
                            .append(" | ")
                            .append(p.buffers())
                            .append(" | ")
                            .append(p.execution())
                            .append(" | ")
                            .append(p.verdict())
                            .append(" |\n");
                }
            }
            md.append('\n');
        }
        md.append("### Data\n\n");
        for (StoreRun run : runs.values()) {
            for (Dataset d : List.of(run.small(), run.big())) {
                md.append("- ")
                        .append(d.store())
                        .append(", ")
                        .append(ServerBenchmark.describe(d))
                        .append(".\n");
            }
        }
        md.append("- The same sessions on both stores (`Seeder`'s distribution, see the 1M section). PostgreSQL: "
                + "`COPY ... FROM STDIN (FREEZE)` of streamed rows into the three tables (`PgSeeder`), secondary "
                + "indexes dropped before and made again after from their own definitions, then "
                + "`VACUUM (ANALYZE)` (the time after \"+\"); the size is `pg_database_size`. SQLite: batched inserts, "
                + "then `ANALYZE`. Cached in `target/bench-cache` (SQLite folders in `sqlite/`, PostgreSQL "
                + "databases in the kept cluster `pg-cluster/`), keyed by size, seed version and migrations.\n\n");
        md.append("### Query plans, full\n\n```\n");
        for (StoreRun run : runs.values()) {
            String sl = ServerBenchmark.label(run.small().size());
            String bl = ServerBenchmark.label(run.big().size());
            md.append("== ").append(run.big().store()).append(" ==\n");
            for (ShapeResult r : run.results()) {
                md.append(r.name)
                        .append(":\n")
                        .append(ServerBenchmark.plansText(r, sl, bl))
                        .append('\n');
            }
        }
        md.append("```\n\n");
        md.append("### Machine and run\n\n");
        md.append("- ").append(ServerBenchmark.machine()).append('\n');
        if (pgVersion != null) {
            md.append("- PostgreSQL ")
                    .append(pgVersion)
                    .append(", a local cluster on the same machine, as the tests start it (fsync off) plus `")
                    .append(PG_OPTIONS)
                    .append("`; the server's pool (HikariCP) and the raw connection over TCP on 127.0.0.1\n");
        }
        md.append("- Load average (1, 5, 15 min) of the machine, which other builds share: ")
                .append(load)
                .append('\n');
        md.append("- Date: ")
                .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(
                        Instant.now().atOffset(ZoneOffset.UTC).withNano(0)))
                .append(" UTC\n");
        boolean cached = runs.values().stream().allMatch(r -> r.big().reused());
        md.append("- Command: `")
                .append(COMMAND)
                .append("` (whole run ")
                .append(totalSeconds)
                .append(" s")
                .append(cached ? ", with the data cached from an earlier run" : ", seeding included")
                .append(")\n");
        if (BIG != 10_000_000 || SMALL != 10_000 || ServerBenchmark.TIMED != 300 || runs.size() != 2) {
            md.append("- **Non-default run** (bench.size=")
                    .append(BIG)
                    .append(", bench.small=")
                    .append(SMALL)
                    .append(", bench.timed=")
                    .append(ServerBenchmark.TIMED)
                    .append(", stores ")
                    .append(String.join(", ", runs.keySet()))
                    .append("): not the issue's benchmark.\n");
        }

        ServerBenchmark.writeSection(SECTION, md.toString(), ServerBenchmark.SECTION);
    }
}
