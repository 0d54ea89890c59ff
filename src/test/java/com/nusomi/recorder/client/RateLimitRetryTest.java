package com.nusomi.recorder.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nusomi.recorder.client.exception.RateLimitException;
import com.nusomi.recorder.client.model.Session;
import com.nusomi.recorder.client.request.CreateSessionRequest;
import com.nusomi.recorder.client.request.SessionQuery;
import com.nusomi.recorder.server.ApiServer;
import com.nusomi.recorder.server.ServerConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client against the real server with {@code --rate-limit 1/s}: a 429 {@code rate_limited} carries
 * {@code Retry-After}, and the client waits that long before its retry. The client's own backoff is 1 ms here, so a
 * client that ignored Retry-After would spend its two attempts within the same second and fail.
 */
class RateLimitRetryTest {
    private ApiServer server;
    private String key;

    @BeforeEach
    void start(@TempDir Path dataDir) {
        server = ApiServer.start(
                ServerConfig.builder().dataDir(dataDir).port(0).rateLimit("1/s").build());
        key = server.createKey(Set.of("read", "write"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private SessionsClient client(RetryPolicy retry) {
        return SessionsClient.builder()
                .baseUrl(server.baseUrl())
                .apiKey(key)
                .retryPolicy(retry)
                .build();
    }

    @Test
    void theClientWaitsTheServersRetryAfterAndThenSucceeds() {
        RetryPolicy twoQuickAttempts =
                RetryPolicy.defaults().withMaxAttempts(2).withBackoff(Duration.ofMillis(1), Duration.ofMillis(1));
        try (SessionsClient client = client(twoQuickAttempts)) {
            Session first =
                    client.sessions().create(CreateSessionRequest.of("limited")).execute();

            ApiResult<Session> second =
                    client.sessions().create(CreateSessionRequest.of("limited")).executeForResult();

            assertThat(second.isSuccess()).as("%s", second).isTrue();
            assertThat(second.attempts()).as("refused once, then let through").isEqualTo(2);
            assertThat(second.value().id()).isNotEqualTo(first.id());
            assertThat(client
                            .sessions()
                            .listAll(SessionQuery.builder().workflow("limited").build())
                            .stream()
                            .count())
                    .as("the refused attempt created nothing")
                    .isEqualTo(2);
        }
    }

    @Test
    void withoutRetriesTheRefusalCarriesTheServersAdvice() {
        try (SessionsClient client = client(RetryPolicy.none())) {
            client.sessions().create(CreateSessionRequest.of("limited")).execute();

            assertThatThrownBy(() -> client.sessions()
                            .create(CreateSessionRequest.of("limited"))
                            .execute())
                    .isInstanceOfSatisfying(RateLimitException.class, e -> {
                        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(1));
                        assertThat(e.requestId()).startsWith("req_");
                        assertThat(e.getMessage()).contains("1/s");
                    });
        }
    }
}
