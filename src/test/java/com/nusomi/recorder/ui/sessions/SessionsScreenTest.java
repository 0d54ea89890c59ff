package com.nusomi.recorder.ui.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nusomi.recorder.app.DirectTaskRunner;
import com.nusomi.recorder.app.connection.Connector;
import com.nusomi.recorder.boot.AppContext;
import com.nusomi.recorder.boot.Screens;
import com.nusomi.recorder.client.exception.GoneException;
import com.nusomi.recorder.client.exception.NotFoundException;
import com.nusomi.recorder.client.model.Session;
import com.nusomi.recorder.client.model.SessionStatus;
import com.nusomi.recorder.client.request.CreateSessionRequest;
import com.nusomi.recorder.client.request.SessionQuery;
import com.nusomi.recorder.ui.common.Debouncer;
import com.nusomi.recorder.ui.main.MainWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.controlsfx.control.CheckComboBox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Sessions screen in the real main window, driven by clicks and keys against a seeded real server. */
@ExtendWith(ApplicationExtension.class)
class SessionsScreenTest {
    @TempDir
    static Path data;

    static SessionsFixture fx;
    private AppContext ctx;
    private Stage stage;
    private SessionsViewModel vm;

    @BeforeAll
    static void seed() {
        fx = new SessionsFixture(data.resolve("server"), 1100);
    }

    @AfterAll
    static void stopServer() {
        fx.close();
    }

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        ctx = open(stage, fx.server.adminKey());
    }

    // the connection is observed through its state, which the tests await
    @SuppressWarnings("FutureReturnValueIgnored")
    private AppContext open(Stage stage, String key) throws Exception {
        AppContext c = AppContext.builder()
                .dataDir(Files.createTempDirectory(data, "app"))
                .connector(Connector.remote(fx.server.baseUrl(), key))
                .useKeychain(false)
                .healthPollMillis(60_000)
                .clock(fx.clock)
                .build();
        MainWindow window = new Screens(c).mainWindow();
        window.show(stage);
        c.connect();
        return c;
    }

    @AfterEach
    void tearDown() {
        ctx.close();
    }

    /**
     * Presses a button as a click does (its action runs on the FX thread), without the robot's slow mouse travel
     * under Monocle; a dialog the action opens stays open for the test to answer.
     */
    private static void press(FxRobot robot, String query) {
        ButtonBase b = robot.lookup(query).query();
        assertThat(b.isVisible() && !b.isDisabled())
                .as("%s can be pressed", query)
                .isTrue();
        Platform.runLater(b::fire);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Focuses the table on row {@code row} (selected), ready for keys. */
    private void focusRow(FxRobot robot, int row) {
        TableView<Session> table = table(robot);
        robot.interact(() -> {
            table.requestFocus();
            table.getSelectionModel().clearAndSelect(row);
            table.getFocusModel().focus(row);
        });
    }

    private void openSessions(FxRobot robot) {
        press(robot, "#navSessions");
        vm = robot.lookup("#sessionsView").queryAs(SessionsView.class).viewModel();
        await().atMost(Duration.ofSeconds(15)).until(() -> vm.adminProperty().get() != null && idle());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private boolean idle() {
        return !vm.loadingProperty().get() && !vm.ops().isBusy();
    }

    private void waitIdle() {
        WaitForAsyncUtils.waitForFxEvents();
        await().atMost(Duration.ofSeconds(20)).until(this::idle);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private TableView<Session> table(FxRobot robot) {
        return robot.lookup("#sessionsTable").queryTableView();
    }

    private List<String> shownIds(FxRobot robot) {
        return table(robot).getItems().stream().map(Session::id).toList();
    }

    /** Scrolls to the last row until no page is left, checking that each scroll loads one page only. */
    private List<String> scrollToTheEnd(FxRobot robot) {
        TableView<Session> table = table(robot);
        while (vm.hasMoreProperty().get()) {
            int before = table.getItems().size();
            robot.interact(() -> table.scrollTo(table.getItems().size() - 1));
            await().atMost(Duration.ofSeconds(10)).until(() -> table.getItems().size() > before && idle());
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(table.getItems().size() - before).isBetween(1, SessionsViewModel.PAGE_SIZE);
        }
        return shownIds(robot);
    }

    private void waitForRows(FxRobot robot, SessionQuery query) {
        List<String> firstPage =
                fx.ids(query).stream().limit(SessionsViewModel.PAGE_SIZE).toList();
        await().atMost(Duration.ofSeconds(15))
                .until(() -> idle() && shownIds(robot).equals(firstPage));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void filtersSetInTheBarGiveExactlyTheRowsOfTheApi(FxRobot robot) {
        openSessions(robot);
        CheckComboBox<SessionStatus> status = robot.lookup("#filterStatus").query();
        robot.interact(() -> {
            status.getCheckModel().check(SessionStatus.SEALED);
            status.getCheckModel().check(SessionStatus.STOPPED);
        });
        robot.interact(() -> robot.lookup("#filterTags").query().requestFocus());
        robot.write("reviewed");
        robot.interact(
                () -> robot.lookup("#filterSince").<ComboBox<String>>query().setValue("30d"));
        SessionQuery q = SessionQuery.builder()
                .status(SessionStatus.SEALED, SessionStatus.STOPPED)
                .tag("reviewed")
                .sinceRelative("30d")
                .build();
        waitForRows(robot, q);
        assertThat(scrollToTheEnd(robot)).isEqualTo(fx.ids(q));

        CheckComboBox<String> workflow = robot.lookup("#filterWorkflow").query();
        assertThat(workflow.getItems()).as("workflows seen so far").contains("payroll_run");
        robot.interact(() -> workflow.getCheckModel().check("payroll_run"));
        SessionQuery narrower = q.toBuilder().workflow("payroll_run").build();
        assertThat(fx.ids(narrower)).isNotEmpty();
        waitForRows(robot, narrower);
        assertThat(scrollToTheEnd(robot)).isEqualTo(fx.ids(narrower));

        press(robot, "#clearFilters");
        waitForRows(robot, SessionQuery.builder().build());
        assertThat(robot.lookup("#filterTags").queryTextInputControl().getText())
                .isEmpty();
        assertThat(status.getCheckModel().getCheckedItems()).isEmpty();
    }

    @Test
    void scrollingLoadsTheNextPagesOneAtATimeAndStopsAtTheEnd(FxRobot robot) {
        openSessions(robot);
        TableView<Session> table = table(robot);
        assertThat(table.getItems()).hasSize(SessionsViewModel.PAGE_SIZE);
        assertThat(robot.lookup("#rowCount").queryLabeled().getText()).contains("100 sessions loaded, more to load");

        // keyboard: End jumps to the last row, which brings the next page
        focusRow(robot, 1);
        robot.type(KeyCode.END);
        await().atMost(Duration.ofSeconds(10)).until(() -> table.getItems().size() == 2 * SessionsViewModel.PAGE_SIZE);
        waitIdle();

        List<String> all = scrollToTheEnd(robot);
        assertThat(all).isEqualTo(fx.ids(SessionQuery.builder().build()));
        assertThat(vm.hasMoreProperty().get()).isFalse();
        assertThat(robot.lookup("#rowCount").queryLabeled().getText()).isEqualTo(all.size() + " sessions");
        robot.interact(() -> table.scrollTo(table.getItems().size() - 1));
        waitIdle();
        assertThat(table.getItems()).hasSize(all.size());
    }

    @Test
    void aHeaderClickLeavesTheRowsInTheServersOrderAcrossPages(FxRobot robot) {
        openSessions(robot);
        TableView<Session> table = table(robot);
        List<String> serverOrder = fx.ids(SessionQuery.builder().build());
        assertThat(serverOrder).hasSizeGreaterThan(2 * SessionsViewModel.PAGE_SIZE);
        assertThat(table.getColumns())
                .allSatisfy(c -> assertThat(c.isSortable()).as(c.getText()).isFalse());
        List<Label> titles = robot.from(table).lookup(".column-header").queryAll().stream()
                .filter(TableColumnHeader.class::isInstance)
                .flatMap(h -> ((Parent) h).getChildrenUnmodifiable().stream())
                .filter(Label.class::isInstance)
                .map(Label.class::cast)
                .toList();
        assertThat(titles)
                .extracting(Label::getText)
                .containsExactlyElementsOf(
                        table.getColumns().stream().map(TableColumn::getText).toList());
        assertThat(titles)
                .allSatisfy(t ->
                        assertThat(t.getTooltip().getText()).as(t.getText()).isEqualTo(SessionsTable.NOT_SORTABLE));

        // the id is the one column whose sorted order would always differ from the server's (newest first)
        Label id = titles.stream()
                .filter(t -> t.getText().equals("Id"))
                .findFirst()
                .orElseThrow();
        robot.clickOn(id);
        robot.clickOn(titles.stream()
                .filter(t -> t.getText().equals("Started"))
                .findFirst()
                .orElseThrow());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getSortOrder()).isEmpty();
        assertThat(shownIds(robot)).isEqualTo(serverOrder.subList(0, SessionsViewModel.PAGE_SIZE));

        robot.interact(() -> table.scrollTo(table.getItems().size() - 1));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> table.getItems().size() == 2 * SessionsViewModel.PAGE_SIZE && idle());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shownIds(robot)).isEqualTo(serverOrder.subList(0, 2 * SessionsViewModel.PAGE_SIZE));
    }

    @Test
    void copyIdPutsTheSelectedIdsOnTheClipboard(FxRobot robot) {
        openSessions(robot);
        TableView<Session> table = table(robot);
        focusRow(robot, 2);
        robot.press(KeyCode.CONTROL).type(KeyCode.C).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        String[] copied = new String[1];
        robot.interact(() -> copied[0] = Clipboard.getSystemClipboard().getString());
        assertThat(copied[0]).isEqualTo(table.getItems().get(2).id());
        assertThat(robot.lookup("#detailTitle").queryLabeled().getText())
                .isEqualTo(table.getItems().get(2).id());
    }

    @Test
    void detailShowsADashForWhatTheSessionDoesNotHave(FxRobot robot) {
        openSessions(robot);
        TableView<Session> table = table(robot);
        focusRow(robot, 2);
        Session shown = table.getItems().get(2);
        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        robot.lookup("#detailTitle").queryLabeled().getText().equals(shown.id()));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(shown.deletedAt()).isNull();
        assertThat(robot.lookup("#detailDeleted").queryLabeled().getText()).isEqualTo("—");
        assertThat(robot.lookup("#detailPurgeat").queryLabeled().getText()).isEqualTo("—");
        assertThat(robot.lookup("#detailWorkflow").queryLabeled().getText()).isEqualTo(shown.workflow());
    }

    @Test
    void refreshShowsNewSessionsAndKeepsTheSelection(FxRobot robot) {
        openSessions(robot);
        TableView<Session> table = table(robot);
        focusRow(robot, 4);
        String selected = table.getSelectionModel().getSelectedItem().id();
        Session fresh = fx.admin
                .sessions()
                .create(CreateSessionRequest.builder("ui_refresh").build())
                .execute();
        robot.type(KeyCode.F5);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> idle() && shownIds(robot).get(0).equals(fresh.id()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getSelectionModel().getSelectedItem().id()).isEqualTo(selected);
        assertThat(vm.selection()).extracting(Session::id).containsExactly(selected);
    }

    @Test
    void batchStopOf250SelectedSessionsStopsExactlyThose(FxRobot robot) {
        List<String> seeded = fx.seedLive("ui_batch", 300);
        openSessions(robot);
        press(robot, "#refresh"); // the screen loaded before the test seeded
        waitForRows(robot, SessionQuery.builder().build());
        CheckComboBox<String> workflow = robot.lookup("#filterWorkflow").query();
        assertThat(workflow.getItems()).as("workflows seen so far").contains("ui_batch");
        robot.interact(() -> workflow.getCheckModel().check("ui_batch"));
        SessionQuery q = SessionQuery.builder().workflow("ui_batch").build();
        waitForRows(robot, q);
        TableView<Session> table = table(robot);
        assertThat(scrollToTheEnd(robot)).hasSize(300);
        robot.interact(() -> table.getSelectionModel().selectRange(25, 275));
        List<String> chosen = table.getSelectionModel().getSelectedItems().stream()
                .map(Session::id)
                .toList();
        assertThat(chosen).hasSize(250);

        press(robot, "#stopSelected");
        assertThat(table.isFocused()).as("the keyboard is back in the table").isTrue();
        waitIdle();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> String.valueOf(
                                robot.lookup("#actionMessage").queryLabeled().getText())
                        .startsWith("Stopped"));
        assertThat(robot.lookup("#actionMessage").queryLabeled().getText()).isEqualTo("Stopped 250 of 250 sessions.");
        List<String> stopped =
                fx.ids(q.toBuilder().status(SessionStatus.STOPPED).build());
        assertThat(stopped).containsExactlyInAnyOrderElementsOf(chosen);
        List<String> untouched = new ArrayList<>(seeded);
        untouched.removeAll(chosen);
        assertThat(fx.ids(q.toBuilder()
                        .status(SessionStatus.CREATED, SessionStatus.RECORDING)
                        .build()))
                .containsExactlyInAnyOrderElementsOf(untouched);
        // the table shows the new statuses and still has the same rows selected
        await().atMost(Duration.ofSeconds(10))
                .until(() -> idle()
                        && table.getSelectionModel().getSelectedItems().stream()
                                .allMatch(s -> s.status() == SessionStatus.STOPPED));
        assertThat(table.getSelectionModel().getSelectedItems()).hasSize(250);
    }

    @Test
    void findAbandonedShowsTheCountAndStopsExactlyTheStaleOnesOnConfirmation(FxRobot robot) {
        Instant real = fx.now.get();
        List<String> stale = new ArrayList<>();
        String fresh;
        try {
            fx.now.set(real.minus(Duration.ofHours(8)));
            for (int i = 0; i < 3; i++) {
                stale.add(fx.admin
                        .sessions()
                        .create(CreateSessionRequest.builder("ui_abandoned")
                                .start(true)
                                .build())
                        .execute()
                        .id());
            }
            fx.now.set(real.minus(Duration.ofHours(2)));
            fresh = fx.admin
                    .sessions()
                    .create(CreateSessionRequest.builder("ui_abandoned")
                            .start(true)
                            .build())
                    .execute()
                    .id();
        } finally {
            fx.now.set(real);
        }
        Instant cutoff = real.minus(Duration.ofHours(6));
        List<String> expected = fx
                .admin
                .sessions()
                .listAll(SessionQuery.builder()
                        .status(SessionStatus.RECORDING)
                        .limit(500)
                        .build())
                .stream()
                .filter(s -> s.startedAt().isBefore(cutoff))
                .map(Session::id)
                .toList();
        assertThat(expected).containsAll(stale).doesNotContain(fresh);

        openSessions(robot);
        press(robot, "#findAbandoned");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> robot.lookup("#confirmStopAbandoned").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".dialog-pane .header-panel .label")
                        .queryLabeled()
                        .getText())
                .startsWith(expected.size() + " sessions have been recording for longer than 6 hours");
        press(robot, "#confirmStopAbandoned");
        waitIdle();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> String.valueOf(
                                robot.lookup("#actionMessage").queryLabeled().getText())
                        .startsWith("Stopped"));
        for (String id : expected) {
            assertThat(fx.admin.sessions().get(id).execute().status()).isEqualTo(SessionStatus.STOPPED);
        }
        assertThat(fx.admin.sessions().get(fresh).execute().status()).isEqualTo(SessionStatus.RECORDING);
    }

    @Test
    void deleteThenUndoRestoresTheSessions(FxRobot robot) {
        openSessions(robot);
        TableView<Session> table = table(robot);
        focusRow(robot, 1);
        robot.press(KeyCode.SHIFT).type(KeyCode.DOWN, 2).release(KeyCode.SHIFT);
        List<String> chosen = table.getSelectionModel().getSelectedItems().stream()
                .map(Session::id)
                .toList();
        assertThat(chosen).hasSize(3);
        assertThat(robot.lookup("#deleteSelected").queryButton().isDisabled()).isFalse();
        robot.type(KeyCode.DELETE); // the same soft delete as the toolbar's Delete
        await().atMost(Duration.ofSeconds(10))
                .until(() -> robot.lookup("#undoBar").queryAs(HBox.class).isVisible());
        waitIdle();
        assertThat(shownIds(robot)).doesNotContainAnyElementsOf(chosen);
        assertThat(robot.lookup("#undoMessage").queryLabeled().getText()).isEqualTo("Deleted 3 sessions.");
        for (String id : chosen) {
            Assertions.assertThrows(
                    GoneException.class, () -> fx.admin.sessions().get(id).execute());
        }
        press(robot, "#undoDelete");
        waitIdle();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> idle() && shownIds(robot).containsAll(chosen));
        for (String id : chosen) {
            assertThat(fx.admin.sessions().get(id).execute().deletedAt()).isNull();
        }
        assertThat(robot.lookup("#undoBar").queryAs(HBox.class).isVisible()).isFalse();
    }

    @Test
    void deletePermanentlyNeedsTheTypedCountAndTheAdminScope(FxRobot robot) {
        openSessions(robot);
        assertThat(robot.lookup("#deletePermanently").queryButton().isVisible()).isTrue();
        TableView<Session> table = table(robot);
        focusRow(robot, 5);
        robot.press(KeyCode.SHIFT).type(KeyCode.DOWN).release(KeyCode.SHIFT);
        List<String> chosen = table.getSelectionModel().getSelectedItems().stream()
                .map(Session::id)
                .toList();
        assertThat(chosen).hasSize(2);
        press(robot, "#deletePermanently");
        WaitForAsyncUtils.waitForFxEvents();
        Button ok = robot.lookup("#confirmDeletePermanently").queryButton();
        TextInputControl typed = robot.lookup("#confirmCount").queryTextInputControl();
        assertThat(ok.isDisabled()).isTrue();
        robot.interact(() -> typed.setText("3"));
        assertThat(ok.isDisabled()).isTrue();
        robot.interact(() -> typed.setText("2"));
        assertThat(ok.isDisabled()).isFalse();
        press(robot, "#confirmDeletePermanently");
        waitIdle();
        for (String id : chosen) {
            Assertions.assertThrows(
                    NotFoundException.class, () -> fx.admin.sessions().get(id).execute());
        }
        await().atMost(Duration.ofSeconds(10))
                .until(() -> idle() && !shownIds(robot).contains(chosen.get(0)));
    }

    @Test
    void withoutTheAdminScopeThereIsNoPermanentDeleteAndNoTrash(FxRobot robot) throws Exception {
        ctx.close();
        String writerKey = fx.server.createKey(Set.of("read", "write"));
        robot.interact(() -> {
            try {
                ctx = open(stage, writerKey);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        openSessions(robot);
        assertThat(vm.adminProperty().get()).isFalse();
        assertThat(robot.lookup("#deletePermanently").queryButton().isVisible()).isFalse();
        assertThat(robot.lookup("#trashToggle").queryAs(ToggleButton.class).isVisible())
                .isFalse();
        assertThat(robot.lookup("#deleteSelected").queryButton().isVisible()).isTrue();
    }

    @Test
    void theTrashShowsDeletedSessionsAndRestoresThem(FxRobot robot) {
        Session a = fx.admin
                .sessions()
                .create(CreateSessionRequest.builder("ui_trash").build())
                .execute();
        fx.admin.sessions().delete(a.id()).execute();
        openSessions(robot);
        press(robot, "#trashToggle");
        waitIdle();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> idle() && shownIds(robot).contains(a.id()));
        assertThat(robot.lookup("#restoreSelected").queryButton().isVisible()).isTrue();
        TableView<Session> table = table(robot);
        int row = shownIds(robot).indexOf(a.id());
        robot.interact(() -> table.getSelectionModel().clearAndSelect(row));
        press(robot, "#restoreSelected");
        waitIdle();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> idle() && !shownIds(robot).contains(a.id()));
        assertThat(fx.admin.sessions().get(a.id()).execute().deletedAt()).isNull();
        press(robot, "#trashToggle");
        waitIdle();
        assertThat(shownIds(robot)).contains(a.id());
    }

    /** Fires a menu item of the Saved filters menu as a click does; a dialog it opens stays open. */
    private static void chooseSaved(FxRobot robot, String id) {
        MenuButton menu = robot.lookup("#savedFilters").queryAs(MenuButton.class);
        MenuItem item = menu.getItems().stream()
                .filter(i -> id.equals(i.getId()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no menu item " + id));
        Platform.runLater(item::fire);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static List<String> savedMenuNames(FxRobot robot) {
        return robot.lookup("#savedFilters").queryAs(MenuButton.class).getItems().stream()
                .filter(i -> i.getStyleClass().contains("saved-filter"))
                .map(MenuItem::getText)
                .toList();
    }

    private void saveFiltersAs(FxRobot robot, String name) {
        chooseSaved(robot, "saveFilters");
        robot.interact(
                () -> robot.lookup("#savedFilterName").queryTextInputControl().setText(name));
        press(robot, "#confirmSaveFilters");
    }

    @Test
    void aSavedFilterIsDeletedFromTheManageDialogAndStaysDeletedAfterARestart(FxRobot robot) throws Exception {
        openSessions(robot);
        CheckComboBox<SessionStatus> status = robot.lookup("#filterStatus").query();
        robot.interact(() -> status.getCheckModel().check(SessionStatus.SEALED));
        saveFiltersAs(robot, "sealed");
        robot.interact(() -> status.getCheckModel().check(SessionStatus.STOPPED));
        saveFiltersAs(robot, "finished");
        assertThat(savedMenuNames(robot)).containsExactly("sealed", "finished");
        robot.interact(() -> status.getCheckModel().clearChecks());

        chooseSaved(robot, "manageSavedFilters");
        ListView<String> list = robot.lookup("#savedFilterList").queryListView();
        assertThat(list.getItems()).containsExactly("sealed", "finished");
        robot.interact(() -> list.getSelectionModel().select("sealed"));
        assertThat(robot.lookup("#savedFilterSummary").queryLabeled().getText()).isEqualTo("Status: sealed");
        press(robot, "#deleteSavedFilter");
        press(robot, "#confirmDeleteSavedFilter");
        assertThat(list.getItems()).containsExactly("finished");
        assertThat(list.getSelectionModel().getSelectedItem())
                .as("a row stays chosen")
                .isEqualTo("finished");
        assertThat(savedMenuNames(robot)).containsExactly("finished");
        assertThat(vm.filters().getFilters().statuses())
                .as("the filters in use are not touched")
                .isEmpty();
        press(robot, "#closeSavedFilters");

        // what a restart reads: the file in the data folder
        FilterStore store = new FilterStore(ctx.dataDir(), Runnable::run);
        await().atMost(Duration.ofSeconds(10)).until(() -> !store.load().saved().containsKey("sealed"));
        assertThat(store.load().saved()).containsOnlyKeys("finished");
        assertThat(store.load().saved().get("finished").statuses())
                .containsExactlyInAnyOrder(SessionStatus.SEALED, SessionStatus.STOPPED);

        // a restart of the screen on the same data folder offers only what is left
        SessionsViewModel again = new SessionsViewModel(
                new DirectTaskRunner(), () -> fx.admin, store, Debouncer.immediate(), Debouncer.immediate(), fx.clock);
        again.start();
        assertThat(again.savedFilterNames()).containsExactly("finished");
    }

    @Test
    void deletingASavedFilterCanBeCancelledAndRenamingKeepsItsFilters(FxRobot robot) {
        openSessions(robot);
        robot.interact(
                () -> robot.lookup("#filterSince").<ComboBox<String>>query().setValue("7d"));
        saveFiltersAs(robot, "this week");
        chooseSaved(robot, "manageSavedFilters");
        ListView<String> list = robot.lookup("#savedFilterList").queryListView();
        assertThat(list.getSelectionModel().getSelectedItem()).isEqualTo("this week");

        press(robot, "#deleteSavedFilter");
        press(robot, "#cancelDeleteSavedFilter");
        assertThat(list.getItems()).containsExactly("this week");
        assertThat(vm.savedFilterNames()).containsExactly("this week");

        press(robot, "#renameSavedFilter");
        TextInputControl name = robot.lookup("#savedFilterNewName").queryTextInputControl();
        robot.interact(() -> name.setText("  "));
        assertThat(robot.lookup("#confirmRenameSavedFilter").queryButton().isDisabled())
                .isTrue();
        robot.interact(() -> name.setText("last 7 days"));
        press(robot, "#confirmRenameSavedFilter");
        assertThat(list.getItems()).containsExactly("last 7 days");
        assertThat(savedMenuNames(robot)).containsExactly("last 7 days");
        press(robot, "#closeSavedFilters");

        robot.interact(
                () -> robot.lookup("#filterSince").<ComboBox<String>>query().setValue(FilterBar.ANY_TIME));
        waitIdle();
        chooseSaved(robot, "manageSavedFilters");
        press(robot, "#openSavedFilter");
        assertThat(vm.filters().getFilters().since()).isEqualTo("7d");
        assertThat(robot.lookup("#filterSince").<ComboBox<String>>query().getValue())
                .isEqualTo("7d");
    }
}
