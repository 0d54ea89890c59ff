package com.nusomi.recorder.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.nusomi.recorder.client.request.CreateSessionRequest;
import com.nusomi.recorder.client.request.SessionQuery;
import com.nusomi.recorder.server.ApiServer;
import com.nusomi.recorder.server.ServerConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.Protocol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client retires a pooled connection before the server drops it for idling: a call after a pause longer than
 * the server's idle timeout goes out on a fresh connection at the first attempt, with no "unexpected end of
 * stream" and no retry.
 */
class KeepAliveTest {
    @Test
    void aCallAfterIdlingPastTheServersTimeoutNeedsNoRetry(@TempDir Path data) throws Exception {
        Duration idle = Duration.ofSeconds(2);
        ApiServer server = ApiServer.start(
                ServerConfig.builder().dataDir(data).port(0).idleTimeout(idle).build());
        List<String> failures = new CopyOnWriteArrayList<>();
        EventListener recorder = new EventListener() {
            @Override
            public void callFailed(Call call, IOException e) {
                failures.add(e.toString());
            }

            @Override
            public void connectFailed(
                    Call call, InetSocketAddress address, Proxy proxy, Protocol protocol, IOException e) {
                failures.add(e.toString());
            }
        };
        try (SessionsClient client = SessionsClient.builder()
                .baseUrl(server.baseUrl())
                .apiKey(server.adminKey())
                .eventListenerFactory(call -> recorder)
                .build()) {
            for (int round = 0; round < 3; round++) {
                assertThat(client.health().executeForResult())
                        .returns(true, ApiResult::isSuccess)
                        .returns(1, ApiResult::attempts);
                assertThat(client.sessions()
                                .list(SessionQuery.builder().limit(1).build())
                                .executeForResult())
                        .returns(true, ApiResult::isSuccess)
                        .returns(1, ApiResult::attempts);

                Thread.sleep(idle.toMillis() + 1_000); // the server closes the idle connection meanwhile

                var afterIdling = client.sessions()
                        .list(SessionQuery.builder().limit(1).build())
                        .executeForResult();
                assertThat(afterIdling.isSuccess()).isTrue();
                assertThat(afterIdling.attempts())
                        .as("attempts of the call after idling")
                        .isEqualTo(1);
                var post = client.sessions()
                        .create(CreateSessionRequest.builder("keep_alive").build())
                        .executeForResult();
                assertThat(post.isSuccess()).isTrue();
                assertThat(post.attempts()).isEqualTo(1);
                Thread.sleep(idle.toMillis() + 1_000);
            }
        } finally {
            server.close();
        }
        assertThat(failures)
                .as("failed calls (such as 'unexpected end of stream')")
                .isEmpty();
    }
}
