package com.nusomi.recorder.ui.sessions;

import static com.nusomi.recorder.ui.sessions.ExportScreenTest.press;
import static com.nusomi.recorder.ui.sessions.ExportScreenTest.select;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nusomi.recorder.app.connection.Connection;
import com.nusomi.recorder.app.connection.Connector;
import com.nusomi.recorder.boot.AppContext;
import com.nusomi.recorder.boot.Screens;
import com.nusomi.recorder.client.SessionsClient;
import com.nusomi.recorder.client.model.Frame;
import com.nusomi.recorder.client.model.Session;
import com.nusomi.recorder.client.model.SessionStatus;
import com.nusomi.recorder.client.request.SessionQuery;
import com.nusomi.recorder.export.RecordedRun;
import com.nusomi.recorder.recorder.spool.ServerKey;
import com.nusomi.recorder.server.ApiServer;
import com.nusomi.recorder.server.ServerConfig;
import com.nusomi.recorder.ui.main.MainWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Send to server… between two real servers: the app works on its embedded server (the recorded run's) with a
 * team server set in Settings. A send gives a session there with the same frame hashes; a second send gives the
 * same session ("already there"); the local copy can then be deleted, with Undo; a wrong key is a readable
 * message with the request id.
 */
@ExtendWith(ApplicationExtension.class)
class SendToServerScreenTest {
    @TempDir
    static Path data;

    static RecordedRun run;
    static ApiServer team;
    static SessionsClient teamClient;
    private AppContext ctx;

    @BeforeAll
    static void servers() {
        run = new RecordedRun(data.resolve("embedded"));
        team = ApiServer.start(
                ServerConfig.builder().dataDir(data.resolve("team")).port(0).build());
        teamClient = SessionsClient.builder()
                .baseUrl(team.baseUrl())
                .apiKey(team.adminKey())
                .build();
        // a sealed run exports to the same bytes each time
        await().atMost(Duration.ofSeconds(15))
                .until(() ->
                        run.client().sessions().get(run.sessionId()).execute().status() == SessionStatus.SEALED);
    }

    @AfterAll
    static void stopServers() {
        teamClient.close();
        team.close();
        run.close();
    }

    // the connection is observed through its state, which the tests await
    @SuppressWarnings("FutureReturnValueIgnored")
    @Start
    void start(Stage stage) throws Exception {
        // the recorded run's server, as the app's embedded one
        Connector embedded = () -> new Connection(
                Connector.client(run.baseUrl(), run.adminKey()),
                Connection.Kind.EMBEDDED,
                run.baseUrl(),
                ServerKey.embedded(data.resolve("embedded")),
                null);
        ctx = AppContext.builder()
                .dataDir(Files.createTempDirectory(data, "app"))
                .connector(embedded)
                .useKeychain(false)
                .healthPollMillis(60_000)
                .build();
        ctx.settings().hostedBaseUrl = team.baseUrl();
        MainWindow window = new Screens(ctx).mainWindow();
        window.show(stage);
        stage.setWidth(1400);
        stage.setHeight(900);
        ctx.connect();
    }

    @AfterEach
    void tearDown() {
        ctx.close();
    }

    @Test
    void aSentRunHasTheSameFramesThereAndASecondSendFindsIt(FxRobot robot) throws Exception {
        ctx.secrets().save(team.adminKey());
        select(robot, run.sessionId());
        awaitShown(robot, "#sendSession");
        press(robot, "#sendSession");
        press(robot, "#sendStart");
        awaitSummary(robot, "Sent");

        String sent = robot.lookup("#sendTargetId").queryAs(TextField.class).getText();
        assertThat(summary(robot))
                .isEqualTo("Sent: " + team.baseUrl() + " has the run as " + sent + "; 6 frames verified.");
        Session there = teamClient.sessions().get(sent).execute();
        assertThat(there.importedFrom().sessionId()).isEqualTo(run.sessionId());
        assertThat(there.status()).isEqualTo(SessionStatus.SEALED);
        assertThat(frames(teamClient, sent))
                .isEqualTo(frames(run.client(), run.sessionId()))
                .hasSize(6);

        press(robot, "#sendStart"); // "Send again"
        awaitSummary(robot, "Already there");
        assertThat(robot.lookup("#sendTargetId").queryAs(TextField.class).getText())
                .isEqualTo(sent);
        assertThat(summary(robot))
                .isEqualTo("Already there: " + team.baseUrl() + " has this run as " + sent + "; 6 frames verified.");
        assertThat(importsOf(run.sessionId())).containsExactly(sent);

        press(robot, "#sendDeleteLocal");
        await().atMost(Duration.ofSeconds(15))
                .until(() -> robot.lookup("#undoBar").queryAs(Node.class).isVisible());
        assertThat(robot.lookup("#sendDialog").tryQuery())
                .as("the dialog closed")
                .isEmpty();
        assertThat(listed(run.client(), run.sessionId())).as("deleted here").isFalse();
        press(robot, "#undoDelete");
        await().atMost(Duration.ofSeconds(15)).until(() -> listed(run.client(), run.sessionId()));
    }

    @Test
    void aWrongKeyIsAReadableMessageWithTheRequestId(FxRobot robot) throws Exception {
        ctx.secrets().save("sk_live_not_a_key_of_that_server");
        select(robot, run.sessionId());
        awaitShown(robot, "#sendSession");
        press(robot, "#sendSession");
        press(robot, "#sendStart");
        Labeled failure = robot.lookup("#sendFailure").queryAs(Labeled.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> failure.isVisible());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(summary(robot)).isEqualTo("The run was not sent.");
        assertThat(failure.getText())
                .contains("HTTP 401")
                .containsPattern("\\(request id req_\\w+\\)")
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
        assertThat(robot.lookup("#sendDeleteLocal").queryAs(Node.class).isVisible())
                .as("nothing sent, nothing to delete")
                .isFalse();
    }

    private static void awaitShown(FxRobot robot, String query) {
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            ButtonBase b = robot.lookup(query).queryAs(ButtonBase.class);
            return b.isVisible() && !b.isDisabled();
        });
    }

    private static void awaitSummary(FxRobot robot, String start) {
        await().atMost(Duration.ofSeconds(60)).until(() -> summary(robot).startsWith(start));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String summary(FxRobot robot) {
        return robot.lookup("#sendSummary").queryAs(Labeled.class).getText();
    }

    private static Map<Long, String> frames(SessionsClient client, String id) {
        Map<Long, String> hashes = new LinkedHashMap<>();
        for (Frame f : client.frames().listAll(id)) {
            hashes.put(f.seq(), f.sha256());
        }
        return hashes;
    }

    /** The team server's sessions imported from {@code id}. */
    private static List<String> importsOf(String id) {
        List<String> found = new ArrayList<>();
        for (Session s :
                teamClient.sessions().listAll(SessionQuery.builder().limit(100).build())) {
            if (s.importedFrom() != null && id.equals(s.importedFrom().sessionId())) {
                found.add(s.id());
            }
        }
        return found;
    }

    private static boolean listed(SessionsClient client, String id) {
        for (Session s :
                client.sessions().listAll(SessionQuery.builder().limit(100).build())) {
            if (s.id().equals(id)) {
                return true;
            }
        }
        return false;
    }
}
