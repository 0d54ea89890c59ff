package com.nusomi.recorder.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.nusomi.recorder.server.store.PgCluster;
import com.nusomi.recorder.server.store.PostgresTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two servers (replicas, each with a data folder of its own) on one PostgreSQL database: started at the same moment
 * on an empty database, the migrations are applied once; then what one writes, the other reads, its cursors work
 * on the other, and an idempotent retry that lands on the other replays. The maintenance jobs run on one server at a
 * time, and another takes over when that one is killed.
 */
class ReplicasTest {
    @TempDir
    Path temp;

    @Test
    void twoServersStartedTogetherOnAnEmptyDatabaseMigrateOnceAndServeAsOne() throws Exception {
        PostgresTarget db = PgCluster.shared().newDatabase("replicas");
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService starter = Executors.newFixedThreadPool(2);
        List<Future<ApiServer>> starting = new ArrayList<>();
        for (String name : List.of("a", "b")) {
            Path data = temp.resolve(name);
            starting.add(starter.submit(() -> {
                together.await(30, TimeUnit.SECONDS);
                return ApiServer.start(ServerConfig.builder()
                        .dataDir(data)
                        .database(db)
                        .port(0)
                        .build());
            }));
        }
        starter.shutdown();
        try (ApiServer a = starting.get(0).get(60, TimeUnit.SECONDS);
                ApiServer b = starting.get(1).get(60, TimeUnit.SECONDS)) {
            try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), "");
                    Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery(
                            "SELECT COUNT(*), COUNT(DISTINCT version), MAX(version) FROM schema_migrations")) {
                rs.next();
                assertThat(rs.getInt(1)).as("migrations recorded").isEqualTo(rs.getInt(2));
                assertThat(rs.getInt(3)).as("latest version").isEqualTo(rs.getInt(2));
            }

            ApiCalls onA = new ApiCalls(a.baseUrl(), a.adminKey());
            ApiCalls onB = new ApiCalls(b.baseUrl(), a.adminKey());
            List<String> created = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                String id = onA.createRecording("replicas").get("id").asText();
                onB.tag(id, "seen_on_b");
                created.add(id);
            }
            ApiCalls.Response page =
                    onA.get("/v1/sessions?workflow=replicas&limit=2").expect(200);
            String cursor = page.json().get("next_cursor").asText();
            ApiCalls.Response rest = onB.get("/v1/sessions?workflow=replicas&limit=2&cursor=" + cursor)
                    .expect(200);
            assertThat(rest.json().get("data")).hasSize(1);
            assertThat(rest.json().get("data").get(0).get("id").asText()).isEqualTo(created.get(0));
            assertThat(onA.get("/v1/sessions/" + created.get(0) + "?include=tags")
                            .expect(200)
                            .json()
                            .get("tags")
                            .get(0)
                            .get("name")
                            .asText())
                    .isEqualTo("seen_on_b");

            String body = "{\"workflow\":\"replicas_retry\"}";
            Map<String, String> idem = Map.of("Idempotency-Key", "retry-on-the-other-replica");
            ApiCalls.Response first = onA.post("/v1/sessions", body, idem).expect(201);
            ApiCalls.Response retried = onB.post("/v1/sessions", body, idem).expect(201);
            assertThat(retried.text()).isEqualTo(first.text());
            assertThat(onB.listAll("workflow=replicas_retry")).hasSize(1);
        }
    }

    @Test
    void maintenanceRunsOnOneServerAtATimeAndAnotherTakesOverWhenItIsKilled() throws Exception {
        PostgresTarget db = PgCluster.shared().newDatabase("maintenance");
        Path childData = temp.resolve("child");
        Process child = KillNineTest.startServerProcess(childData, db, temp.resolve("child.log"));
        try {
            ApiCalls onChild = new ApiCalls(
                    KillNineTest.awaitBaseUrl(child),
                    Files.readString(childData.resolve("admin.key")).strip());
            await().atMost(Duration.ofSeconds(30)).until(() -> maintenanceHolders(db), hasItem(child.pid()));
            String id = onChild.createSession("trashed").get("id").asText();
            onChild.softDelete(id);

            // b's clock is 31 days ahead: were it to run the purge, the trashed session would go at once
            try (ApiServer b = ApiServer.start(ServerConfig.builder()
                    .dataDir(temp.resolve("b"))
                    .database(db)
                    .port(0)
                    .clock(Clock.offset(Clock.systemUTC(), Duration.ofDays(31)))
                    .sealInterval(Duration.ofMillis(100))
                    .purgeInterval(Duration.ofMillis(100))
                    .build())) {
                ApiCalls onB = new ApiCalls(b.baseUrl(), b.adminKey());
                // b asks every 100 ms and is refused: the child alone holds the lock, and b purges nothing (410, not
                // 404)
                await().during(Duration.ofSeconds(2))
                        .atMost(Duration.ofSeconds(10))
                        .until(
                                () -> maintenanceHolders(db).equals(List.of(child.pid()))
                                        && onB.get("/v1/sessions/" + id).status() == 410,
                                equalTo(true));

                child.destroyForcibly();
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();

                long self = ProcessHandle.current().pid();
                await().atMost(Duration.ofSeconds(10)).until(() -> maintenanceHolders(db), equalTo(List.of(self)));
                await().atMost(Duration.ofSeconds(10))
                        .until(() -> onB.get("/v1/sessions/" + id).status(), equalTo(404));
            }
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** The processes (by the pid in their connection's application name) holding the maintenance lock of db. */
    private static List<Long> maintenanceHolders(PostgresTarget db) throws Exception {
        List<Long> pids = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), "");
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT a.application_name FROM pg_locks l"
                        + " JOIN pg_stat_activity a ON a.pid = l.pid"
                        + " WHERE l.locktype = 'advisory' AND l.granted AND l.database = a.datid"
                        + " AND a.datname = current_database()"
                        + " AND a.application_name LIKE 'session-recorder maintenance pid %'")) {
            while (rs.next()) {
                String name = rs.getString(1);
                pids.add(Long.parseLong(name.substring(name.lastIndexOf(' ') + 1)));
            }
        }
        return pids;
    }
}
