package com.nusomi.recorder.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nusomi.recorder.client.request.SessionQuery;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClientConfigTest {

    @Test
    void readsBaseUrlAndKeyFromTheEnvironment() {
        try (SessionsClient client = SessionsClient.builder()
                .environment(Map.of(
                        "NUSOMI_BASE_URL",
                        "https://api.example.com/v1/",
                        "NUSOMI_API_KEY",
                        "nsk_live_abcdefghijklmnop1234"))
                .build()) {
            assertThat(client.baseUrl()).isEqualTo("https://api.example.com/");
            assertThat(client.hasApiKey()).isTrue();
            assertThat(client.maskedApiKey()).isEqualTo("nsk_live_…1234");
            assertThat(client.userAgent()).startsWith("session-recorder/");
        }
    }

    @Test
    void codeOverridesTheEnvironment() {
        try (SessionsClient client = SessionsClient.builder()
                .environment(Map.of("NUSOMI_BASE_URL", "https://api.example.com"))
                .baseUrl("http://127.0.0.1:8765")
                .build()) {
            assertThat(client.baseUrl()).isEqualTo("http://127.0.0.1:8765/");
            assertThat(client.hasApiKey()).isFalse();
        }
    }

    @Test
    void missingBaseUrlIsAClearError() {
        assertThatThrownBy(() -> SessionsClient.builder().environment(Map.of()).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("NUSOMI_BASE_URL");
    }

    @Test
    void masksKeys() {
        assertThat(ApiKeyMask.mask("nsk_test_0123456789abcdefabcd")).isEqualTo("nsk_test_…abcd");
        assertThat(ApiKeyMask.mask("short")).isEqualTo("…");
        assertThat(ApiKeyMask.mask("nsk_test_short")).isEqualTo("nsk_test_…");
        assertThat(ApiKeyMask.mask(null)).isEqualTo("none");
    }

    @Test
    void relativeSinceUsesTheLargestExactUnit() {
        assertThat(SessionQuery.builder().since(Duration.ofDays(7)).build().since())
                .isEqualTo("1w");
        assertThat(SessionQuery.builder().since(Duration.ofDays(30)).build().since())
                .isEqualTo("30d");
        assertThat(SessionQuery.builder().since(Duration.ofMinutes(90)).build().since())
                .isEqualTo("90m");
        assertThat(SessionQuery.builder().sinceRelative("24h").build().since()).isEqualTo("24h");
        assertThatThrownBy(() -> SessionQuery.builder().sinceRelative("0d"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SessionQuery.builder().since(Duration.ofMillis(1500)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void clientThreadsAreDaemons() {
        try (SessionsClient client = SessionsClient.builder()
                .baseUrl("http://127.0.0.1:1")
                .retryPolicy(RetryPolicy.none())
                .build()) {
            client.health().executeAsync().exceptionally(e -> null).join();
            assertThat(Thread.getAllStackTraces().keySet())
                    .filteredOn(t -> t.getName().startsWith("sessions-client"))
                    .isNotEmpty()
                    .allMatch(Thread::isDaemon);
        }
    }
}
