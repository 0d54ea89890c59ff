package com.nusomi.recorder.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.nusomi.recorder.server.store.PgCluster;
import com.nusomi.recorder.server.store.PostgresTarget;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
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
 * on the other, and an idempotent retry that lands on the other replays.
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
}
