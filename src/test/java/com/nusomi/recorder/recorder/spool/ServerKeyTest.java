package com.nusomi.recorder.recorder.spool;

import static org.assertj.core.api.Assertions.assertThat;

import com.nusomi.recorder.client.SessionsClient;
import com.nusomi.recorder.client.internal.Secrets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server key of a spool: no secret in it, stable for the embedded server, distinct per URL and key. */
class ServerKeyTest {
    private static final String KEY = "nsk_live_s3cr3tS3CR3Ts3cr3tXYZW";

    @Test
    void aRemoteKeyHoldsNeitherTheApiKeyNorAPartOfIt() {
        try (SessionsClient c = SessionsClient.builder()
                .baseUrl("https://API.example.com:443/")
                .apiKey(KEY)
                .build()) {
            ServerKey k = ServerKey.of(c);
            assertThat(k.id()).startsWith("api.example.com-").matches("[a-z0-9._-]+");
            assertThat(k.label()).isEqualTo("https://api.example.com");
            for (String part : new String[] {KEY, "s3cr3t", "XYZW", "xyzw", c.maskedApiKey()}) {
                assertThat(k.id()).doesNotContainIgnoringCase(part);
                assertThat(k.label()).doesNotContainIgnoringCase(part);
                assertThat(c.apiKeyFingerprint()).doesNotContainIgnoringCase(part);
            }
            assertThat(k).isEqualTo(ServerKey.remote("https://api.example.com", c.apiKeyFingerprint()));
        }
    }

    @Test
    void anotherKeyOrAnotherUrlIsAnotherServer() {
        ServerKey a = ServerKey.remote("https://api.example.com", fp(KEY));
        assertThat(ServerKey.remote("https://api.example.com/", fp(KEY))).isEqualTo(a);
        assertThat(ServerKey.remote("https://api.example.com", fp(KEY + "2")).id())
                .isNotEqualTo(a.id());
        assertThat(ServerKey.remote("https://eu.example.com", fp(KEY)).id()).isNotEqualTo(a.id());
        assertThat(ServerKey.remote("http://127.0.0.1:8080", fp(KEY)).id()).startsWith("127.0.0.1_8080-");
    }

    @Test
    void theEmbeddedKeyIsStableAcrossPortsAndDistinctPerDataFolder(@TempDir Path a, @TempDir Path b) {
        ServerKey k = ServerKey.embedded(a);
        assertThat(ServerKey.embedded(a.resolve(".").resolve("x").resolve("..")))
                .isEqualTo(k);
        assertThat(k.id())
                .startsWith("embedded-")
                .doesNotContain(a.getFileName().toString());
        assertThat(ServerKey.embedded(b).id()).isNotEqualTo(k.id());
    }

    @Test
    void anUnkeyedSpoolMovesToItsOwnerAndOtherServersBacklogIsCounted(@TempDir Path data) throws Exception {
        try (Spool old = Spool.open(data, 1 << 20, null)) {
            old.journal("ses_old").appendTag("t", "{}");
            old.journal("ses_old").appendTag("u", "{}");
        }
        ServerKey embedded = ServerKey.embedded(data);
        ServerKey hosted = ServerKey.remote("https://api.example.com", fp(KEY));

        assertThat(SpoolFolders.adoptLegacy(data, embedded)).containsExactly("ses_old");
        assertThat(SpoolFolders.adoptLegacy(data, hosted)).isEmpty();
        assertThat(data.resolve("spool").resolve(embedded.id()).resolve("ses_old"))
                .isDirectory();
        assertThat(Files.readString(data.resolve("spool").resolve(embedded.id()).resolve(SpoolFolders.LABEL)))
                .isEqualTo("the embedded server");

        try (Spool s = Spool.open(data, embedded, 1 << 20, null)) {
            assertThat(s.unfinishedSessions()).containsExactly("ses_old");
        }
        try (Spool s = Spool.open(data, hosted, 1 << 20, null)) {
            assertThat(s.unfinishedSessions()).isEmpty();
        }
        assertThat(SpoolFolders.backlogElsewhere(data, hosted))
                .containsExactly(new SpoolFolders.Backlog(embedded.id(), "the embedded server", 1, 2));
        assertThat(SpoolFolders.backlogElsewhere(data, embedded)).isEmpty();
    }

    private static String fp(String key) {
        return Secrets.fingerprint(key);
    }
}
