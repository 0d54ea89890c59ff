package com.nusomi.recorder.ui.sessions;

import atlantafx.base.theme.Styles;
import com.nusomi.recorder.app.TaskRunner;
import com.nusomi.recorder.app.connection.ConnectionService;
import com.nusomi.recorder.app.connection.ConnectionState;
import com.nusomi.recorder.app.settings.Settings;
import com.nusomi.recorder.client.model.SessionStatus;
import com.nusomi.recorder.ui.common.Banner;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

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
    private FrameViewerOpener frameViewer;

    public SessionsView(SessionsViewModel vm) {
        this.vm = vm;
        setId("sessionsView");
        getStyleClass().add("sessions-view");
        vm.actions().setConfirmations(new SessionsDialogs(this));
        filterBar = new FilterBar(vm);
        table = new SessionsTable(vm);
        detail = new SessionDetailPane(vm.detail(), () -> {
            if (frameViewer != null && getScene() != null) {
                frameViewer.open(vm.detail().film(), getScene().getWindow());
            }
        });
        failure = new Banner(vm.ops());
        failure.setId("sessionsFailure");

        split = new SplitPane(table, detail);
        split.setId("sessionsSplit");
        split.setDividerPositions(0.64);
        SplitPane.setResizableWithParent(detail, false);
        detail.setMinWidth(300);
        table.setMinWidth(300);

        setTop(new VBox(toolbar(), filterBar, new Separator(), failure));
        setCenter(split);
        setBottom(new VBox(undoBar(), messageBar(), statusLine()));
        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.F5) {
                vm.refresh();
                e.consume();
            }
        });
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
    }

    private FlowPane toolbar() {
        SessionActions a = vm.actions();
        BooleanBinding busy = is(vm.ops().busyProperty());
        BooleanBinding none = Bindings.isEmpty(vm.selection());
        BooleanBinding admin = Bindings.createBooleanBinding(
                () -> Boolean.TRUE.equals(vm.adminProperty().get()), vm.adminProperty());
        BooleanBinding trash = is(vm.trashProperty());

        Button refresh = button("refresh", "Refresh", MaterialDesignR.REFRESH, vm::refresh);
        refresh.setTooltip(new Tooltip("Refresh (F5)"));
        Button stop = button("stopSelected", "Stop", MaterialDesignS.STOP, backToTable(a::onStopSelected));
        // Only sessions still created or recording can be stopped: a selection of finished ones disables Stop.
        BooleanBinding nothingToStop = Bindings.createBooleanBinding(
                () -> vm.selection().stream()
                        .noneMatch(s -> s.status() == SessionStatus.CREATED || s.status() == SessionStatus.RECORDING),
                vm.selection());
        stop.disableProperty().bind(busy.or(nothingToStop).or(trash));
        Button delete =
                button("deleteSelected", "Delete", MaterialDesignD.DELETE_OUTLINE, backToTable(a::onDeleteSelected));
        delete.disableProperty().bind(busy.or(none).or(trash));
        Button hard = button(
                "deletePermanently",
                "Delete forever",
                MaterialDesignD.DELETE_FOREVER,
                backToTable(a::onDeletePermanently));
        hard.getStyleClass().add(Styles.DANGER);
        hard.disableProperty().bind(busy.or(none));
        show(hard, admin);
        Button restore =
                button("restoreSelected", "Restore", MaterialDesignR.RESTORE, backToTable(a::onRestoreSelected));
        restore.disableProperty().bind(busy.or(none));
        show(restore, trash);

        Spinner<Integer> hours = new Spinner<>(1, 720, 6);
        hours.setId("abandonedHours");
        hours.setEditable(true);
        hours.setPrefWidth(90);
        hours.getEditor().setPrefColumnCount(3);
        Button find = button("findAbandoned", "Find abandoned", MaterialDesignM.MAGNIFY, () -> {
            try {
                hours.commitValue(); // a number typed but not yet entered counts
            } catch (RuntimeException notANumber) {
                hours.cancelEdit();
            }
            a.onFindAbandoned(hours.getValue());
        });
        find.setTooltip(new Tooltip("Sessions still recording after this many hours; asks before stopping them"));
        find.disableProperty().bind(busy.or(trash));
        Label after = new Label("Recording for more than");
        after.getStyleClass().add("muted");
        Label h = new Label("h");
        h.getStyleClass().add("muted");

        ToggleButton trashToggle = new ToggleButton("Trash", new FontIcon(MaterialDesignT.TRASH_CAN_OUTLINE));
        trashToggle.setId("trashToggle");
        trashToggle.selectedProperty().bindBidirectional(vm.trashProperty());
        show(trashToggle, admin);

        HBox actions = new HBox(6, refresh, stop, delete, hard, restore);
        actions.setAlignment(Pos.CENTER_LEFT);
        HBox abandoned = new HBox(6, after, hours, h, find);
        abandoned.setAlignment(Pos.CENTER_LEFT);
        // groups set apart by space, not separators: in a window too narrow for one row, a group wraps whole and no
        // separator is left at the start of the second row
        FlowPane bar = new FlowPane(20, 6, actions, abandoned, trashToggle);
        bar.setId("sessionsToolbar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 10, 2, 10));
        return bar;
    }

    private static BooleanBinding is(ObservableBooleanValue value) {
        return Bindings.createBooleanBinding(value::get, value);
    }

    private static void show(Node node, ObservableBooleanValue when) {
        node.visibleProperty().bind(when);
        node.managedProperty().bind(when);
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

    private static Button button(String id, String text, Ikon icon, Runnable action) {
        Button b = new Button(text, new FontIcon(icon));
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
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
