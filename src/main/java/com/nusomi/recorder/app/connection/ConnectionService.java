package com.nusomi.recorder.app.connection;

import com.nusomi.recorder.app.support.Registration;
import com.nusomi.recorder.app.support.StartupTrace;
import com.nusomi.recorder.client.RequestOptions;
import com.nusomi.recorder.client.SessionsClient;
import com.nusomi.recorder.client.exception.ApiException;
import com.nusomi.recorder.client.exception.NotSupportedException;
import com.nusomi.recorder.client.model.Health;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the current {@link Connection}: opens it off the UI thread, polls {@code health} every few seconds and
 * tells listeners (on its own threads; knows nothing of JavaFX) how it is going. {@link #reconnect} swaps the
 * connection when the settings change.
 */
public final class ConnectionService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionService.class);

    private final ExecutorService workers;
    private final ScheduledExecutorService scheduler;
    private final long pollMillis;
    private final List<Consumer<ConnectionState>> listeners = new CopyOnWriteArrayList<>();
    private volatile Connection connection;
    private volatile ConnectionState state = ConnectionState.connecting("Connecting…");
    private ScheduledFuture<?> poll;
    private int generation;

    public ConnectionService(ExecutorService workers, ScheduledExecutorService scheduler, long pollMillis) {
        this.workers = workers;
        this.scheduler = scheduler;
        this.pollMillis = pollMillis;
    }

    /**
     * Tells the listener the current state at once (on the calling thread), then every change (on the service's
     * threads) until the returned registration is closed.
     */
    public Registration addListener(Consumer<ConnectionState> listener) {
        listeners.add(listener);
        listener.accept(state);
        return () -> listeners.remove(listener);
    }

    public ConnectionState state() {
        return state;
    }

    /** The client of the current connection. */
    public SessionsClient client() {
        Connection c = connection;
        if (c == null) {
            throw new IllegalStateException("Not connected yet: the server is still starting or could not be reached");
        }
        return c.client();
    }

    /** The current connection, or null while there is none. */
    public Connection current() {
        return connection;
    }

    public boolean isConnected() {
        return connection != null;
    }

    /** Opens a connection with this connector (closing the current one), off the calling thread. */
    public synchronized CompletableFuture<Connection> reconnect(Connector connector, String pendingLabel) {
        int gen = ++generation;
        if (poll != null) {
            poll.cancel(false);
        }
        Connection old = connection;
        connection = null;
        publish(ConnectionState.connecting(pendingLabel));
        return CompletableFuture.supplyAsync(
                () -> {
                    if (old != null) {
                        old.close();
                    }
                    try {
                        Connection c = connector.connect();
                        synchronized (this) {
                            if (gen != generation) {
                                c.close();
                                return c;
                            }
                            connection = c;
                            poll = scheduler.scheduleWithFixedDelay(
                                    this::checkHealth, 0, pollMillis, TimeUnit.MILLISECONDS);
                        }
                        return c;
                    } catch (RuntimeException e) {
                        LOG.warn("cannot connect: {}", e.getMessage());
                        publish(new ConnectionState(ConnectionState.Phase.FAILED, pendingLabel, null, e.getMessage()));
                        throw e;
                    }
                },
                workers);
    }

    /** Asks the server for its health now (also done every poll interval). */
    public void checkHealth() {
        Connection c = connection;
        if (c == null) {
            return;
        }
        try {
            StartupTrace.mark("health call");
            Health h = c.client()
                    .health()
                    .withOptions(RequestOptions.NONE.withMaxAttempts(1))
                    .execute();
            StartupTrace.mark("health answered");
            publish(new ConnectionState(
                    h.isOk() ? ConnectionState.Phase.ONLINE : ConnectionState.Phase.OFFLINE,
                    c.label(),
                    h.version(),
                    h.isOk() ? null : "health says " + h.status()));
        } catch (NotSupportedException e) {
            // a hosted API without the [ext] health route: it answered, so it is up
            publish(new ConnectionState(ConnectionState.Phase.ONLINE, c.label(), null, null));
        } catch (ApiException e) {
            publish(new ConnectionState(
                    ConnectionState.Phase.OFFLINE,
                    c.label(),
                    null,
                    e.serverMessage() != null ? e.serverMessage() : "not answering"));
        } catch (RuntimeException e) {
            publish(new ConnectionState(ConnectionState.Phase.OFFLINE, c.label(), null, e.getMessage()));
        }
    }

    private void publish(ConnectionState s) {
        state = s;
        for (Consumer<ConnectionState> l : listeners) {
            try {
                l.accept(s);
            } catch (RuntimeException e) {
                LOG.warn("connection listener failed", e);
            }
        }
    }

    @Override
    public synchronized void close() {
        generation++;
        if (poll != null) {
            poll.cancel(false);
        }
        Connection c = connection;
        connection = null;
        if (c != null) {
            c.close();
        }
    }
}
