package com.nusomi.recorder.ui.export;

import atlantafx.base.theme.Styles;
import com.nusomi.recorder.export.ExportFormat;
import com.nusomi.recorder.export.ExportOptions;
import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

/**
 * The Export dialog: first the format, its options and the destination; then a progress line per run and one
 * overall, with Cancel; at the end what was written, and "Open folder". Closing it while it runs cancels.
 */
public final class ExportDialog extends VBox {
    private final ExportViewModel vm;

    private ExportDialog(ExportViewModel vm, String heading) {
        super(10);
        this.vm = vm;
        setId("exportDialog");
        Label title = new Label(heading);
        title.getStyleClass().add(Styles.TITLE_4);
        title.setWrapText(true);
        VBox choosing = choosing();
        VBox progress = progress();
        show(choosing, vm.phaseProperty().isEqualTo(Phase.CHOOSING));
        show(progress, vm.phaseProperty().isNotEqualTo(Phase.CHOOSING));
        VBox.setVgrow(progress, Priority.ALWAYS);
        getChildren().addAll(title, choosing, progress);
    }

    /** Opens the dialog over {@code from}'s window. */
    public static Stage open(Node from, ExportViewModel vm, String heading) {
        ExportDialog dialog = new ExportDialog(vm, heading);
        Stage stage = DialogWindow.over(from, dialog, "Export", 640, 560);
        stage.setOnHidden(e -> vm.onCancel());
        dialog.closeButton().setOnAction(e -> stage.close());
        stage.show();
        return stage;
    }

    private Button closeButton() {
        return (Button) lookup("#exportClose");
    }

    private VBox choosing() {
        ToggleGroup group = new ToggleGroup();
        VBox formats = new VBox(
                6,
                format(group, ExportFormat.HTML, "Step guide (HTML)", "One page, images inside; opens offline"),
                format(group, ExportFormat.PDF, "Step guide (PDF)", "The same guide, ready to print or send"),
                format(group, ExportFormat.MP4, "Video (MP4)", "The frames at their real timing"),
                format(group, ExportFormat.BUNDLE, "Run bundle (.zip)", "Verifiable; another server can import it"));
        group.selectedToggleProperty().addListener((o, before, now) -> {
            if (now != null) {
                vm.formatProperty().set((ExportFormat) now.getUserData());
            }
        });

        CheckBox crop = check("exportCrop", "Crop each click's picture around the click", vm.cropProperty());
        Spinner<Double> speed =
                new Spinner<>(1, ExportOptions.MAX_SPEED, vm.speedProperty().get(), 1);
        speed.setId("exportSpeed");
        speed.setEditable(true);
        speed.setPrefWidth(90);
        speed.valueProperty().addListener((o, a, b) -> vm.speedProperty().set(b));
        HBox speedRow = new HBox(6, muted("Speed"), speed, muted("× real time"));
        speedRow.setAlignment(Pos.CENTER_LEFT);
        CheckBox skip = check("exportSkipIdle", "Skip idle stretches (over 2 s)", vm.skipIdleProperty());
        CheckBox overlays = check("exportOverlays", "Burn in click rings and captions", vm.overlaysProperty());
        CheckBox zip = check("exportOneZip", "One zip of bundles (else one file each)", vm.oneZipProperty());
        VBox guide = new VBox(6, crop);
        VBox video = new VBox(6, speedRow, skip, overlays);
        VBox bundle = new VBox(6, zip);
        show(
                guide,
                Bindings.createBooleanBinding(() -> isGuide(vm.formatProperty().get()), vm.formatProperty()));
        show(video, vm.formatProperty().isEqualTo(ExportFormat.MP4));
        show(
                bundle,
                vm.formatProperty().isEqualTo(ExportFormat.BUNDLE).and(Bindings.createBooleanBinding(vm::several)));

        Label kind = new Label();
        kind.setMinWidth(Region.USE_PREF_SIZE);
        kind.textProperty()
                .bind(Bindings.createStringBinding(vm::destinationKind, vm.formatProperty(), vm.oneZipProperty()));
        TextField where = new TextField();
        where.setId("exportDestination");
        where.textProperty().bindBidirectional(vm.destinationProperty());
        HBox.setHgrow(where, Priority.ALWAYS);
        Button choose = new Button("Choose…");
        choose.setId("exportChoose");
        choose.setMinWidth(Region.USE_PREF_SIZE);
        choose.setOnAction(e -> chooseDestination());
        HBox destination = new HBox(6, kind, where, choose);
        destination.setAlignment(Pos.CENTER_LEFT);
        Label problem = new Label();
        problem.setId("exportProblem");
        problem.getStyleClass().add(Styles.DANGER);
        problem.setWrapText(true);
        problem.textProperty().bind(vm.problemProperty());

        Button start = new Button("Export");
        start.setId("exportStart");
        start.getStyleClass().add(Styles.ACCENT);
        start.setDefaultButton(true);
        start.disableProperty().bind(vm.canExportProperty().not());
        start.setOnAction(e -> vm.onExport());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(8, gap, start);
        return new VBox(
                10,
                section("Format"),
                formats,
                section("Options"),
                guide,
                video,
                bundle,
                destination,
                problem,
                buttons);
    }

    private VBox progress() {
        VBox lines = new VBox(8);
        lines.setId("exportRuns");
        for (RunRow row : vm.rows()) {
            Label name = new Label(row.label());
            name.setWrapText(true);
            ProgressBar bar = new ProgressBar();
            bar.progressProperty().bind(row.progressProperty());
            bar.setMaxWidth(Double.MAX_VALUE);
            Label status = new Label();
            status.getStyleClass().add("muted");
            status.setWrapText(true);
            status.textProperty().bind(row.statusProperty());
            lines.getChildren().add(new VBox(3, name, bar, status));
        }
        ScrollPane runs = new ScrollPane(lines);
        runs.setFitToWidth(true);
        runs.setPrefViewportHeight(Math.min(220, 64.0 * vm.rows().size()));
        runs.setMinViewportHeight(Math.min(120, 64.0 * vm.rows().size()));
        ProgressBar overall = new ProgressBar();
        overall.setId("exportOverall");
        overall.setMaxWidth(Double.MAX_VALUE);
        overall.progressProperty().bind(vm.overallProperty());
        Label all = new Label("All " + vm.rows().size() + " runs");
        VBox overallBox = new VBox(3, all, overall);
        overallBox.setVisible(vm.several()); // one run: its own line says it all
        overallBox.setManaged(vm.several());
        Label summary = new Label();
        summary.setId("exportSummary");
        summary.setWrapText(true);
        summary.textProperty().bind(vm.summaryProperty());
        ListView<String> written = new ListView<>(vm.written());
        written.setId("exportWritten");
        written.setPrefHeight(90);
        show(written, Bindings.isNotEmpty(vm.written()));
        ListView<String> failures = new ListView<>(vm.failures());
        failures.setId("exportFailures");
        failures.setPrefHeight(90);
        show(failures, Bindings.isNotEmpty(vm.failures()));
        Label folder = new Label();
        folder.setId("exportFolderMessage");
        folder.setWrapText(true);
        folder.textProperty().bind(vm.folderMessageProperty());

        Button cancel = new Button("Cancel");
        cancel.setId("exportCancel");
        cancel.setOnAction(e -> vm.onCancel());
        show(cancel, vm.phaseProperty().isEqualTo(Phase.RUNNING));
        Button open = new Button("Open folder");
        open.setId("exportOpenFolder");
        open.setOnAction(e -> vm.onOpenFolder());
        show(open, vm.phaseProperty().isEqualTo(Phase.DONE).and(vm.canOpenFolderProperty()));
        Button close = new Button("Close");
        close.setId("exportClose");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(8, gap, cancel, open, close);
        Region fill = new Region();
        VBox.setVgrow(fill, Priority.ALWAYS);
        return new VBox(8, section("Progress"), runs, overallBox, summary, written, failures, folder, fill, buttons);
    }

    private void chooseDestination() {
        Path now = Path.of(
                vm.destinationProperty().get().isBlank()
                        ? "."
                        : vm.destinationProperty().get());
        File start = (vm.several() && !vm.zipped() ? now : now.toAbsolutePath().getParent()).toFile();
        File chosen;
        if (vm.several() && !vm.zipped()) {
            DirectoryChooser d = new DirectoryChooser();
            if (start.isDirectory()) {
                d.setInitialDirectory(start);
            }
            chosen = d.showDialog(getScene().getWindow());
        } else {
            FileChooser f = new FileChooser();
            if (start.isDirectory()) {
                f.setInitialDirectory(start);
            }
            f.setInitialFileName(
                    now.getFileName() == null ? "" : now.getFileName().toString());
            chosen = f.showSaveDialog(getScene().getWindow());
        }
        if (chosen != null) {
            vm.destinationProperty().set(chosen.getAbsolutePath());
        }
    }

    private RadioButton format(ToggleGroup group, ExportFormat f, String name, String note) {
        RadioButton b = new RadioButton(name + " — " + note);
        b.setId("format" + f.name().charAt(0) + f.name().substring(1).toLowerCase(Locale.ROOT));
        b.setUserData(f);
        b.setToggleGroup(group);
        b.setWrapText(true);
        b.setSelected(vm.formatProperty().get() == f);
        return b;
    }

    private static boolean isGuide(ExportFormat f) {
        return f == ExportFormat.HTML || f == ExportFormat.PDF;
    }

    private static CheckBox check(String id, String text, BooleanProperty value) {
        CheckBox c = new CheckBox(text);
        c.setId(id);
        c.setWrapText(true);
        c.selectedProperty().bindBidirectional(value);
        return c;
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TEXT_BOLD);
        return l;
    }

    private static Label muted(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("muted");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static void show(Node node, ObservableBooleanValue when) {
        node.visibleProperty().bind(when);
        node.managedProperty().bind(when);
    }
}
