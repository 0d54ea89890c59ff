package com.nusomi.recorder.ui.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nusomi.recorder.app.connection.Connector;
import com.nusomi.recorder.boot.AppContext;
import com.nusomi.recorder.boot.Screens;
import com.nusomi.recorder.bundle.BundleVerifier;
import com.nusomi.recorder.client.model.Session;
import com.nusomi.recorder.client.request.CreateSessionRequest;
import com.nusomi.recorder.client.request.FrameUpload;
import com.nusomi.recorder.export.RecordedRun;
import com.nusomi.recorder.export.SmallRun;
import com.nusomi.recorder.ui.main.MainWindow;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javafx.application.Platform;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Labeled;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
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
 * Export… in the real main window against a real server: a recorded run's HTML guide from the detail pane holds
 * its steps; Cancel during a video leaves nothing in the folder; two selected rows as bundles give two files that
 * verify, and as one zip a zip of two bundles that verify.
 */
@ExtendWith(ApplicationExtension.class)
class ExportScreenTest {
    /** The long run's frames: enough that its video takes a while to encode. */
    static final int LONG_FRAMES = 300;

    @TempDir
    static Path data;

    static RecordedRun run;
    static String second;
    static String longRun;
    private AppContext ctx;

    @BeforeAll
    static void record() {
        run = new RecordedRun(data.resolve("server"));
        second = SmallRun.record(run.client(), "second_run").id();
        Session s = run.client()
                .sessions()
                .create(CreateSessionRequest.builder("long_run").start(true).build())
                .execute();
        Instant t0 = s.startedAt();
        for (int i = 0; i < LONG_FRAMES; i++) {
            byte[] jpeg = RecordedRun.jpeg(RecordedRun.frame(i % 6));
            run.client()
                    .frames()
                    .upload(s.id(), FrameUpload.jpeg(i, t0.plusMillis(500L * i), jpeg))
                    .execute();
        }
        longRun = run.client().sessions().stop(s.id()).execute().id();
    }

    @AfterAll
    static void stopServer() {
        run.close();
    }

    // the connection is observed through its state, which the tests await
    @SuppressWarnings("FutureReturnValueIgnored")
    @Start
    void start(Stage stage) throws Exception {
        ctx = AppContext.builder()
                .dataDir(Files.createTempDirectory(data, "app"))
                .connector(Connector.remote(run.baseUrl(), run.adminKey()))
                .useKeychain(false)
                .healthPollMillis(60_000)
                .build();
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
    void theHtmlGuideOfTheSessionShownHoldsItsSteps(FxRobot robot) throws Exception {
        select(robot, run.sessionId());
        press(robot, "#exportSession");
        Path file = data.resolve("html").resolve("guide.html");
        destination(robot, file);
        assertThat(robot.lookup("#formatHtml").queryAs(ButtonBase.class).isDisabled())
                .isFalse();
        press(robot, "#exportStart");
        awaitSummary(robot, "Done");

        assertThat(summary(robot)).isEqualTo("Done: 1 file written.");
        assertThat(robot.lookup("#exportWritten").queryListView().getItems())
                .containsExactly(file.toAbsolutePath().toString());
        assertThat(robot.lookup("#exportRuns .progress-bar")
                        .queryAs(ProgressBar.class)
                        .getProgress())
                .isEqualTo(1.0);
        Document doc = Jsoup.parse(Files.readString(file, StandardCharsets.UTF_8));
        assertThat(doc.select("section.step span.caption").eachText()).containsExactlyElementsOf(run.captions());
        assertThat(doc.select("section.step[data-kind=click] figure img")).hasSize(3);
        assertThat(doc.selectFirst("header.title h1").text()).isEqualTo(RecordedRun.WORKFLOW);
        assertThat(robot.lookup("#exportOpenFolder").queryAs(ButtonBase.class).isVisible())
                .isTrue();
    }

    @Test
    void cancelDuringAVideoLeavesNoFileInTheFolder(FxRobot robot) throws Exception {
        select(robot, longRun);
        press(robot, "#exportSession");
        press(robot, "#formatMp4");
        Path folder = Files.createDirectories(data.resolve("video"));
        destination(robot, folder.resolve("long.mp4"));
        press(robot, "#exportStart");
        ProgressBar line = robot.lookup("#exportRuns .progress-bar").queryAs(ProgressBar.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> line.getProgress() > 0);
        press(robot, "#exportCancel");
        awaitSummary(robot, "Cancelled");

        assertThat(summary(robot)).isEqualTo("Cancelled. Nothing was written; no half-written file is left.");
        assertThat(line.getProgress()).as("stopped part way").isLessThan(1);
        assertThat(robot.lookup("#exportRuns .label").queryAllAs(Labeled.class))
                .extracting(Labeled::getText)
                .contains("Cancelled");
        try (Stream<Path> left = Files.list(folder)) {
            assertThat(left).as("no video, no temporary file").isEmpty();
        }
        assertThat(robot.lookup("#exportWritten").queryListView().getItems()).isEmpty();
    }

    @Test
    void twoSelectedRowsAsBundlesGiveTwoFilesThatVerify(FxRobot robot) throws Exception {
        select(robot, run.sessionId(), second);
        press(robot, "#exportSelected");
        press(robot, "#formatBundle");
        Path folder = data.resolve("bundles");
        destination(robot, folder);
        press(robot, "#exportStart");
        awaitSummary(robot, "Done");

        assertThat(summary(robot)).isEqualTo("Done: 2 files written.");
        ProgressBar overall = robot.lookup("#exportOverall").queryAs(ProgressBar.class);
        assertThat(overall.isVisible()).isTrue();
        assertThat(overall.getProgress()).isEqualTo(1.0);
        assertThat(robot.lookup("#exportRuns .progress-bar").queryAllAs(ProgressBar.class))
                .hasSize(2)
                .allMatch(b -> b.getProgress() == 1.0);
        List<String> exported = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.sorted().toList()) {
                BundleVerifier.Result r = BundleVerifier.verify(f);
                assertThat(r.ok()).as("%s: %s %s", f, r.path(), r.problem()).isTrue();
                exported.add(r.manifest().sessionId());
            }
        }
        assertThat(exported).containsExactlyInAnyOrder(run.sessionId(), second);
    }

    @Test
    void twoSelectedRowsAsOneZipOfBundles(FxRobot robot) throws Exception {
        select(robot, run.sessionId(), second);
        press(robot, "#exportSelected");
        press(robot, "#formatBundle");
        press(robot, "#exportOneZip");
        Path zip = data.resolve("zipped").resolve("runs.zip");
        destination(robot, zip);
        press(robot, "#exportStart");
        awaitSummary(robot, "Done");

        assertThat(summary(robot)).isEqualTo("Done: 1 file written.");
        List<String> exported = new ArrayList<>();
        try (InputStream in = Files.newInputStream(zip);
                ZipInputStream entries = new ZipInputStream(in)) {
            for (ZipEntry e = entries.getNextEntry(); e != null; e = entries.getNextEntry()) {
                Path inner = data.resolve("zipped").resolve(e.getName());
                Files.copy(entries, inner);
                BundleVerifier.Result r = BundleVerifier.verify(inner);
                assertThat(r.ok())
                        .as("%s: %s %s", e.getName(), r.path(), r.problem())
                        .isTrue();
                exported.add(r.manifest().sessionId());
            }
        }
        assertThat(exported).containsExactlyInAnyOrder(run.sessionId(), second);
    }

    /** Opens the Sessions screen and selects the rows of {@code ids}; one of them is shown in the detail pane. */
    static void select(FxRobot robot, String... ids) {
        ButtonBase nav = robot.lookup("#navSessions").query();
        robot.interact(nav::fire);
        SessionsViewModel vm =
                robot.lookup("#sessionsView").queryAs(SessionsView.class).viewModel();
        TableView<Session> table = robot.lookup("#sessionsTable").queryTableView();
        await().atMost(Duration.ofSeconds(15))
                .until(() -> !vm.loadingProperty().get()
                        && Stream.of(ids)
                                .allMatch(id -> table.getItems().stream().anyMatch(s -> s.id().equals(id))));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            table.getSelectionModel().clearSelection();
            for (String id : ids) {
                for (int i = 0; i < table.getItems().size(); i++) {
                    if (table.getItems().get(i).id().equals(id)) {
                        table.getSelectionModel().select(i);
                    }
                }
            }
        });
        await().atMost(Duration.ofSeconds(15))
                .until(() -> vm.detail().sessionProperty().get() != null
                        && List.of(ids)
                                .contains(vm.detail().sessionProperty().get().id())
                        && vm.selection().size() == ids.length
                        && !vm.detail().loadingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    static void destination(FxRobot robot, Path where) {
        TextField field = robot.lookup("#exportDestination").queryAs(TextField.class);
        robot.interact(() -> field.setText(where.toString()));
    }

    static void awaitSummary(FxRobot robot, String start) {
        await().atMost(Duration.ofSeconds(60)).until(() -> summary(robot).startsWith(start));
        WaitForAsyncUtils.waitForFxEvents();
    }

    static String summary(FxRobot robot) {
        return robot.lookup("#exportSummary").queryAs(Labeled.class).getText();
    }

    static void press(FxRobot robot, String query) {
        ButtonBase b = robot.lookup(query).queryAs(ButtonBase.class);
        assertThat(b.isDisabled()).as("%s can be pressed", query).isFalse();
        Platform.runLater(b::fire);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
