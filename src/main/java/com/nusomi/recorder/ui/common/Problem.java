package com.nusomi.recorder.ui.common;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.scene.control.Label;

/** A small label beside a field that states why its value is refused; hidden when there is nothing to say. */
public final class Problem extends Label {

    public Problem(String id, ReadOnlyStringProperty problem) {
        setId(id);
        getStyleClass().add("field-problem");
        setWrapText(true);
        textProperty().bind(problem);
        visibleProperty().bind(problem.isNotNull().and(problem.isNotEqualTo("")));
        managedProperty().bind(visibleProperty());
    }
}
