package com.nusomi.recorder.ui.settings;

import com.nusomi.recorder.app.TaskRunner;
import com.nusomi.recorder.app.settings.Settings;
import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Settings screen's screen capture: how often and how well, which screen, the window titles to black out, and
 * whether the text typed is recorded. Applied the next time recording starts.
 */
public final class CaptureSettingsViewModel {
    private final TaskRunner tasks;
    private final Settings settings;
    private final StringProperty captureInterval = new SimpleStringProperty("1");
    private final StringProperty jpegQuality = new SimpleStringProperty("70");
    private final ObjectProperty<Integer> screen = new SimpleObjectProperty<>(0);
    private final ObservableList<Integer> screenChoices = FXCollections.observableArrayList(0, -1);
    private final Map<Integer, String> screenLabels = new HashMap<>();
    private final StringProperty privacyPatterns = new SimpleStringProperty("");
    private final BooleanProperty recordKeyText = new SimpleBooleanProperty();
    private final ReadOnlyStringWrapper recorderProblem = new ReadOnlyStringWrapper();
    private Supplier<List<Rectangle>> screens = List::of;

    /** @param settings the saved settings: read by {@link #reset}, written by {@link #apply} */
    CaptureSettingsViewModel(TaskRunner tasks, Settings settings) {
        this.tasks = tasks;
        this.settings = settings;
        captureInterval.addListener((o, a, b) -> checkRecorder());
        jpegQuality.addListener((o, a, b) -> checkRecorder());
        privacyPatterns.addListener((o, a, b) -> checkRecorder());
    }

    /** Fills the form from the saved settings, and lists the screens (off the UI thread). */
    void reset() {
        captureInterval.set(number(settings.captureIntervalSeconds));
        jpegQuality.set(String.valueOf(Math.round(settings.jpegQuality * 100)));
        screen.set(settings.captureScreen);
        privacyPatterns.set(String.join("\n", settings.privacyTitlePatterns));
        recordKeyText.set(settings.recordKeyText);
        loadScreens();
        checkRecorder();
    }

    /** Where the screens come from (the recorder's screen source); read off the UI thread. */
    public void setScreens(Supplier<List<Rectangle>> screens) {
        this.screens = screens;
        loadScreens();
    }

    /** Lists the screens again (e.g. once the recorder is ready). */
    public void refreshScreens() {
        loadScreens();
    }

    private void loadScreens() {
        int chosen = settings.captureScreen;
        screenLabels.put(0, "Primary screen");
        screenLabels.put(-1, "All screens");
        tasks.run(
                () -> screens.get(),
                list -> {
                    List<Integer> choices = new ArrayList<>();
                    for (int i = 0; i < list.size(); i++) {
                        Rectangle r = list.get(i);
                        screenLabels.put(
                                i,
                                (i == 0 ? "Primary screen" : "Screen " + (i + 1)) + " (" + r.width + "×" + r.height
                                        + " at " + r.x + "," + r.y + ")");
                        choices.add(i);
                    }
                    if (choices.isEmpty()) {
                        choices.add(0);
                    }
                    if (chosen > 0 && !choices.contains(chosen)) {
                        screenLabels.put(chosen, "Screen " + (chosen + 1) + " (not connected now)");
                        choices.add(chosen);
                    }
                    choices.add(-1);
                    screenChoices.setAll(choices);
                    screen.set(chosen);
                },
                e -> {});
    }

    /** How a screen choice reads in the list. */
    public String screenLabel(Integer index) {
        return index == null ? "" : screenLabels.getOrDefault(index, "Screen " + (index + 1));
    }

    private static String number(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    private void checkRecorder() {
        recorderProblem.set(recorderProblem(captureInterval.get(), jpegQuality.get(), privacyPatterns.get()));
    }

    static String recorderProblem(String interval, String quality, String patterns) {
        try {
            double i = Double.parseDouble(interval.strip());
            if (!(i >= 0.2 && i <= 60)) {
                return "The capture interval is 0.2 to 60 seconds";
            }
        } catch (NumberFormatException e) {
            return "The capture interval is a number of seconds, like 1 or 0.5";
        }
        try {
            int q = Integer.parseInt(quality.strip());
            if (q < 10 || q > 100) {
                return "The JPEG quality is 10 to 100";
            }
        } catch (NumberFormatException e) {
            return "The JPEG quality is a whole number from 10 to 100";
        }
        for (String line : patterns.split("\\R", -1)) {
            if (!line.isBlank()) {
                try {
                    Pattern.compile(line.strip());
                } catch (PatternSyntaxException e) {
                    return "Not a valid pattern: " + line.strip() + " (" + e.getDescription() + ")";
                }
            }
        }
        return null;
    }

    /** Writes the form into the settings (when it has no {@link #recorderProblemProperty() problem}). */
    void apply() {
        settings.captureIntervalSeconds =
                Double.parseDouble(captureInterval.get().strip());
        settings.jpegQuality = Integer.parseInt(jpegQuality.get().strip()) / 100.0;
        settings.captureScreen = screen.get() == null ? 0 : screen.get();
        settings.privacyTitlePatterns = new ArrayList<>(privacyPatterns
                .get()
                .lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty())
                .toList());
        settings.recordKeyText = recordKeyText.get();
    }

    /** Seconds between screenshots, as typed. */
    public StringProperty captureIntervalProperty() {
        return captureInterval;
    }

    /** JPEG quality 10–100, as typed. */
    public StringProperty jpegQualityProperty() {
        return jpegQuality;
    }

    /** The screen to capture: 0 primary, N the N-th, -1 all. */
    public ObjectProperty<Integer> screenProperty() {
        return screen;
    }

    public ObservableList<Integer> screenChoices() {
        return screenChoices;
    }

    /** Window-title patterns to black out, one per line. */
    public StringProperty privacyPatternsProperty() {
        return privacyPatterns;
    }

    public BooleanProperty recordKeyTextProperty() {
        return recordKeyText;
    }

    public ReadOnlyStringProperty recorderProblemProperty() {
        return recorderProblem.getReadOnlyProperty();
    }
}
