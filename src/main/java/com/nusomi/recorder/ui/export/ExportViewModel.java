package com.nusomi.recorder.ui.export;

import com.nusomi.recorder.app.TaskRunner;
import com.nusomi.recorder.client.SessionsClient;
import com.nusomi.recorder.export.ExportFormat;
import com.nusomi.recorder.export.ExportOptions;
import com.nusomi.recorder.export.Exporters;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Export dialog's state: the runs, the format and its options (crop for the guides; speed, skip idle and
 * overlays for the video), the destination (a file for one run, a folder for several, or one zip of bundles), then
 * a progress line per run and overall, Cancel, and at the end the files written and "Open folder". The export runs
 * off the FX thread ({@link ExportJob}); its reports come back on it.
 */
public final class ExportViewModel {
    private final TaskRunner tasks;
    private final Supplier<SessionsClient> client;
    private final FolderOpener folders;
    private final List<RunRef> runs;
    private final ObjectProperty<ExportFormat> format = new SimpleObjectProperty<>(ExportFormat.HTML);
    private final BooleanProperty crop = new SimpleBooleanProperty(false);
    private final DoubleProperty speed = new SimpleDoubleProperty(1);
    private final BooleanProperty skipIdle = new SimpleBooleanProperty(false);
    private final BooleanProperty overlays = new SimpleBooleanProperty(true);
    private final BooleanProperty oneZip = new SimpleBooleanProperty(false);
    private final StringProperty destination = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(Phase.CHOOSING);
    private final ObservableList<RunRow> rows = FXCollections.observableArrayList();
    private final UiProgress overall;
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ObservableList<String> written = FXCollections.observableArrayList();
    private final ObservableList<String> failures = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper folderMessage = new ReadOnlyStringWrapper("");
    private final BooleanBinding canExport;
    private ExportJob job;

    /** The dialog for {@code runs}, read through {@code client}; files go under {@code folder} unless changed. */
    public ExportViewModel(
            TaskRunner tasks, Supplier<SessionsClient> client, FolderOpener folders, List<RunRef> runs, Path folder) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("nothing to export");
        }
        this.tasks = tasks;
        this.client = client;
        this.folders = folders;
        this.runs = List.copyOf(runs);
        runs.forEach(r -> rows.add(new RunRow(r.label())));
        this.overall = new UiProgress(tasks, rows);
        destination.set(defaultDestination(folder).toString());
        format.addListener((o, before, now) -> followDestination());
        oneZip.addListener((o, before, now) -> followDestination());
        destination.addListener((o, before, now) -> check());
        check();
        canExport = problem.isNull().and(phase.isEqualTo(Phase.CHOOSING));
    }

    /** Whether this export is of several runs (a folder or one zip; else one file). */
    public boolean several() {
        return runs.size() > 1;
    }

    /** Whether the files go into one zip: several runs as bundles, and the user asked for it. */
    public boolean zipped() {
        return several() && format.get() == ExportFormat.BUNDLE && oneZip.get();
    }

    /** What the destination is: "File", "Folder" or "Zip file". */
    public String destinationKind() {
        return zipped() ? "Zip file" : several() ? "Folder" : "File";
    }

    private Path defaultDestination(Path folder) {
        if (zipped()) {
            return folder.resolve("session-bundles.zip");
        }
        if (several()) {
            return folder;
        }
        return folder.resolve(
                Exporters.fileName(runs.get(0).workflow(), runs.get(0).id(), format.get()));
    }

    /** The format or the zip choice changed: the destination keeps its folder and gets the name that fits. */
    private void followDestination() {
        Path now = parse(destination.get());
        Path folder = now == null ? Path.of(System.getProperty("user.home")) : now;
        if (now != null
                && (!several() || (now.getFileName() != null && now.toString().endsWith(".zip")))) {
            folder = now.toAbsolutePath().getParent();
        }
        destination.set(defaultDestination(folder).toString());
    }

    private void check() {
        Path p = parse(destination.get());
        if (p == null) {
            problem.set("Choose where the export goes.");
        } else {
            problem.set(null);
        }
    }

    private static Path parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Path.of(text.strip());
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /** Starts the export (off the FX thread); the progress lines follow it. */
    public void onExport() {
        if (!canExport.get()) {
            return;
        }
        Path target = parse(destination.get());
        ExportChoice choice = new ExportChoice(format.get(), options(), target, zipped());
        ExportJob started = new ExportJob(client.get());
        job = started;
        written.clear();
        failures.clear();
        folderMessage.set("");
        overall.reset();
        summary.set("Exporting " + (several() ? runs.size() + " runs" : "the run") + "…");
        phase.set(Phase.RUNNING);
        tasks.run(() -> started.run(runs, choice, overall), this::finished, e -> {
            phase.set(Phase.DONE);
            overall.endUnfinished("Failed", "Not started");
            summary.set("The export failed: " + ExportJob.describe(e));
        });
    }

    private ExportOptions options() {
        ExportOptions o = ExportOptions.DEFAULTS;
        return switch (format.get()) {
            case HTML, PDF -> o.withCropClicks(crop.get());
            case MP4 ->
                o.withSpeed(Math.max(1, Math.min(ExportOptions.MAX_SPEED, speed.get())))
                        .withSkipIdle(skipIdle.get())
                        .withOverlays(overlays.get());
            case BUNDLE -> o;
        };
    }

    private void finished(ExportJob.Result r) {
        phase.set(Phase.DONE);
        r.written().forEach(p -> written.add(p.toAbsolutePath().toString()));
        failures.setAll(overall.failures());
        String files = r.written().size() == 1 ? "1 file" : r.written().size() + " files";
        if (r.cancelled()) {
            overall.endUnfinished("Cancelled", "Cancelled");
            summary.set("Cancelled. "
                    + (r.written().isEmpty() ? "Nothing was written" : files + " finished before it")
                    + "; no half-written file is left.");
        } else if (r.failed() > 0) {
            summary.set(files + " written; " + r.failed() + " failed.");
        } else {
            summary.set("Done: " + files + " written.");
        }
    }

    /** Stops the export; what was being written is removed. */
    public void onCancel() {
        if (job != null && phase.get() == Phase.RUNNING) {
            job.cancel();
            summary.set("Cancelling…");
        }
    }

    /** Opens the folder the files went to (off the FX thread); a desktop that cannot says so. */
    public void onOpenFolder() {
        if (written.isEmpty()) {
            return;
        }
        Path folder = Path.of(written.get(0)).getParent();
        folderMessage.set("");
        tasks.run(
                () -> {
                    folders.open(folder);
                    return folder;
                },
                f -> folderMessage.set("Opened " + f + "."),
                e -> folderMessage.set(
                        "Could not open the folder (" + ExportJob.describe(e) + "). The files are in " + folder + "."));
    }

    public ObjectProperty<ExportFormat> formatProperty() {
        return format;
    }

    public BooleanProperty cropProperty() {
        return crop;
    }

    public DoubleProperty speedProperty() {
        return speed;
    }

    public BooleanProperty skipIdleProperty() {
        return skipIdle;
    }

    public BooleanProperty overlaysProperty() {
        return overlays;
    }

    public BooleanProperty oneZipProperty() {
        return oneZip;
    }

    public StringProperty destinationProperty() {
        return destination;
    }

    /** Why the export cannot start yet; null when it can. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public BooleanBinding canExportProperty() {
        return canExport;
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    public ObservableList<RunRow> rows() {
        return rows;
    }

    /** The whole export's progress, 0 to 1. */
    public ReadOnlyDoubleProperty overallProperty() {
        return overall.overallProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** The files written, as absolute paths. */
    public ObservableList<String> written() {
        return written;
    }

    /** The runs that failed, each with the reason and the request id. */
    public ObservableList<String> failures() {
        return failures;
    }

    public ReadOnlyStringProperty folderMessageProperty() {
        return folderMessage.getReadOnlyProperty();
    }

    /** Whether there is a folder to open. */
    public BooleanBinding canOpenFolderProperty() {
        return Bindings.isNotEmpty(written);
    }
}
