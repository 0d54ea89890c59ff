package com.nusomi.recorder.app.connection;

import com.nusomi.recorder.app.support.StartupTrace;
import com.nusomi.recorder.client.SessionsClient;
import com.nusomi.recorder.recorder.spool.ServerKey;
import com.nusomi.recorder.server.ApiServer;
import com.nusomi.recorder.server.ServerConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/** Opens a {@link Connection}; blocking (it may start a server), so called off the UI thread. */
@FunctionalInterface
public interface Connector {
    Connection connect();

    /** Starts the embedded local server on a free loopback port in this data folder, and a client for it. */
    static Connector embedded(Path dataDir) {
        return () -> {
            StartupTrace.mark("server starting");
            ApiServer server = ApiServer.start(
                    ServerConfig.builder().dataDir(dataDir).port(0).build());
            StartupTrace.mark("server started: " + server.startTimes());
            try {
                SessionsClient client = client(server.baseUrl(), server.adminKey());
                StartupTrace.mark("client built");
                return new Connection(
                        client, Connection.Kind.EMBEDDED, server.baseUrl(), ServerKey.embedded(dataDir), server);
            } catch (RuntimeException e) {
                server.close();
                throw e;
            }
        };
    }

    /** A server run by someone else: the hosted API, or (in tests) a server the test owns. */
    static Connector remote(String baseUrl, String apiKey) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        return () -> {
            SessionsClient client = client(baseUrl, apiKey);
            return new Connection(client, Connection.Kind.REMOTE, client.baseUrl(), ServerKey.of(client), null);
        };
    }

    /** The client the app uses: the library's retries, shorter timeouts than a batch tool would want. */
    static SessionsClient client(String baseUrl, String apiKey) {
        return SessionsClient.builder()
                .baseUrl(baseUrl)
                .apiKey(apiKey)
                .connectTimeout(Duration.ofSeconds(5))
                .callTimeout(Duration.ofSeconds(20))
                .build();
    }
}
