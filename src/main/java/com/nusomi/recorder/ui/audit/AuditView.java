package com.nusomi.recorder.ui.audit;

import atlantafx.base.theme.Styles;
import com.nusomi.recorder.client.model.AuditLogEntry;
import com.nusomi.recorder.ui.common.Banner;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import javafx.util.Subscription;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;

/**
 * The Audit screen: who did what to which session, newest first, with filters by session and by action and a page
 * at a time. Reads the log each time it comes into view. A key without the admin scope sees why, not an error.
 */
public final class AuditView extends BorderPane {
    static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneId.systemDefault());
    private static final String ALL = "All actions";

    private final AuditViewModel vm;
    private final List<Subscription> subscriptions = new ArrayList<>();

    public AuditView(AuditViewModel vm) {
        this.vm = vm;
        setId("auditView");
        getStyleClass().add("audit-view");

        Label title = new Label("Audit log");
        title.getStyleClass().add("screen-title");
        ProgressIndicator loading = new ProgressIndicator();
        loading.getStyleClass().add("busy");
        loading.visibleProperty().bind(vm.loadingProperty());
        Button refresh = new Button("Refresh", new FontIcon(MaterialDesignR.REFRESH));
        refresh.setId("auditRefresh");
        refresh.setOnAction(e -> vm.load());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox heading = new HBox(10, title, loading, spacer, refresh);
        heading.setAlignment(Pos.CENTER_LEFT);

        TextField session = new TextField();
        session.setId("auditSession");
        session.setPromptText("session id (ses_\u2026)");
        session.setPrefColumnCount(20);
        session.setMinWidth(120);
        session.textProperty().bindBidirectional(vm.sessionIdProperty());
        session.setOnAction(e -> vm.load());
        ComboBox<String> action = new ComboBox<>();
        action.setId("auditAction");
        action.getItems().add(ALL);
        action.getItems().addAll(AuditViewModel.ACTIONS);
        action.setConverter(new StringConverter<>() {
            @Override
            public String toString(String v) {
                return v == null ? ALL : v;
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        subscriptions.add(vm.actionProperty().subscribe(a -> action.setValue(a == null ? ALL : a)));
        action.valueProperty().addListener((o, a, b) -> {
            String chosen = b == null || b.equals(ALL) ? null : b;
            if (!Objects.equals(chosen, vm.actionProperty().get())) {
                vm.actionProperty().set(chosen);
                vm.load();
            }
        });
        Button show = new Button("Show", new FontIcon(MaterialDesignM.MAGNIFY));
        show.setId("auditApply");
        show.setOnAction(e -> vm.load());
        show.setTooltip(new Tooltip("Read the log for this session (Enter in the field does the same)"));
        Button clear = new Button("Clear filters");
        clear.setId("auditClear");
        clear.getStyleClass().add(Styles.FLAT);
        clear.setOnAction(e -> vm.onClearFilters());
        for (Control c : List.of(show, clear, action, refresh)) {
            c.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox filters = new HBox(8, muted("Session"), session, show, muted("Action"), action, clear);
        filters.setAlignment(Pos.CENTER_LEFT);

        VBox top = new VBox(8, heading, filters, new Banner(vm.ops()));
        top.setPadding(new Insets(8, 10, 6, 10));
        setTop(top);

        TableView<AuditLogEntry> table = new TableView<>(vm.rows());
        table.setId("auditTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns()
                .addAll(List.of(
                        column("When", e -> e.at() == null ? "" : TIME.format(e.at()), 170),
                        column("Action", AuditLogEntry::action, 160),
                        column("Session", AuditLogEntry::sessionId, 250),
                        column("Key", AuditLogEntry::apiKeyId, 120),
                        column("Details", e -> details(e.details()), 260)));
        // the fixed-width columns are never cut; ids lose their middle, not their distinguishing end
        table.getColumns().get(0).setMinWidth(170);
        table.getColumns().get(1).setMinWidth(160);
        table.getColumns().get(4).setUserData(OverrunStyle.ELLIPSIS); // details: cut at the end
        Label empty = new Label();
        empty.setId("auditEmpty");
        empty.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> vm.loadingProperty().get() ? "Loading\u2026" : "No entries match these filters.",
                        vm.loadingProperty()));
        table.setPlaceholder(empty);
        Label denied = new Label();
        denied.setId("auditDenied");
        denied.setWrapText(true);
        denied.setMaxWidth(560);
        denied.getStyleClass().add(Styles.WARNING);
        denied.textProperty().bind(vm.deniedProperty());
        denied.visibleProperty().bind(vm.deniedProperty().isNotNull());
        table.visibleProperty().bind(denied.visibleProperty().not());
        filters.disableProperty().bind(denied.visibleProperty());
        setCenter(new StackPane(table, denied));

        Button more = new Button("Load more");
        more.setId("auditMore");
        more.setOnAction(e -> vm.loadMore());
        more.disableProperty().bind(vm.hasMoreProperty().not().or(vm.loadingProperty()));
        Label count = new Label();
        count.setId("auditCount");
        count.getStyleClass().add("muted");
        count.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> vm.rows().size()
                                + (vm.rows().size() == 1 ? " entry" : " entries")
                                + (vm.hasMoreProperty().get()
                                        ? " loaded, newest first; more to load"
                                        : ", newest first"),
                        vm.rows(),
                        vm.hasMoreProperty()));
        HBox bottom = new HBox(12, count, more);
        bottom.setAlignment(Pos.CENTER_LEFT);
        bottom.setPadding(new Insets(6, 10, 6, 10));
        setBottom(bottom);

        // read again each time the screen comes into view: the log only grows
        subscriptions.add(sceneProperty().subscribe(scene -> {
            if (scene != null) {
                vm.load();
            }
        }));
    }

    /** Shows the history of one session (its id as the filter). */
    public void showSession(String sessionId) {
        vm.showSession(sessionId);
    }

    /** Details as {@code key: value} pairs, in the order the server gave them. */
    static String details(Map<String, Object> details) {
        return details == null
                ? ""
                : details.entrySet().stream()
                        .map(e -> e.getKey() + ": " + e.getValue())
                        .collect(Collectors.joining(", "));
    }

    private static Label muted(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("muted");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static TableColumn<AuditLogEntry, String> column(
            String title, Function<AuditLogEntry, String> value, double width) {
        TableColumn<AuditLogEntry, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setCellFactory(col -> {
            TableCell<AuditLogEntry, String> cell = new TableCell<>() {
                @Override
                protected void updateItem(String item, boolean empty) {
                    super.updateItem(item, empty);
                    setText(empty ? null : item);
                    setTooltip(empty || item == null || item.isEmpty() ? null : new Tooltip(item));
                }
            };
            cell.setTextOverrun(col.getUserData() instanceof OverrunStyle o ? o : OverrunStyle.CENTER_ELLIPSIS);
            return cell;
        });
        c.setPrefWidth(width);
        return c;
    }

    public AuditViewModel viewModel() {
        return vm;
    }

    /** Lets go of what the screen listens to. */
    public void dispose() {
        subscriptions.forEach(Subscription::unsubscribe);
        subscriptions.clear();
    }
}
