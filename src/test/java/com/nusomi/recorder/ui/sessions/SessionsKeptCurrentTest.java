package com.nusomi.recorder.ui.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nusomi.recorder.app.FxTaskRunner;
import com.nusomi.recorder.app.SessionsChanged;
import com.nusomi.recorder.app.connection.ConnectionState;
import com.nusomi.recorder.app.settings.Settings;
import com.nusomi.recorder.client.SessionsClient;
import com.nusomi.recorder.client.model.Session;
import com.nusomi.recorder.client.model.SessionStatus;
import com.nusomi.recorder.client.request.CreateSessionRequest;
import com.nusomi.recorder.ui.common.Debouncer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.layout.StackPane;
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
 * The Sessions list stays current without a Refresh: the periodic reload (its timer driven by the test) shows a
 * status changed on the server and keeps the selection, the scroll position and the detail pane; the app's own
 * changes reload at once; a connection switch drops the old server's rows at once.
 */
@ExtendWith(ApplicationExtension.class)
class SessionsKeptCurrentTest {
    static final int SESSIONS = 120;

    @TempDir
    static Path data;

    static SessionsFixture fx;
    static SessionsFixture other;
    static final ExecutorService workers = Executors.newFixedThreadPool(2);

    private final SessionsViewModelTest.ManualTimer poll = new SessionsViewModelTest.ManualTimer();
    private final SimpleObjectProperty<ConnectionState> state =
            new SimpleObjectProperty<>(SessionsLifecycleTest.online("first"));
    private final AtomicReference<SessionsClient> client = new AtomicReference<>();
    private final SessionsChanged changes = new SessionsChanged();
    private Stage stage;
    private SessionsView view;
    private SessionsViewModel vm;

    @BeforeAll
    static void seed() {
        fx = new SessionsFixture(data.resolve("first"), SESSIONS);
        other = new SessionsFixture(data.resolve("second"), 3);
    }

    @AfterAll
    static void stopServers() {
        workers.shutdownNow();
        fx.close();
        other.close();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        client.set(fx.admin);
        vm = new SessionsViewModel(
                new FxTaskRunner(workers), client::get, null, Debouncer.immediate(), Debouncer.immediate(), fx.clock);
        vm.keepCurrent().follow(changes);
        vm.keepCurrent().poll(poll);
        view = new SessionsView(vm).start(state, new Settings(), () -> {});
        stage.setScene(new Scene(new StackPane(view), 1200, 760));
        stage.show();
    }

    @AfterEach
    void dispose(FxRobot robot) {
        robot.interact(view::dispose);
    }

    private void waitLoaded() {
        WaitForAsyncUtils.waitForFxEvents();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !vm.loadingProperty().get()
                        && !vm.ops().isBusy()
                        && !vm.detail().loadingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private TableView<Session> table(FxRobot robot) {
        return robot.lookup("#sessionsTable").queryTableView();
    }

    private static int firstVisible(TableView<Session> table) {
        VirtualFlow<?> flow = (VirtualFlow<?>) table.lookup(".virtual-flow");
        return flow.getFirstVisibleCell().getIndex();
    }

    private int indexOf(String id) {
        for (int i = 0; i < vm.rows().size(); i++) {
            if (vm.rows().get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void thePeriodicReloadShowsAStatusChangeAndKeepsSelectionScrollAndDetail(FxRobot robot) {
        waitLoaded();
        assertThat(vm.rows()).hasSize(SessionsViewModel.PAGE_SIZE);
        assertThat(poll.pending)
                .as("a reload is planned while the screen is shown")
                .isNotNull();

        // a recording session well down the list, selected, and the list scrolled to it
        int row = 40;
        while (vm.rows().get(row).status() != SessionStatus.RECORDING) {
            row++;
        }
        Session picked = vm.rows().get(row);
        int at = row;
        TableView<Session> table = table(robot);
        robot.interact(() -> {
            table.getSelectionModel().clearAndSelect(at);
            table.scrollTo(at - 3);
        });
        waitLoaded();
        int scrolled = firstVisible(table);
        assertThat(scrolled).isGreaterThan(10);
        Session detailBefore = vm.detail().sessionProperty().get();
        assertThat(detailBefore.id()).isEqualTo(picked.id());

        // a reload that finds nothing new changes nothing on screen: not even the detail pane's session
        robot.interact(poll::elapse);
        waitLoaded();
        assertThat(vm.detail().sessionProperty().get())
                .as("the detail pane is not read again for an unchanged row")
                .isSameAs(detailBefore);

        // another client stops it: the next periodic reload shows it stopped, in the same place
        fx.admin.sessions().stop(picked.id()).execute();
        assertThat(poll.pending).isNotNull();
        robot.interact(poll::elapse);
        waitLoaded();
        assertThat(vm.rows().get(row).id()).isEqualTo(picked.id());
        assertThat(vm.rows().get(row).status()).isEqualTo(SessionStatus.STOPPED);
        assertThat(table.getSelectionModel().getSelectedIndices()).containsExactly(row);
        assertThat(vm.selectedIds()).containsExactly(picked.id());
        assertThat(firstVisible(table)).as("the scroll position is kept").isEqualTo(scrolled);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> vm.detail().sessionProperty().get().status() == SessionStatus.STOPPED);

        // a session created meanwhile comes in at the top, the selected row moving down one with it
        Session created = fx.admin
                .sessions()
                .create(CreateSessionRequest.builder("refund_order").build())
                .execute();
        robot.interact(poll::elapse);
        waitLoaded();
        assertThat(vm.rows().get(0).id()).isEqualTo(created.id());
        assertThat(vm.selectedIds()).containsExactly(picked.id());
        assertThat(indexOf(picked.id())).isEqualTo(row + 1);
    }

    @Test
    void theUsersWorkPostponesThePollAndAHiddenScreenDoesNotPoll(FxRobot robot) {
        waitLoaded();
        Runnable planned = poll.pending;
        assertThat(planned).isNotNull();
        poll.pending = null;
        robot.interact(() -> vm.keepCurrent().userActive());
        assertThat(poll.pending)
                .as("typing or scrolling plans the poll again, a whole period away")
                .isNotNull();

        robot.interact(() -> stage.getScene().setRoot(new StackPane()));
        assertThat(poll.pending).as("no poll while the screen is out of view").isNull();
        robot.interact(() -> vm.keepCurrent().userActive());
        assertThat(poll.pending).isNull();

        // a change while hidden is read when the screen is shown again
        Session created = fx.admin
                .sessions()
                .create(CreateSessionRequest.builder("payroll_run").build())
                .execute();
        changes.changed(created.id());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.rows()).extracting(Session::id).doesNotContain(created.id());
        robot.interact(() -> stage.getScene().setRoot(new StackPane(view)));
        waitLoaded();
        assertThat(vm.rows().get(0).id()).isEqualTo(created.id());
        assertThat(poll.pending).isNotNull();
    }

    @Test
    void theAppsOwnChangesReloadAtOnce(FxRobot robot) {
        waitLoaded();
        Session created = fx.admin
                .sessions()
                .create(CreateSessionRequest.builder("onboard_vendor").build())
                .execute();
        changes.changed(created.id()); // as the Record screen or the recorder tells it, from any thread
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !vm.rows().isEmpty() && vm.rows().get(0).id().equals(created.id()));
    }

    @Test
    void aConnectionSwitchDropsTheOldRowsAtOnceAndSaysWhereItLoadsFrom(FxRobot robot) {
        waitLoaded();
        assertThat(vm.rows()).hasSize(SessionsViewModel.PAGE_SIZE);
        Label empty = robot.lookup("#sessionsEmpty").queryAs(Label.class);
        int[] rowsRightAfter = {-1};
        String[] textRightAfter = {null};
        robot.interact(() -> {
            state.set(ConnectionState.connecting("second"));
            client.set(other.admin);
            state.set(SessionsLifecycleTest.online("second"));
            // in the same turn of the UI thread: the new server cannot have answered yet
            rowsRightAfter[0] = vm.rows().size();
            textRightAfter[0] = empty.getText();
        });
        assertThat(rowsRightAfter[0])
                .as("the old server's rows are gone at once")
                .isZero();
        assertThat(textRightAfter[0]).isEqualTo("Loading from second\u2026");
        waitLoaded();
        assertThat(vm.rows()).hasSize(3);
        assertThat(vm.loadingFromProperty().get()).isNull();
    }
}
