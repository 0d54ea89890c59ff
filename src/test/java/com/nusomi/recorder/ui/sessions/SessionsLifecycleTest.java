package com.nusomi.recorder.ui.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nusomi.recorder.app.DirectTaskRunner;
import com.nusomi.recorder.app.FxTaskRunner;
import com.nusomi.recorder.app.connection.ConnectionService;
import com.nusomi.recorder.app.connection.ConnectionState;
import com.nusomi.recorder.app.settings.Settings;
import com.nusomi.recorder.ui.common.Debouncer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javafx.beans.InvalidationListener;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.scene.Scene;
import javafx.scene.control.MenuButton;
import javafx.stage.Stage;
import javafx.util.Subscription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Disposing the Sessions screen lets go of what it listened to that lives longer than the screen. */
@ExtendWith(ApplicationExtension.class)
class SessionsLifecycleTest {
    static final int SESSIONS = 30;

    @TempDir
    static Path data;

    static SessionsFixture fx;
    static final ExecutorService workers = Executors.newFixedThreadPool(2);
    private Stage stage;

    @BeforeAll
    static void seed() {
        fx = new SessionsFixture(data.resolve("server"), SESSIONS);
    }

    @AfterAll
    static void stopServer() {
        workers.shutdownNow();
        fx.close();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    /** The connection's state, as the app hands it to the screen, counting the listeners it has. */
    static final class CountedState extends SimpleObjectProperty<ConnectionState> {
        int listeners;

        CountedState(ConnectionState initial) {
            super(initial);
        }

        @Override
        public void addListener(ChangeListener<? super ConnectionState> listener) {
            listeners++;
            super.addListener(listener);
        }

        @Override
        public void removeListener(ChangeListener<? super ConnectionState> listener) {
            listeners--;
            super.removeListener(listener);
        }

        @Override
        public void addListener(InvalidationListener listener) {
            listeners++;
            super.addListener(listener);
        }

        @Override
        public void removeListener(InvalidationListener listener) {
            listeners--;
            super.removeListener(listener);
        }
    }

    static ConnectionState online(String label) {
        return new ConnectionState(ConnectionState.Phase.ONLINE, label, null, null);
    }

    /** A view model on the fixture's server, its calls made on {@code workers}. */
    static SessionsViewModel viewModel(ExecutorService workers) {
        return new SessionsViewModel(
                new FxTaskRunner(workers),
                () -> fx.admin,
                null,
                Debouncer.immediate(),
                Debouncer.immediate(),
                fx.clock);
    }

    private void show(FxRobot robot, SessionsView view) {
        robot.interact(() -> {
            stage.setScene(new Scene(view, 1200, 800));
            stage.show();
        });
    }

    @Test
    void disposingTheScreenLeavesNoListenerOnTheConnectionState(FxRobot robot) {
        CountedState state = new CountedState(online("embedded"));
        SessionsViewModel vm = viewModel(workers);
        SessionsView[] view = new SessionsView[1];
        robot.interact(() -> view[0] = new SessionsView(vm).start(state, new Settings(), () -> {}));
        show(robot, view[0]);
        assertThat(state.listeners).as("the screen follows the connection").isPositive();
        await().atMost(Duration.ofSeconds(15))
                .until(() -> vm.adminProperty().get() != null
                        && !vm.loadingProperty().get()
                        && vm.rows().size() == SESSIONS);

        robot.interact(view[0]::dispose);
        assertThat(state.listeners).isZero();
        // a screen still following would start over at once: forget the key's scope and reload
        robot.interact(() -> state.set(online("hosted")));
        assertThat(vm.adminProperty().get())
                .as("another server does not reach a disposed screen")
                .isTrue();
        assertThat(vm.loadingProperty().get()).isFalse();
    }

    @Test
    void aDisposedViewNoLongerFollowsItsViewModel(FxRobot robot) {
        SessionsViewModel vm = viewModel(workers); // never connected: nothing is loaded
        SessionsView[] view = new SessionsView[1];
        robot.interact(() -> view[0] = new SessionsView(vm));
        show(robot, view[0]);
        MenuButton saved = robot.lookup("#savedFilters").queryAs(MenuButton.class);
        robot.interact(() -> vm.saved().save("first"));
        int items = saved.getItems().size();
        assertThat(items).as("the saved filters menu follows the view model").isGreaterThan(1);

        robot.interact(view[0]::dispose);
        robot.interact(() -> vm.saved().save("second"));
        assertThat(vm.saved().names()).containsExactly("first", "second");
        assertThat(saved.getItems()).as("a disposed view is not rebuilt").hasSize(items);
    }

    @Test
    void theScreensFeedOfTheConnectionStopsWhenCancelled() {
        ExecutorService workers = Executors.newSingleThreadExecutor();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try (ConnectionService connection = new ConnectionService(workers, scheduler, 60_000)) {
            List<ConnectionState> seen = new CopyOnWriteArrayList<>();
            Subscription feed = SessionsView.follow(connection, new DirectTaskRunner(), seen::add);
            assertThat(seen).as("the state of the moment first").hasSize(1);
            assertThrows(
                    CompletionException.class,
                    () -> connection
                            .reconnect(
                                    () -> {
                                        throw new IllegalStateException("no server here");
                                    },
                                    "first")
                            .join());
            assertThat(seen)
                    .extracting(ConnectionState::phase)
                    .containsExactly(
                            ConnectionState.Phase.CONNECTING,
                            ConnectionState.Phase.CONNECTING,
                            ConnectionState.Phase.FAILED);

            feed.unsubscribe();
            assertThrows(
                    CompletionException.class,
                    () -> connection
                            .reconnect(
                                    () -> {
                                        throw new IllegalStateException("nor here");
                                    },
                                    "second")
                            .join());
            assertThat(seen).as("nothing after the feed was cancelled").hasSize(3);
        } finally {
            workers.shutdownNow();
            scheduler.shutdownNow();
        }
    }
}
