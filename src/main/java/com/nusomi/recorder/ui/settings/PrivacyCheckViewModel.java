package com.nusomi.recorder.ui.settings;

import com.nusomi.recorder.app.PrivacyChecker;
import com.nusomi.recorder.app.TaskRunner;
import com.nusomi.recorder.recorder.privacy.PrivacyReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;

/**
 * "Check privacy" in Settings: runs the privacy self-test with the patterns as they stand in the form (saved or
 * not), off the UI thread, and holds its progress and its verdict.
 */
public final class PrivacyCheckViewModel {
    private final TaskRunner tasks;
    private final PrivacyChecker checker;
    private final ObservableValue<String> patternsText;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Boolean> passed = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Path> picture = new ReadOnlyObjectWrapper<>();

    /** @param patternsText the privacy patterns field, one regular expression per line */
    public PrivacyCheckViewModel(TaskRunner tasks, PrivacyChecker checker, ObservableValue<String> patternsText) {
        this.tasks = tasks;
        this.checker = checker;
        this.patternsText = patternsText;
    }

    public void onCheck() {
        if (running.get()) {
            return;
        }
        List<Pattern> patterns = new ArrayList<>();
        String text = patternsText.getValue() == null ? "" : patternsText.getValue();
        for (String line :
                text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
            try {
                patterns.add(Pattern.compile(line));
            } catch (PatternSyntaxException e) {
                passed.set(false);
                status.set("Not a regular expression: " + line);
                return;
            }
        }
        running.set(true);
        passed.set(null);
        picture.set(null);
        status.set("Starting the check…");
        tasks.run(() -> checker.check(patterns, step -> tasks.onUi(() -> status.set(step))), this::show, e -> {
            running.set(false);
            passed.set(false);
            status.set("The check could not run: " + (e.getMessage() != null ? e.getMessage() : e.toString()));
        });
    }

    private void show(PrivacyReport r) {
        running.set(false);
        passed.set(r.passed());
        picture.set(r.picture());
        StringBuilder text = new StringBuilder(r.summary()).append('.');
        if (r.patternsChecked().isEmpty()) {
            text.append(" No privacy pattern is set: only the app's own window was checked.");
        }
        r.patternsSkipped()
                .forEach(p -> text.append("\nNot checked: ").append(p).append('.'));
        r.problems()
                .forEach(p -> text.append("\n")
                        .append(Character.toUpperCase(p.charAt(0)))
                        .append(p.substring(1))
                        .append('.'));
        status.set(text.toString());
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** True when the last check passed, false when it failed, null before any (or while one runs). */
    public ReadOnlyObjectProperty<Boolean> passedProperty() {
        return passed.getReadOnlyProperty();
    }

    /** The last check's frame as it would be recorded, or null. */
    public ReadOnlyObjectProperty<Path> pictureProperty() {
        return picture.getReadOnlyProperty();
    }
}
