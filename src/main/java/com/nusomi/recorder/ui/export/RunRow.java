package com.nusomi.recorder.ui.export;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** One run's line in a progress list: its label, how far it is (-1 while unknown) and what it is doing. */
public final class RunRow {
    private final String label;
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Waiting");

    RunRow(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    void set(double fraction, String what) {
        progress.set(fraction);
        status.set(what);
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
