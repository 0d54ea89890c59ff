package com.nusomi.recorder.ui.sessions;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import com.nusomi.recorder.client.model.Session;
import com.nusomi.recorder.client.model.SessionStatus;
import com.nusomi.recorder.client.model.Tag;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.util.Subscription;

/**
 * The sessions as a table: newest first as the API returns them, multi-select, copy id (context menu and Ctrl+C),
 * and the next page requested when the last rows come into view. The selection is pushed to the view model and put
 * back after a reload. No column sorts: the server pages the rows in its one order and its list takes no other, so
 * sorting the rows loaded so far would show an order the pages do not follow (each header says so in a tooltip).
 */
final class SessionsTable extends TableView<Session> {
    /** Ask for the next page when a row this close to the end is shown. */
    static final int NEAR_END = 10;

    static final double ROW_HEIGHT = 28;
    /** The tooltip of every column header. */
    static final String NOT_SORTABLE =
            "Sessions are listed newest first, as the server pages them: the list " + "cannot be sorted by a column";

    private final SessionsViewModel vm;
    private final List<Subscription> subscriptions = new ArrayList<>();
    private final Tooltip headerTip = new Tooltip(NOT_SORTABLE);
    private boolean reselecting;

    SessionsTable(SessionsViewModel vm) {
        this.vm = vm;
        setId("sessionsTable");
        getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        setItems(vm.rows());
        setFixedCellSize(ROW_HEIGHT);
        getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        Label empty = new Label();
        empty.setId("sessionsEmpty");
        empty.setWrapText(true);
        empty.setMaxWidth(460);
        empty.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> emptyText(
                                vm.loadingProperty().get(),
                                vm.loadingFromProperty().get(),
                                vm.trashProperty().get(),
                                vm.filters().getFilters().isEmpty()),
                        vm.loadingProperty(),
                        vm.loadingFromProperty(),
                        vm.trashProperty(),
                        vm.filters().filtersProperty()));
        setPlaceholder(empty);

        TableColumn<Session, String> id = column("Id", Session::id, String::valueOf, 210);
        // the tail of an id is what tells ids apart: elide the middle, never the end
        id.setCellFactory(c -> {
            FormattedCell<String> cell = new FormattedCell<>(String::valueOf);
            cell.setTextOverrun(OverrunStyle.CENTER_WORD_ELLIPSIS);
            return cell;
        });
        getColumns().add(id);
        getColumns().add(column("Workflow", Session::workflow, String::valueOf, 150));
        TableColumn<Session, SessionStatus> status = new TableColumn<>("Status");
        status.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().status()));
        status.setCellFactory(c -> new StatusCell());
        status.setPrefWidth(100);
        status.setSortable(false);
        getColumns().add(status);
        getColumns()
                .add(column(
                        "Outcome", s -> s.outcome() == null ? "" : s.outcome().wireValue(), String::valueOf, 95));
        getColumns()
                .add(column(
                        "Actor",
                        s -> s.actor() == null
                                ? ""
                                : s.actor().id() + " (" + s.actor().kind().wireValue() + ")",
                        String::valueOf,
                        170));
        getColumns().add(column("Started", Session::startedAt, Formats::time, 150));
        TableColumn<Session, Long> duration = column("Duration", Session::recordedMs, Formats::duration, 90);
        duration.setCellFactory(c -> new DurationCell());
        getColumns().add(duration);
        getColumns().add(column("Frames", Session::frameCount, String::valueOf, 65));
        getColumns().add(column("Events", Session::eventCount, String::valueOf, 65));
        getColumns()
                .add(column(
                        "Tags",
                        s -> s.tags().stream().map(Tag::name).distinct().collect(Collectors.joining(", ")),
                        String::valueOf,
                        160));

        setRowFactory(t -> new NearEndRow());
        getSelectionModel().getSelectedItems().addListener((ListChangeListener<Session>) c -> {
            if (!reselecting) {
                vm.setSelection(new ArrayList<>(getSelectionModel().getSelectedItems()));
            }
        });
        subscriptions.add(vm.reselectProperty().subscribe(r -> {
            if (r != null) {
                reselect(r.ids());
            }
        }));
        // a page that does not fill the table: there is nothing to scroll, so ask for more at once
        subscriptions.add(vm.hasMoreProperty().subscribe(more -> requestLayout()));
        setContextMenu(contextMenu());
        setOnKeyPressed(e -> {
            if (new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN).match(e)) {
                copyIds();
                e.consume();
            } else if (e.getCode() == KeyCode.DELETE
                    && !vm.trashProperty().get()
                    && !vm.ops().isBusy()
                    && !getSelectionModel().isEmpty()) {
                vm.actions().onDeleteSelected(); // soft, with undo
                e.consume();
            }
        });
    }

    /** What the table says when it has no rows: loading (from which server), a first-run hint, or no match. */
    static String emptyText(boolean loading, String server, boolean trash, boolean noFilters) {
        if (loading) {
            return server == null ? "Loading\u2026" : "Loading from " + server + "\u2026";
        }
        if (trash) {
            return "The trash is empty.";
        }
        if (noFilters) {
            return "No sessions yet. To record your first one, open Record, type a workflow name "
                    + "(such as process_invoice) and press Start (Ctrl+Shift+R).";
        }
        return "No sessions match these filters.";
    }

    /**
     * Lays the columns out as the reviewer left them (widths by title, then the order; titles no longer there are
     * ignored, new columns go last) and keeps {@code widths} and {@code order} up to date as they are changed,
     * telling {@code changed} each time.
     */
    void keepLayout(Map<String, Double> widths, List<String> order, Runnable changed) {
        for (TableColumn<Session, ?> c : getColumns()) {
            Double w = widths.get(c.getText());
            if (w != null && w > 0) {
                c.setPrefWidth(w);
            }
        }
        if (!order.isEmpty()) {
            List<TableColumn<Session, ?>> arranged = new ArrayList<>(getColumns());
            arranged.sort(Comparator.comparingInt(c -> {
                int i = order.indexOf(c.getText());
                return i < 0 ? Integer.MAX_VALUE : i;
            }));
            getColumns().setAll(arranged);
        }
        for (TableColumn<Session, ?> c : getColumns()) {
            c.widthProperty().addListener((o, before, now) -> {
                widths.put(c.getText(), now.doubleValue());
                changed.run();
            });
        }
        getColumns().addListener((ListChangeListener<TableColumn<Session, ?>>) change -> {
            order.clear();
            getColumns().forEach(c -> order.add(c.getText()));
            changed.run();
        });
    }

    private void reselect(Set<String> ids) {
        reselecting = true;
        try {
            getSelectionModel().clearSelection();
            List<Integer> rows = new ArrayList<>();
            for (int i = 0; i < getItems().size(); i++) {
                if (ids.contains(getItems().get(i).id())) {
                    rows.add(i);
                }
            }
            if (!rows.isEmpty()) {
                int first = rows.get(0);
                getSelectionModel()
                        .selectIndices(
                                first,
                                rows.stream()
                                        .skip(1)
                                        .mapToInt(Integer::intValue)
                                        .toArray());
                getFocusModel().focus(rows.get(rows.size() - 1));
            }
        } finally {
            reselecting = false;
        }
        vm.setSelection(new ArrayList<>(getSelectionModel().getSelectedItems()));
    }

    private ContextMenu contextMenu() {
        MenuItem copy = new MenuItem("Copy id");
        copy.setId("copyId");
        copy.setAccelerator(new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN));
        copy.setOnAction(e -> copyIds());
        MenuItem stop = new MenuItem("Stop");
        stop.setOnAction(e -> vm.actions().onStopSelected());
        MenuItem delete = new MenuItem("Delete");
        delete.setAccelerator(new KeyCodeCombination(KeyCode.DELETE));
        delete.setOnAction(e -> vm.actions().onDeleteSelected());
        MenuItem refresh = new MenuItem("Refresh");
        refresh.setOnAction(e -> vm.refresh());
        ContextMenu menu =
                new ContextMenu(copy, new SeparatorMenuItem(), stop, delete, new SeparatorMenuItem(), refresh);
        menu.setOnShowing(e -> {
            boolean none = getSelectionModel().isEmpty();
            copy.setDisable(none);
            stop.setDisable(none || vm.trashProperty().get());
            delete.setDisable(none || vm.trashProperty().get());
        });
        return menu;
    }

    /** Puts the selected ids on the clipboard, one a line. */
    void copyIds() {
        String ids =
                getSelectionModel().getSelectedItems().stream().map(Session::id).collect(Collectors.joining("\n"));
        if (!ids.isEmpty()) {
            ClipboardContent content = new ClipboardContent();
            content.putString(ids);
            Clipboard.getSystemClipboard().setContent(content);
        }
    }

    private static <V> TableColumn<Session, V> column(
            String title, Function<Session, V> value, Function<V, String> format, double width) {
        TableColumn<Session, V> col = new TableColumn<>(title);
        col.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        col.setCellFactory(c -> new FormattedCell<>(format));
        col.setPrefWidth(width);
        col.setSortable(false);
        return col;
    }

    /** A text cell that formats its value. */
    private static final class FormattedCell<V> extends TableCell<Session, V> {
        private final Function<V, String> format;

        FormattedCell(Function<V, String> format) {
            this.format = format;
        }

        @Override
        protected void updateItem(V item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : format.apply(item));
        }
    }

    /**
     * The recorded duration (pauses left out, as the Record screen's timer counts); for a run that was paused, a
     * tooltip gives the paused and the wall time. The tooltip (a popup window of its own) is made only for such a
     * row, once per cell.
     */
    private static final class DurationCell extends TableCell<Session, Long> {
        private Tooltip tip;

        @Override
        protected void updateItem(Long item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : Formats.duration(item));
            int i = getIndex();
            Session s = empty
                            || getTableView() == null
                            || i < 0
                            || i >= getTableView().getItems().size()
                    ? null
                    : getTableView().getItems().get(i);
            if (s == null || s.pausedMs() <= 0) {
                setTooltip(null);
                return;
            }
            if (tip == null) {
                tip = new Tooltip();
            }
            tip.setText("Recorded " + Formats.duration(s.recordedMs()) + " · paused " + Formats.paused(s));
            setTooltip(tip);
        }
    }

    /**
     * The status as a coloured word: the cell's own text, coloured by a pseudo-class. Rows are refilled on every
     * page, so the cell changes no style classes and no children (either makes JavaFX match the whole stylesheet
     * against the node again, which was most of the time it took to show a new page).
     */
    private static final class StatusCell extends TableCell<Session, SessionStatus> {
        private static final Map<SessionStatus, PseudoClass> STATES = new EnumMap<>(SessionStatus.class);

        static {
            for (SessionStatus s : SessionStatus.values()) {
                STATES.put(s, PseudoClass.getPseudoClass(s.wireValue()));
            }
        }

        private SessionStatus shown;

        StatusCell() {
            getStyleClass().add("session-status");
        }

        @Override
        protected void updateItem(SessionStatus item, boolean empty) {
            super.updateItem(item, empty);
            SessionStatus now = empty ? null : item;
            if (now != shown) {
                if (shown != null) {
                    pseudoClassStateChanged(STATES.get(shown), false);
                }
                if (now != null) {
                    pseudoClassStateChanged(STATES.get(now), true);
                }
                shown = now;
            }
            setText(now == null ? null : now.wireValue());
        }
    }

    /** A row that asks for the next page when it shows one of the last rows. */
    private final class NearEndRow extends TableRow<Session> {
        @Override
        protected void updateItem(Session item, boolean empty) {
            super.updateItem(item, empty);
            if (!empty
                    && item != null
                    && getIndex() >= getItems().size() - NEAR_END
                    && isVisible()
                    && vm.hasMoreProperty().get()) {
                vm.loadMore();
            }
        }
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        explainHeaders();
    }

    /** Gives each header's title the tooltip that says why it does not sort (the skin makes new headers at times). */
    private void explainHeaders() {
        Node headerRow = lookup(".column-header-background");
        if (headerRow == null) {
            return;
        }
        for (Node header : headerRow.lookupAll(".column-header")) {
            if (header instanceof TableColumnHeader h) {
                for (Node child : h.getChildrenUnmodifiable()) {
                    if (child instanceof Label title && title.getTooltip() == null) {
                        title.setTooltip(headerTip);
                    }
                }
            }
        }
    }

    /** Stops following the view model (the screen is going away). */
    void dispose() {
        subscriptions.forEach(Subscription::unsubscribe);
        subscriptions.clear();
    }
}
