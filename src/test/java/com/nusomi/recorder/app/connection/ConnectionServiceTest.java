package com.nusomi.recorder.app.connection;

import static org.assertj.core.api.Assertions.assertThat;

import com.nusomi.recorder.app.connection.ConnectionState.Phase;
import com.nusomi.recorder.app.support.Registration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The connection's listeners: told the state at once, then each change, until their registration is closed. */
class ConnectionServiceTest {
    private static final Connector UNREACHABLE = () -> {
        throw new IllegalStateException("no server here");
    };

    private final ExecutorService workers = Executors.newSingleThreadExecutor();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final ConnectionService service = new ConnectionService(workers, scheduler, 60_000);

    @AfterEach
    void close() {
        service.close();
        workers.shutdownNow();
        scheduler.shutdownNow();
    }

    /** One attempt that fails: CONNECTING, then FAILED (told before the attempt's future completes). */
    private void failedAttempt() {
        service.reconnect(UNREACHABLE, "Nowhere").handle((c, e) -> null).join();
    }

    @Test
    void aNewListenerIsToldTheCurrentStateAtOnce() {
        failedAttempt();
        List<Phase> heard = new CopyOnWriteArrayList<>();
        service.addListener(s -> heard.add(s.phase()));

        assertThat(heard).containsExactly(Phase.FAILED);
    }

    @Test
    void aClosedRegistrationHearsNoMoreChanges() {
        List<Phase> kept = new CopyOnWriteArrayList<>();
        List<Phase> dropped = new CopyOnWriteArrayList<>();
        service.addListener(s -> kept.add(s.phase()));
        Registration registration = service.addListener(s -> dropped.add(s.phase()));
        failedAttempt();
        registration.close();
        failedAttempt();

        assertThat(kept)
                .containsExactly(Phase.CONNECTING, Phase.CONNECTING, Phase.FAILED, Phase.CONNECTING, Phase.FAILED);
        assertThat(dropped).containsExactly(Phase.CONNECTING, Phase.CONNECTING, Phase.FAILED);
    }

    @Test
    void closingARegistrationTwiceLeavesTheOthersInPlace() {
        List<Phase> kept = new CopyOnWriteArrayList<>();
        Registration registration = service.addListener(s -> {});
        service.addListener(s -> kept.add(s.phase()));
        registration.close();
        registration.close();
        failedAttempt();

        assertThat(kept).containsExactly(Phase.CONNECTING, Phase.CONNECTING, Phase.FAILED);
    }
}
