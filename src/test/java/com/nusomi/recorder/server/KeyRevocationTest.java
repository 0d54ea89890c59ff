package com.nusomi.recorder.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nusomi.recorder.server.store.PgCluster;
import com.nusomi.recorder.server.store.PostgresTarget;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * People get keys on a team server: a key made with {@link KeyAdmin} on the PostgreSQL database (what
 * {@code keys create --database} does) works on every replica and names its label on the tags it adds; revoked
 * through one replica, it stops working on every replica within 5 s (each caches a key's answer for a second).
 */
class KeyRevocationTest {
    @TempDir
    Path temp;

    private static ApiServer replica(Path data, PostgresTarget db) {
        return ApiServer.start(
                ServerConfig.builder().dataDir(data).database(db).port(0).build());
    }

    @Test
    void aKeyRevokedThroughOneReplicaStopsWorkingOnEveryReplicaWithinFiveSeconds() {
        PostgresTarget db = PgCluster.shared().newDatabase("keys");
        try (ApiServer a = replica(temp.resolve("a"), db);
                ApiServer b = replica(temp.resolve("b"), db)) {
            KeyAdmin.Created anna;
            try (KeyAdmin admin = KeyAdmin.open(db.url(), null)) {
                anna = admin.create(Set.of("read", "write"), "anna");
                assertThat(admin.list())
                        .anySatisfy(k -> assertThat(k.label()).isEqualTo("anna"))
                        .hasSize(3);
            }
            ApiCalls onA = new ApiCalls(a.baseUrl(), anna.secret());
            ApiCalls onB = new ApiCalls(b.baseUrl(), anna.secret());
            String id = onA.createRecording("people").get("id").asText();
            onB.tag(id, "seen_by_anna");
            assertThat(onA.get("/v1/sessions/" + id + "?include=tags")
                            .expect(200)
                            .json()
                            .at("/tags/0/added_by/label")
                            .asText())
                    .isEqualTo("anna");
            onB.get("/v1/sessions/" + id).expect(200);

            assertThat(a.keys().revoke(anna.key().id(), System.currentTimeMillis()))
                    .isTrue();

            onA.get("/v1/sessions/" + id).expectError(401, "api_key_invalid");
            await().atMost(Duration.ofSeconds(5))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> onB.get("/v1/sessions/" + id).status() == 401);
            onB.get("/v1/sessions/" + id).expectError(401, "api_key_invalid");
            try (KeyAdmin admin = KeyAdmin.open(db.url(), null)) {
                assertThat(admin.list())
                        .filteredOn(k -> k.id().equals(anna.key().id()))
                        .singleElement()
                        .satisfies(k -> assertThat(k.revoked()).isTrue());
            }
        }
    }

    @Test
    void aKeyRevokedWithTheKeysCommandStopsWorkingWithinFiveSeconds() {
        PostgresTarget db = PgCluster.shared().newDatabase("keys_cmd");
        try (ApiServer a = replica(temp.resolve("a"), db);
                ApiServer b = replica(temp.resolve("b"), db)) {
            String key = a.createKey(Set.of("read"));
            String keyId = a.keys().lookup(key).id();
            ApiCalls onA = new ApiCalls(a.baseUrl(), key);
            ApiCalls onB = new ApiCalls(b.baseUrl(), key);
            onA.get("/v1/sessions").expect(200);
            onB.get("/v1/sessions").expect(200);

            try (KeyAdmin admin = KeyAdmin.open(db.url(), null)) {
                assertThat(admin.revoke(keyId)).isTrue();
                assertThat(admin.revoke(keyId)).as("already revoked").isFalse();
            }

            await().atMost(Duration.ofSeconds(5))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> onA.get("/v1/sessions").status() == 401
                            && onB.get("/v1/sessions").status() == 401);
        }
    }
}
