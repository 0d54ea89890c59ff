package com.nusomi.recorder.ui.export;

import com.nusomi.recorder.app.TaskRunner;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;

/**
 * An export's reports, taken on its worker thread and handed to the FX thread: each run's line and the overall
 * bar. A run's progress goes over at most once per thousandth (an exporter reports every frame), its other
 * reports always.
 */
final class UiProgress implements ExportJob.Listener {
    private static final double STEP = 0.001;

    private final TaskRunner tasks;
    private final List<RunRow> rows;
    private final double[] shown;
    private final ReadOnlyDoubleWrapper overall = new ReadOnlyDoubleWrapper(0);
    private final List<String> failures = new CopyOnWriteArrayList<>();

    UiProgress(TaskRunner tasks, List<RunRow> rows) {
        this.tasks = tasks;
        this.rows = rows;
        this.shown = new double[rows.size()];
    }

    /** Every line back to waiting (on the FX thread, before a job starts). */
    void reset() {
        Arrays.fill(shown, 0);
        rows.forEach(r -> r.set(0, "Waiting"));
        overall.set(0);
        failures.clear();
    }

    @Override
    public void progress(int index, double fraction, String what) {
        synchronized (shown) {
            if (fraction >= 0 && fraction < 1 && Math.abs(fraction - shown[index]) < STEP) {
                return;
            }
            shown[index] = fraction;
        }
        tasks.onUi(() -> {
            rows.get(index).set(fraction, what);
            updateOverall();
        });
    }

    @Override
    public void finished(int index, Path file) {
        tasks.onUi(() -> {
            rows.get(index).set(1, "Written: " + file.getFileName());
            updateOverall();
        });
    }

    @Override
    public void failed(int index, String message) {
        failures.add(rows.get(index).label() + ": " + message);
        tasks.onUi(() -> {
            rows.get(index).set(0, "Failed: " + message);
            updateOverall();
        });
    }

    private void updateOverall() {
        double sum = 0;
        for (RunRow r : rows) {
            sum += Math.max(0, r.progressProperty().get());
        }
        overall.set(sum / rows.size());
    }

    /**
     * The job ended early (on the FX thread, after its last report): the first line not done says {@code first}
     * ("Cancelled", "Failed"), the ones after it {@code rest}.
     */
    void endUnfinished(String first, String rest) {
        boolean seen = false;
        for (RunRow r : rows) {
            if (r.progressProperty().get() < 1 && !r.statusProperty().get().startsWith("Failed")) {
                r.set(Math.max(0, r.progressProperty().get()), seen ? rest : first);
                seen = true;
            }
        }
    }

    /** The failures reported so far, each with its run's label. */
    List<String> failures() {
        return List.copyOf(failures);
    }

    ReadOnlyDoubleProperty overallProperty() {
        return overall.getReadOnlyProperty();
    }
}
