package com.nusomi.recorder.ui.record;

import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One key/value line of the metadata table. */
public final class MetadataRow {
    /** The JSON type the value is sent as. */
    public enum ValueType {
        TEXT("Text"),
        NUMBER("Number"),
        BOOLEAN("Yes/no");

        private final String label;

        ValueType(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final StringProperty key = new SimpleStringProperty("");
    private final ObjectProperty<ValueType> type = new SimpleObjectProperty<>(ValueType.TEXT);
    private final StringProperty value = new SimpleStringProperty("");

    public MetadataRow() {}

    public MetadataRow(String key, ValueType type, String value) {
        this.key.set(key);
        this.type.set(type);
        this.value.set(value);
    }

    /** The properties a list of rows should watch. */
    Observable[] observables() {
        return new Observable[] {key, type, value};
    }

    public StringProperty keyProperty() {
        return key;
    }

    public ObjectProperty<ValueType> typeProperty() {
        return type;
    }

    public StringProperty valueProperty() {
        return value;
    }

    boolean isBlank() {
        return key.get().isBlank() && value.get().isBlank();
    }
}
