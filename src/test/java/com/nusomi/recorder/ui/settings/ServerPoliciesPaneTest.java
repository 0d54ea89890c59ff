package com.nusomi.recorder.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nusomi.recorder.app.FxTaskRunner;
import com.nusomi.recorder.app.connection.ConnectionService;
import com.nusomi.recorder.app.connection.ConnectionState;
import com.nusomi.recorder.app.connection.Connector;
import com.nusomi.recorder.server.ApiServer;
import com.nusomi.recorder.server.ServerConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javafx.application.Platform;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The "Server policies" card on real servers through the app's real connection service and client: the three
 * policies in plain words, Off for a server without them, the other server's after a switch, and why (with the
 * request id when the server answered) when the server cannot be asked.
 */
@ExtendWith(ApplicationExtension.class)
class ServerPoliciesPaneTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path data;

    private final ExecutorService workers = Executors.newFixedThreadPool(2);
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    /** Polls health only when a test asks (checkHealth): the states come when the test wants them. */
    private final ConnectionService connection = new ConnectionService(workers, scheduler, 600_000);

    private final SimpleObjectProperty<ConnectionState> state = new SimpleObjectProperty<>();
    private ApiServer policed;
    private ApiServer plain;
    private ServerPoliciesViewModel vm;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @BeforeEach
    void setUp(FxRobot robot) {
        policed = ApiServer.start(ServerConfig.builder()
                .dataDir(data.resolve("policed"))
                .port(0)
                .retention(Duration.ofDays(90))
                .autoStopAbandoned(Duration.ofHours(12))
                .rateLimit("100/s")
                .build());
        plain = ApiServer.start(
                ServerConfig.builder().dataDir(data.resolve("plain")).port(0).build());
        // the connection's states reach the card on the UI thread, as Screens hands them over
        connection.addListener(s -> Platform.runLater(() -> state.set(s)));
        vm = new ServerPoliciesViewModel(new FxTaskRunner(workers), connection::client);
        robot.interact(() -> {
            vm.follow(state);
            stage.setScene(new Scene(new ServerPoliciesPane(vm), 720, 320));
            stage.show();
        });
    }

    @AfterEach
    void tearDown(FxRobot robot) {
        robot.interact(stage::hide);
        connection.close();
        workers.shutdownNow();
        scheduler.shutdownNow();
        policed.close();
        plain.close();
    }

    private void connect(ApiServer server, String key) {
        connection
                .reconnect(Connector.remote(server.baseUrl(), key), "Connecting")
                .join();
    }

    private static String text(FxRobot robot, String id) {
        Label l = robot.lookup(id).queryAs(Label.class);
        return l.isVisible() ? l.getText() : null;
    }

    /** Waits until the card shows {@code retention} (the first row) and nothing is loading, then reads the rows. */
    private static void awaitShown(FxRobot robot, String retention) {
        await().atMost(WAIT).until(() -> {
            WaitForAsyncUtils.waitForFxEvents();
            return retention.equals(text(robot, "#policyRetention"))
                    && !robot.lookup("#serverPoliciesLoading").query().isVisible();
        });
    }

    @Test
    void showsTheThreePoliciesInPlainWords(FxRobot robot) {
        connect(policed, policed.adminKey());

        awaitShown(robot, "Sealed runs older than 90 days are deleted (restorable for 30 days, then purged)");
        assertThat(text(robot, "#policyAutoStop"))
                .isEqualTo("Runs left recording for 12 hours are stopped, with the outcome \u201cabandoned\u201d");
        assertThat(text(robot, "#policyRateLimit"))
                .isEqualTo("Each API key may make 100 requests a second; beyond that the server answers "
                        + "\u201crate limited\u201d and says when to try again");
        assertThat(vm.adminProperty().get()).isTrue();
        assertThat(vm.shownBinding().get()).isTrue();
        assertThat(text(robot, "#serverPoliciesError")).isNull();
        assertThat(text(robot, "#serverPoliciesNote")).isNull();
    }

    @Test
    void showsOffForAServerWithoutPolicies(FxRobot robot) {
        connect(plain, plain.adminKey());

        awaitShown(robot, "Off");
        assertThat(text(robot, "#policyAutoStop")).isEqualTo("Off");
        assertThat(text(robot, "#policyRateLimit")).isEqualTo("Off");
        assertThat(text(robot, "#serverPoliciesError")).isNull();
    }

    @Test
    void switchesWhenTheConnectionChanges(FxRobot robot) {
        connect(policed, policed.adminKey());
        awaitShown(robot, "Sealed runs older than 90 days are deleted (restorable for 30 days, then purged)");

        connect(plain, plain.adminKey());
        awaitShown(robot, "Off");
        assertThat(text(robot, "#policyRateLimit")).isEqualTo("Off");

        connect(policed, policed.adminKey());
        awaitShown(robot, "Sealed runs older than 90 days are deleted (restorable for 30 days, then purged)");
        assertThat(text(robot, "#policyRateLimit")).startsWith("Each API key may make 100 requests a second");
    }

    @Test
    void aKeyWithoutTheAdminScopeIsNotShownThePolicies(FxRobot robot) {
        connect(policed, policed.createKey(Set.of("read", "write")));

        await().atMost(WAIT).until(() -> Boolean.FALSE.equals(vm.adminProperty().get()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.shownBinding().get()).as("the card is left out").isFalse();
        assertThat(vm.policiesProperty().get()).isNull();
        assertThat(robot.lookup("#serverPoliciesValues").query().isVisible()).isFalse();
    }

    @Test
    void aStoppedServerIsNamedWithTheReasonAndRefreshAsksAgain(FxRobot robot) {
        connect(plain, plain.adminKey());
        awaitShown(robot, "Off");

        String url = plain.baseUrl();
        plain.close();
        connection.checkHealth(); // the app's poll finds it gone: offline
        await().atMost(WAIT).until(() -> {
            WaitForAsyncUtils.waitForFxEvents();
            return text(robot, "#serverPoliciesError") != null;
        });
        assertThat(text(robot, "#serverPoliciesError"))
                .startsWith("Could not ask the server (Hosted \u00b7 " + url)
                .contains("The server could not be reached.")
                .endsWith("No answer came, so there is no request id.");
        assertThat(robot.lookup("#serverPoliciesValues").query().isVisible())
                .as("no stale values beside the error")
                .isFalse();

        // Refresh asks again (and fails again, the same way)
        Button refresh = robot.lookup("#serverPoliciesRefresh").queryButton();
        await().atMost(WAIT).until(() -> !refresh.isDisabled());
        robot.interact(refresh::fire);
        Node loading = robot.lookup("#serverPoliciesLoading").query();
        await().atMost(WAIT).until(() -> {
            WaitForAsyncUtils.waitForFxEvents();
            return !loading.isVisible() && text(robot, "#serverPoliciesError") != null;
        });
    }

    @Test
    void aServerThatFailsIsShownWithTheRequestId(FxRobot robot) throws Exception {
        // a 503 from the health route: a fault the real server cannot produce on demand
        try (MockWebServer failing = new MockWebServer()) {
            failing.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    boolean health = request.getTarget().startsWith("/v1/health");
                    return new MockResponse.Builder()
                            .code(health ? 503 : 200)
                            .setHeader("Content-Type", "application/json")
                            .setHeader("Request-Id", health ? "req_01HZHEALTH00000000000000000" : "req_01HZAUDIT")
                            .body(
                                    health
                                            ? "{\"error\":{\"type\":\"api_error\",\"code\":\"unavailable\","
                                                    + "\"message\":\"The database is not answering\",\"param\":null,"
                                                    + "\"request_id\":\"req_01HZHEALTH00000000000000000\"}}"
                                            : "{\"object\":\"list\",\"data\":[],\"has_more\":false,"
                                                    + "\"next_cursor\":null}")
                            .build();
                }
            });
            failing.start();
            connection
                    .reconnect(Connector.remote(failing.url("/").toString(), "nsk_test_key"), "Connecting")
                    .join();

            await().atMost(WAIT).until(() -> {
                WaitForAsyncUtils.waitForFxEvents();
                return text(robot, "#serverPoliciesError") != null;
            });
            assertThat(text(robot, "#serverPoliciesError"))
                    .contains("The database is not answering [unavailable, HTTP 503]")
                    .endsWith("(request req_01HZHEALTH00000000000000000)");
            connection.close();
        }
    }
}
