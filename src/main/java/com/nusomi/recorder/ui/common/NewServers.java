package com.nusomi.recorder.ui.common;

import com.nusomi.recorder.app.connection.ConnectionState;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.value.ObservableValue;
import javafx.util.Subscription;

/** Tells a screen when it should start over: each time a connection comes online under a new label. */
public final class NewServers {
    private NewServers() {}

    /**
     * Calls {@code onNew} with the label each time the connection comes online under another label than the last
     * (the first connection, or a switch to another server); a connection that is lost and comes back to the same
     * server counts as new too, since what the screen shows may be stale. Undone by the returned subscription.
     */
    public static Subscription follow(ObservableValue<ConnectionState> connection, Consumer<String> onNew) {
        String[] online = {null};
        return connection.subscribe(s -> {
            if (s == null) {
                return;
            }
            if (s.phase() == ConnectionState.Phase.ONLINE && !Objects.equals(online[0], s.label())) {
                online[0] = s.label();
                onNew.accept(s.label());
            } else if (s.phase() == ConnectionState.Phase.CONNECTING || s.phase() == ConnectionState.Phase.FAILED) {
                online[0] = null;
            }
        });
    }
}
