package com.nusomi.recorder.ui.main;

import com.nusomi.recorder.app.connection.ConnectionState;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** What the status bar shows about the connection; updated from the connection service on the UI thread. */
public final class StatusViewModel {
    private final ReadOnlyObjectWrapper<ConnectionState.Phase> phase =
            new ReadOnlyObjectWrapper<>(ConnectionState.Phase.CONNECTING);
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("Connecting…");
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper("");

    public void update(ConnectionState s) {
        phase.set(s.phase());
        text.set(
                switch (s.phase()) {
                    case CONNECTING -> s.label();
                    case ONLINE -> s.label() + " · online";
                    case OFFLINE -> s.label() + " · not answering";
                    case FAILED -> "Could not connect · " + s.label();
                });
        String more = s.phase() == ConnectionState.Phase.ONLINE
                ? (s.version() != null ? "server " + s.version() : "")
                : s.error() != null ? s.error().strip() : "";
        // never the same words twice ("not answering · not answering"): the detail only says what the text does not
        detail.set(
                !more.isEmpty() && text.get().toLowerCase(Locale.ROOT).contains(more.toLowerCase(Locale.ROOT))
                        ? ""
                        : more);
    }

    public ReadOnlyObjectProperty<ConnectionState.Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty detailProperty() {
        return detail.getReadOnlyProperty();
    }
}
