package com.nusomi.recorder.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The PostgreSQL store on a real throwaway cluster ({@link PgCluster}): migrations applied once however many servers
 * open an empty database at once, and every list shape walking an index and stopping after its page.
 */
class PostgresStoreTest {
    private static final int SESSIONS = 40_000;
    private static PostgresTarget seeded;
    private static PostgresStore store;

    @BeforeAll
    static void seed() throws SQLException {
        seeded = PgCluster.shared().newDatabase("plans");
        store = PostgresStore.open(seeded);
        try (Connection c = connect(seeded);
                Statement st = c.createStatement()) {
            // 5 workflows, 4 statuses, 3 outcomes, 2 actor kinds; one session in 40 carries the tag "rare", every
            // other one "common"; one in 50 is in the trash.
            st.execute("INSERT INTO sessions (id, workflow, status, outcome, metadata, actor_kind, created_at,"
                    + " deleted_at) SELECT 'ses_' || lpad(i::text, 8, '0'), 'wf' || (i % 5),"
                    + " (ARRAY['created','recording','stopped','sealed'])[1 + i % 4],"
                    + " (ARRAY['success','failure','unknown'])[1 + i % 3], '{}',"
                    + " (ARRAY['human','agent'])[1 + i % 2], 1000000 + i * 1000,"
                    + " CASE WHEN i % 50 = 0 THEN 2000000000 ELSE NULL END"
                    + " FROM generate_series(1, " + SESSIONS + ") AS i");
            st.execute("INSERT INTO session_tag_names (name, session_id, session_created_at, deleted)"
                    + " SELECT CASE WHEN i % 40 = 0 THEN 'rare' ELSE 'common' END, 'ses_' || lpad(i::text, 8, '0'),"
                    + " 1000000 + i * 1000, CASE WHEN i % 50 = 0 THEN 1 ELSE 0 END"
                    + " FROM generate_series(1, " + SESSIONS + ") AS i WHERE i % 2 = 0");
            st.execute("ANALYZE");
        }
    }

    @AfterAll
    static void close() {
        if (store != null) {
            store.close();
        }
    }

    private static Connection connect(PostgresTarget t) throws SQLException {
        return DriverManager.getConnection(t.jdbcUrl(), t.user(), "");
    }

    @Test
    void migrationsRunOnceWhenServersOpenAnEmptyDatabaseAtOnce() throws Exception {
        PostgresTarget empty = PgCluster.shared().newDatabase("race");
        int servers = 4;
        CyclicBarrier together = new CyclicBarrier(servers);
        ExecutorService pool = Executors.newFixedThreadPool(servers);
        List<Future<PostgresStore>> opened = new ArrayList<>();
        for (int i = 0; i < servers; i++) {
            opened.add(pool.submit(() -> {
                together.await(30, TimeUnit.SECONDS);
                return PostgresStore.open(empty);
            }));
        }
        List<PostgresStore> stores = new ArrayList<>();
        for (Future<PostgresStore> f : opened) {
            stores.add(f.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
        try (Connection c = connect(empty);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*), COUNT(DISTINCT version) FROM schema_migrations")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(Migrations.FILES.size());
            assertThat(rs.getInt(2)).isEqualTo(Migrations.FILES.size());
        }
        for (PostgresStore s : stores) {
            List<ApiKeyRecord> keys = s.read(StoreReader::listKeys);
            assertThat(keys).isEmpty();
            s.close();
        }
    }

    @Test
    void aReopenedDatabaseIsNotMigratedAgain() throws SQLException {
        PostgresTarget db = PgCluster.shared().newDatabase("reopen");
        PostgresStore.open(db).close();
        long firstApplied = appliedAt(db);
        PostgresStore.open(db).close();
        assertThat(appliedAt(db)).isEqualTo(firstApplied);
    }

    private static long appliedAt(PostgresTarget db) throws SQLException {
        try (Connection c = connect(db);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT SUM(applied_at) FROM schema_migrations")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static SessionQuery query(
            List<String> workflows,
            List<String> statuses,
            List<String> outcomes,
            List<String> actorKinds,
            List<String> tags,
            List<String> notTags,
            boolean trash) {
        return new SessionQuery(
                workflows, statuses, outcomes, actorKinds, tags, notTags, null, null, trash, null, null, 50);
    }

    /**
     * A read is one read-only snapshot (its reader connection's session settings, not a statement per read): the
     * transaction says so, a session committed by another connection in the middle of the read is not seen by the
     * read's second statement, and a write inside the read is refused by PostgreSQL.
     */
    @Test
    void aReadIsAReadOnlySnapshot() throws Exception {
        String fresh = "ses_zz_snapshot";
        SessionQuery byWorkflow =
                query(List.of("wf_snapshot"), List.of(), List.of(), List.of(), List.of(), List.of(), false);
        List<String> seen = store.read(tx -> {
            StoreTx t = (StoreTx) tx;
            List<String> settings = t.sql()
                    .query(
                            "SELECT current_setting('transaction_isolation') || ' ' "
                                    + "|| current_setting('transaction_read_only')",
                            rs -> rs.getString(1));
            int before = tx.listSessions(byWorkflow).size();
            try (Connection other = connect(seeded);
                    Statement st = other.createStatement()) {
                st.execute("INSERT INTO sessions (id, workflow, status, metadata, created_at) VALUES ('" + fresh
                        + "', 'wf_snapshot', 'created', '{}', 5)");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            int after = tx.listSessions(byWorkflow).size();
            return List.of(settings.get(0), before + " " + after);
        });
        assertThat(seen.get(0)).isEqualTo("repeatable read on");
        assertThat(seen.get(1)).isEqualTo("0 0");
        List<SessionRecord> afterwards = store.read(tx -> tx.listSessions(byWorkflow));
        assertThat(afterwards).extracting(SessionRecord::id).containsExactly(fresh);
        assertThatThrownBy(() -> store.read(
                        tx -> ((StoreTx) tx).sql().update("UPDATE sessions SET status = 'sealed' WHERE id = ?", fresh)))
                .hasMessageContaining("read-only transaction");
    }

    @Test
    void everyListShapeWalksAnIndexAndStopsAfterThePage() throws Exception {
        List<String> none = List.of();
        List<SessionQuery> shapes = List.of(
                query(none, none, none, none, none, none, false),
                query(none, none, none, none, none, none, true),
                query(List.of("wf1"), none, none, none, none, none, false),
                query(List.of("wf1", "wf2"), none, none, none, none, none, false),
                query(List.of("wf1"), List.of("sealed"), none, none, none, none, false),
                query(List.of("wf1", "wf3"), List.of("sealed", "stopped"), none, none, none, none, false),
                query(none, List.of("recording"), none, none, none, none, false),
                query(none, none, List.of("failure"), none, none, none, false),
                query(none, none, none, List.of("agent"), none, none, false),
                query(List.of("wf2"), none, List.of("success"), List.of("human"), none, none, false),
                query(none, none, none, none, List.of("rare"), none, false),
                query(none, none, none, none, List.of("common"), none, true),
                query(List.of("wf0"), none, none, none, List.of("common"), none, false),
                query(none, none, none, none, none, List.of("rare"), false),
                new SessionQuery(
                        none,
                        none,
                        none,
                        none,
                        none,
                        none,
                        1_000_000L + 10_000_000L,
                        null,
                        false,
                        30_000_000L,
                        "ses_00030000",
                        50));
        ObjectMapper json = new ObjectMapper();
        try (Connection c = connect(seeded)) {
            for (SessionQuery q : shapes) {
                SessionListSql list = SessionListSql.build(q, Dialect.POSTGRESQL);
                JsonNode plan;
                try (PreparedStatement ps = c.prepareStatement("EXPLAIN (ANALYZE, FORMAT JSON) " + list.sql())) {
                    Object[] params = list.params().toArray();
                    for (int i = 0; i < params.length; i++) {
                        ps.setObject(i + 1, params[i]);
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        plan = json.readTree(rs.getString(1)).get(0).get("Plan");
                    }
                }
                List<String> seqScans = new ArrayList<>();
                long[] visited = {0};
                walk(plan, seqScans, visited);
                String shape = q.toString();
                assertThat(seqScans).as("sequential scans of %s", shape).isEmpty();
                // A page of 50 (51 rows fetched): the walks read what the page needs and what the filters skip, not
                // the 40,000 sessions.
                assertThat(visited[0]).as("rows visited by %s", shape).isLessThan(3_000);
                List<SessionRecord> page = store.read(tx -> tx.listSessions(q));
                assertThat(page).as(shape).isNotEmpty();
            }
        }
    }

    /** Collects the sequential scans, and adds up the rows each scan produced or removed, over all its loops. */
    private static void walk(JsonNode node, List<String> seqScans, long[] visited) {
        String type = node.path("Node Type").asText();
        if (type.equals("Seq Scan")) {
            seqScans.add(node.path("Relation Name").asText());
        }
        if (type.contains("Scan")) {
            long rows = node.path("Actual Rows").asLong()
                    + node.path("Rows Removed by Filter").asLong();
            visited[0] += rows * Math.max(1, node.path("Actual Loops").asLong());
        }
        for (JsonNode child : node.path("Plans")) {
            walk(child, seqScans, visited);
        }
    }
}
