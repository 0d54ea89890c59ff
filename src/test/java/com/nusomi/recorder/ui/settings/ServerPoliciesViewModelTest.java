package com.nusomi.recorder.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.nusomi.recorder.app.DirectTaskRunner;
import com.nusomi.recorder.app.connection.ConnectionState;
import com.nusomi.recorder.client.SessionsClient;
import com.nusomi.recorder.server.ApiServer;
import com.nusomi.recorder.server.ServerConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When the card asks the server (a real one, through the real client): once per connection that comes online, once
 * when it goes offline, never again at each poll that says the same; a connection being made or failed forgets the
 * last server's policies.
 */
class ServerPoliciesViewModelTest {
    @TempDir
    Path data;

    private ApiServer server;
    private SessionsClient client;
    private final AtomicInteger asked = new AtomicInteger();
    private ServerPoliciesViewModel vm;

    @BeforeEach
    void setUp() {
        server = ApiServer.start(ServerConfig.builder()
                .dataDir(data)
                .port(0)
                .autoStopAbandoned(Duration.ofMinutes(30))
                .build());
        client = SessionsClient.builder()
                .baseUrl(server.baseUrl())
                .apiKey(server.adminKey())
                .build();
        vm = new ServerPoliciesViewModel(new DirectTaskRunner(), () -> {
            asked.incrementAndGet();
            return client;
        });
    }

    @AfterEach
    void tearDown() {
        client.close();
        server.close();
    }

    private static ConnectionState state(ConnectionState.Phase phase, String label, String error) {
        return new ConnectionState(phase, label, null, error);
    }

    @Test
    void asksOncePerConnectionAndOnceWhenItIsLost() {
        vm.onConnection(ConnectionState.connecting("Connecting…"));
        assertThat(vm.loadingProperty().get()).as("waiting for the connection").isTrue();
        assertThat(asked).hasValue(0);

        vm.onConnection(state(ConnectionState.Phase.ONLINE, "Hosted · a", null));
        assertThat(asked).hasValue(1);
        assertThat(vm.loadingProperty().get()).isFalse();
        assertThat(vm.autoStopProperty().get())
                .isEqualTo("Runs left recording for 30 minutes are stopped, with the outcome \u201cabandoned\u201d");
        assertThat(vm.retentionProperty().get()).isEqualTo("Off");

        vm.onConnection(state(ConnectionState.Phase.ONLINE, "Hosted · a", null));
        assertThat(asked).as("the next poll, the same server: not asked again").hasValue(1);

        vm.onConnection(state(ConnectionState.Phase.OFFLINE, "Hosted · a", "not answering"));
        vm.onConnection(state(ConnectionState.Phase.OFFLINE, "Hosted · a", "not answering"));
        assertThat(asked).as("once when lost, to say why; not at each poll").hasValue(2);

        vm.onConnection(state(ConnectionState.Phase.ONLINE, "Hosted · a", null));
        assertThat(asked).as("back: what it shows may have changed").hasValue(3);
        vm.onConnection(state(ConnectionState.Phase.ONLINE, "Hosted · b", null));
        assertThat(asked).as("another server").hasValue(4);
        assertThat(vm.policiesProperty().get().autoStopAbandoned()).isEqualTo("30m");
    }

    @Test
    void aConnectionBeingMadeOrFailedForgetsTheLastServersPolicies() {
        vm.onConnection(state(ConnectionState.Phase.ONLINE, "Hosted · a", null));
        assertThat(vm.adminProperty().get()).isTrue();

        vm.onConnection(ConnectionState.connecting("Connecting to b…"));
        assertThat(vm.policiesProperty().get()).isNull();
        assertThat(vm.autoStopProperty().get()).isNull();
        assertThat(vm.adminProperty().get()).as("another key, perhaps").isNull();
        assertThat(vm.shownBinding().get()).isTrue();

        vm.onConnection(state(ConnectionState.Phase.FAILED, "Connecting to b…", "no server at b."));
        assertThat(vm.loadingProperty().get()).isFalse();
        assertThat(vm.errorProperty().get()).isEqualTo("Not connected: no server at b.");
        assertThat(asked).hasValue(1);
    }
}
