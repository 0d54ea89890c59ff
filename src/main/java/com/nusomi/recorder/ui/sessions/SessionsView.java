package com.nusomi.recorder.ui.sessions;

import atlantafx.base.theme.Styles;
import com.nusomi.recorder.app.TaskRunner;
import com.nusomi.recorder.app.connection.ConnectionService;
import com.nusomi.recorder.app.connection.ConnectionState;
import com.nusomi.recorder.app.settings.Settings;
import com.nusomi.recorder.client.model.Session;
import com.nusomi.recorder.ui.common.Banner;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;

/**
 * The Sessions screen: the filter bar and the actions on top, the table with the detail pane beside it, and
 * below them the undo bar, the result of the last action and the row count. Binds to a
 * {@link SessionsViewModel}; every user action goes to an {@code onXxx} method there.
 */
public final class SessionsView extends BorderPane {
    private final SessionsViewModel vm;
    private final List<Subscription> subscriptions = new ArrayList<>();
    private final SessionsTable table;
    private final FilterBar filterBar;
    private final SessionDetailPane detail;
    private final Banner failure;
    private final SplitPane split;
    /** The largest share of the split the detail pane keeps when the window is made narrower. */
    static final double MAX_DETAIL = 0.45;

    private final ObjectProperty<Consumer<String>> onHistory = new SimpleObjectProperty<>();
    private FrameViewerOpener frameViewer;

    public SessionsView(SessionsViewModel vm) {
        this.vm = vm;
        setId("sessionsView");
        getStyleClass().add("sessions-view");
        vm.actions().setConfirmations(new SessionsDialogs(this));
        filterBar = new FilterBar(vm);
        table = new SessionsTable(vm);
        detail = new SessionDetailPane(vm.detail(), this::openViewer);
        failure = new Banner(vm.ops());
        failure.setId("sessionsFailure");

        ExportEntries exports = new ExportEntries(vm, this);
        table.getContextMenu().getItems().add(2, exports.menuItem());
        VBox detailSide = new VBox(historyBar(exports), detail);
        VBox.setVgrow(detail, Priority.ALWAYS);
        split = new SplitPane(table, detailSide);
        split.setId("sessionsSplit");
        split.setDividerPositions(0.64);
        SplitPane.setResizableWithParent(detailSide, false);
        detailSide.setMinWidth(300);
        table.setMinWidth(300);

        setTop(new VBox(
                new SessionsToolbar(vm, this::backToTable, exports.selectionButton()),
                filterBar,
                new Separator(),
                failure));
        setCenter(split);
        setBottom(new VBox(undoBar(), messageBar(), statusLine()));
        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.F5) {
                vm.refresh();
                e.consume();
            }
        });
        // the list is read again when the screen comes into view; the periodic reload waits while the user works
        subscriptions.add(sceneProperty().subscribe(scene -> vm.keepCurrent().setShown(scene != null)));
        table.addEventFilter(ScrollEvent.ANY, e -> vm.keepCurrent().userActive());
        table.addEventFilter(KeyEvent.KEY_PRESSED, e -> vm.keepCurrent().userActive());
        filterBar.addEventFilter(KeyEvent.KEY_PRESSED, e -> vm.keepCurrent().userActive());
        filterBar.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> vm.keepCurrent().userActive());
    }

    /**
     * Starts the screen: laid out as {@code settings} keep it, its view model following {@code connection}
     * (its state on the UI thread) and started. The screen owns the view model: {@link #dispose()} disposes it too,
     * and stops following the connection.
     */
    public SessionsView start(ObservableValue<ConnectionState> connection, Settings settings, Runnable layoutChanged) {
        keepLayout(settings, layoutChanged);
        vm.start();
        vm.follow(connection);
        subscriptions.add(vm::dispose);
        return this;
    }

    /** Opens the detail pane's frames in {@code opener}'s viewer window (Enter, double-click, "Open viewer"). */
    private void openViewer() {
        if (frameViewer != null && getScene() != null) {
            frameViewer.open(vm.detail().film(), getScene().getWindow(), detail::openRedaction);
        }
    }

    public void setFrameViewer(FrameViewerOpener opener) {
        this.frameViewer = opener;
    }

    /**
     * Keeps the screen's layout in the settings as the user leaves it: the detail pane's width, the table's column
     * widths and order. {@code changed} is told each time one changes (it saves them).
     */
    public void keepLayout(Settings settings, Runnable changed) {
        keepDetailWidth(settings.sessionsDetailWidth, w -> {
            settings.sessionsDetailWidth = w;
            changed.run();
        });
        table.keepLayout(settings.sessionsColumnWidths, settings.sessionsColumnOrder, changed);
    }

    /**
     * Hands each state of the connection to {@code onUi} on the UI thread (the current one first) until the returned
     * subscription is cancelled.
     */
    public static Subscription follow(ConnectionService connection, TaskRunner tasks, Consumer<ConnectionState> onUi) {
        return connection.addListener(s -> tasks.onUi(() -> onUi.accept(s)))::close;
    }

    /**
     * The detail pane's width before the user has chosen one, in a split this wide: about a third, at least 420 px
     * (the session's id on one line and a frame large enough to read), but never more than 45%.
     */
    static double defaultDetailWidth(double splitWidth) {
        return Math.min(0.45 * splitWidth, Math.max(420, 0.36 * splitWidth));
    }

    /**
     * Opens the detail pane at {@code width} pixels (0: {@link #defaultDetailWidth its default}) once the screen has
     * its size, and reports the width the user gives it by dragging the divider (the table takes what window
     * resizing adds).
     */
    void keepDetailWidth(double width, DoubleConsumer keep) {
        boolean[] placing = {true}; // until the first width is set: a default is not the user's choice
        ChangeListener<Number> sized = new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Number> o, Number before, Number now) {
                double splitWidth = now.doubleValue();
                if (splitWidth > 0) {
                    split.widthProperty().removeListener(this);
                    double wanted = width > 0 ? width : defaultDetailWidth(splitWidth);
                    split.setDividerPositions(Math.max(0.2, 1 - wanted / splitWidth));
                    placing[0] = false;
                }
            }
        };
        split.widthProperty().addListener(sized);
        split.getDividers().get(0).positionProperty().addListener((o, before, position) -> {
            if (!placing[0] && split.getWidth() > 0) {
                keep.accept((double) Math.round((1 - position.doubleValue()) * split.getWidth()));
            }
        });
        // a window made narrower: the detail pane gives way (at most MAX_DETAIL of the split), so that the table
        // keeps more than its id column
        split.widthProperty().addListener((o, before, now) -> {
            if (!placing[0] && now.doubleValue() < before.doubleValue()) {
                Platform.runLater(() -> {
                    if (1 - split.getDividerPositions()[0] > MAX_DETAIL) {
                        split.setDividerPositions(1 - MAX_DETAIL);
                    }
                });
            }
        });
    }

    /**
     * The action, then the keyboard back in the table: the button just pressed is often disabled by what it did (no
     * selection left), and focus would otherwise move on to whatever control comes next in the toolbar.
     */
    private Runnable backToTable(Runnable action) {
        return () -> {
            action.run();
            table.requestFocus();
        };
    }

    /**
     * Above the detail pane: Export… and Send to server… for the session shown, and "History", its audit log
     * (admin keys; see {@link #setOnHistory}).
     */
    private HBox historyBar(ExportEntries exports) {
        Button history = new Button("History", new FontIcon(MaterialDesignH.HISTORY));
        history.setId("sessionHistory");
        history.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        BooleanBinding admin = Bindings.createBooleanBinding(
                () -> Boolean.TRUE.equals(vm.adminProperty().get()), vm.adminProperty());
        history.disableProperty()
                .bind(vm.detail().sessionProperty().isNull().or(admin.not()).or(onHistory.isNull()));
        Tooltip why = new Tooltip();
        why.textProperty()
                .bind(Bindings.when(admin)
                        .then("Who did what to this session, in the audit log")
                        .otherwise("The audit log needs a key with the admin scope"));
        history.setTooltip(why);
        history.setOnAction(e -> {
            Session s = vm.detail().sessionProperty().get();
            if (s != null && onHistory.get() != null) {
                onHistory.get().accept(s.id());
            }
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(6, exports.sessionExport(), exports.sessionSend(), spacer, history);
        bar.setAlignment(Pos.CENTER_RIGHT);
        bar.setPadding(new Insets(4, 8, 0, 8));
        return bar;
    }

    /** What "History" does with the id of the session in the detail pane (opens the Audit screen filtered). */
    public void setOnHistory(Consumer<String> open) {
        onHistory.set(open);
    }

    private HBox undoBar() {
        Label text = new Label();
        text.setId("undoMessage");
        Button undo = new Button("Undo");
        undo.setId("undoDelete");
        undo.getStyleClass().add(Styles.ACCENT);
        undo.setOnAction(e -> vm.actions().onUndo());
        Button close = new Button("Dismiss");
        close.getStyleClass().add(Styles.FLAT);
        close.setOnAction(e -> vm.actions().onDismissUndo());
        HBox bar = new HBox(8, new FontIcon(MaterialDesignD.DELETE_CLOCK_OUTLINE), text, undo, close);
        bar.setId("undoBar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 10, 6, 10));
        bar.getStyleClass().addAll("banner", "banner-info");
        subscriptions.add(vm.actions().undoProperty().subscribe(u -> {
            bar.setVisible(u != null);
            bar.setManaged(u != null);
            text.setText(u == null ? "" : u.message());
        }));
        return bar;
    }

    private VBox messageBar() {
        Label text = new Label();
        text.setId("actionMessage");
        text.textProperty().bind(vm.actions().messageProperty());
        ProgressBar progress = new ProgressBar();
        progress.setId("actionProgress");
        progress.progressProperty().bind(vm.actions().progressProperty());
        progress.visibleProperty().bind(vm.actions().progressProperty().greaterThanOrEqualTo(0));
        progress.managedProperty().bind(progress.visibleProperty());
        Button close = new Button("Dismiss");
        close.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        close.setOnAction(e -> vm.actions().onDismissMessage());
        close.visibleProperty().bind(progress.visibleProperty().not());
        HBox line = new HBox(8, text, progress, close);
        line.setAlignment(Pos.CENTER_LEFT);
        ListView<String> failures = new ListView<>(vm.actions().failures());
        failures.setId("actionFailures");
        failures.setPrefHeight(110);
        failures.visibleProperty().bind(Bindings.isNotEmpty(vm.actions().failures()));
        failures.managedProperty().bind(failures.visibleProperty());
        VBox box = new VBox(4, line, failures);
        box.setId("actionResult");
        box.setPadding(new Insets(6, 10, 6, 10));
        box.visibleProperty().bind(vm.actions().messageProperty().isNotEmpty());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private HBox statusLine() {
        Label count = new Label();
        count.setId("rowCount");
        count.textProperty().bind(vm.countTextProperty());
        count.getStyleClass().add("muted");
        Label selected = new Label();
        selected.setId("selectedCount");
        selected.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> vm.selection().isEmpty() ? "" : vm.selection().size() + " selected", vm.selection()));
        selected.getStyleClass().add("muted");
        HBox line = new HBox(16, count, selected);
        line.setPadding(new Insets(4, 10, 6, 10));
        return line;
    }

    public SessionsViewModel viewModel() {
        return vm;
    }

    /**
     * Lets go of what the screen listens to and, when {@link #start} started it, of the connection and the view model.
     * Call it when the screen goes away.
     */
    public void dispose() {
        table.dispose();
        filterBar.dispose();
        detail.dispose();
        subscriptions.forEach(Subscription::unsubscribe);
        subscriptions.clear();
    }
}
