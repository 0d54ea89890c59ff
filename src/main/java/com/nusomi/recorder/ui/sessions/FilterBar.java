package com.nusomi.recorder.ui.sessions;

import atlantafx.base.theme.Styles;
import com.nusomi.recorder.client.model.ActorKind;
import com.nusomi.recorder.client.model.Outcome;
import com.nusomi.recorder.client.model.SessionStatus;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.stage.Window;
import javafx.util.StringConverter;
import javafx.util.Subscription;
import org.controlsfx.control.CheckComboBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;

/**
 * Every list filter of the contract, bound to a {@link FilterModel}: workflow, status, outcome and actor kind
 * (multi-selects), since (a preset or a date and time), until, tags; "clear"; and the saved filter sets (save the
 * current filters under a name, open one, manage them in {@link SavedFiltersDialog}).
 */
final class FilterBar extends FlowPane {
    static final String ANY_TIME = "Any time";
    static final String CUSTOM = "From date…";
    static final List<String> SINCE_PRESETS = List.of(ANY_TIME, "1h", "24h", "7d", "30d", CUSTOM);

    private final FilterModel model;
    private final SessionsViewModel vm;
    private final List<Subscription> subscriptions = new ArrayList<>();
    private final ComboBox<String> since = new ComboBox<>(FXCollections.observableArrayList(SINCE_PRESETS));
    private final DatePicker sinceDate = new DatePicker();
    private final TextField sinceTime = new TextField();
    private final DatePicker untilDate = new DatePicker();
    private final TextField untilTime = new TextField();
    private boolean syncing;

    FilterBar(SessionsViewModel vm) {
        this.vm = vm;
        this.model = vm.filters();
        setId("filterBar");
        getStyleClass().add("filter-bar");
        setHgap(8);
        setVgap(6);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(6, 10, 6, 10));

        ObservableList<String> workflowItems = FXCollections.observableArrayList(model.knownWorkflows());
        CheckComboBox<String> workflow =
                multi("filterWorkflow", "Workflow", workflowItems, model.workflows(), Function.identity());
        subscriptions.add(model.knownWorkflows().subscribe(() -> {
            syncing = true;
            try {
                workflowItems.setAll(model.knownWorkflows());
                check(workflow, model.workflows());
            } finally {
                syncing = false;
            }
        }));
        CheckComboBox<SessionStatus> status = multi(
                "filterStatus",
                "Status",
                FXCollections.observableArrayList(FilterModel.allStatuses()),
                model.statuses(),
                SessionStatus::wireValue);
        CheckComboBox<Outcome> outcome = multi(
                "filterOutcome",
                "Outcome",
                FXCollections.observableArrayList(FilterModel.allOutcomes()),
                model.outcomes(),
                Outcome::wireValue);
        CheckComboBox<ActorKind> actor = multi(
                "filterActorKind",
                "Actor kind",
                FXCollections.observableArrayList(FilterModel.allActorKinds()),
                model.actorKinds(),
                ActorKind::wireValue);

        since.setId("filterSince");
        since.setPrefWidth(120);
        since.setConverter(new StringConverter<>() {
            @Override
            public String toString(String v) {
                return v == null || v.equals(ANY_TIME) || v.equals(CUSTOM) ? (v == null ? ANY_TIME : v) : "Last " + v;
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        sinceDate.setId("filterSinceDate");
        sinceDate.setPromptText("date");
        sinceDate.setPrefWidth(130);
        sinceTime.setId("filterSinceTime");
        sinceTime.setPromptText("00:00");
        sinceTime.setPrefColumnCount(4);
        HBox sinceCustom = new HBox(4, sinceDate, sinceTime);
        sinceCustom.visibleProperty().bind(since.valueProperty().isEqualTo(CUSTOM));
        sinceCustom.managedProperty().bind(sinceCustom.visibleProperty());
        untilDate.setId("filterUntilDate");
        untilDate.setPromptText("date");
        untilDate.setPrefWidth(120);
        untilTime.setId("filterUntilTime");
        untilTime.setPromptText("00:00");
        untilTime.setPrefColumnCount(4);

        since.valueProperty().addListener((o, a, b) -> pushSince());
        sinceDate.valueProperty().addListener((o, a, b) -> pushSince());
        sinceTime.textProperty().addListener((o, a, b) -> pushSince());
        untilDate.valueProperty().addListener((o, a, b) -> pushUntil());
        untilTime.textProperty().addListener((o, a, b) -> pushUntil());
        subscriptions.add(model.sinceProperty().subscribe(this::pullSince));
        subscriptions.add(model.untilProperty().subscribe(this::pullUntil));

        TextField tags = tagField("filterTags", "with tags", model.tagsTextProperty(), model.tagsProblemProperty());
        TextField notTags =
                tagField("filterNotTags", "without tags", model.notTagsTextProperty(), model.notTagsProblemProperty());

        Button clear = new Button("Clear");
        clear.setTooltip(new Tooltip("Clear every filter"));
        clear.setId("clearFilters");
        clear.getStyleClass().add(Styles.FLAT);
        clear.setOnAction(e -> vm.onClearFilters());

        // Each label stays on one line with its fields when the bar wraps.
        getChildren()
                .addAll(
                        workflow,
                        status,
                        outcome,
                        actor,
                        group(label("Since"), since, sinceCustom),
                        group(label("Until"), untilDate, untilTime),
                        group(tags, notTags),
                        clear,
                        savedMenu());
    }

    /** A field of tag names; what is wrong with one shows red, with the reason as its tooltip. */
    private TextField tagField(String id, String prompt, StringProperty text, ReadOnlyStringProperty problem) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.setPrefColumnCount(8);
        field.textProperty().bindBidirectional(text);
        Tooltip hint = new Tooltip(
                id.equals("filterTags")
                        ? "Sessions carrying every one of these tags (names, comma separated)"
                        : "Sessions carrying none of these tags (names, comma separated)");
        subscriptions.add(problem.subscribe(p -> {
            field.pseudoClassStateChanged(Styles.STATE_DANGER, p != null);
            field.setTooltip(p == null ? hint : new Tooltip(p));
        }));
        return field;
    }

    private static HBox group(Node... nodes) {
        HBox box = new HBox(6, nodes);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("muted");
        return l;
    }

    private MenuButton savedMenu() {
        MenuButton menu = new MenuButton("Saved filters", new FontIcon(MaterialDesignF.FILTER_OUTLINE));
        menu.setId("savedFilters");
        MenuItem save = new MenuItem("Save current filters as…");
        save.setId("saveFilters");
        save.setOnAction(e -> onSave());
        MenuItem manage = new MenuItem("Manage saved filters…");
        manage.setId("manageSavedFilters");
        manage.setOnAction(e -> new SavedFiltersDialog(vm, window()).showAndWait());
        Runnable rebuild = () -> {
            menu.getItems().setAll(save);
            if (!vm.saved().names().isEmpty()) {
                menu.getItems().add(new SeparatorMenuItem());
                for (String name : vm.saved().names()) {
                    MenuItem open = new MenuItem(name);
                    open.getStyleClass().add("saved-filter");
                    open.setMnemonicParsing(false);
                    open.setOnAction(e -> vm.onOpenSaved(name));
                    menu.getItems().add(open);
                }
                menu.getItems().addAll(new SeparatorMenuItem(), manage);
            }
        };
        rebuild.run();
        subscriptions.add(vm.saved().names().subscribe(rebuild));
        return menu;
    }

    /** Asks for a name and saves the current filters under it; an existing name is replaced, as the dialog says. */
    private void onSave() {
        TextInputDialog d = new TextInputDialog();
        d.setTitle("Save filters");
        d.setHeaderText("Name for the current filters");
        d.setContentText("Name:");
        d.getEditor().setId("savedFilterName");
        d.initOwner(window());
        Button ok = (Button) d.getDialogPane().lookupButton(ButtonType.OK);
        ok.setId("confirmSaveFilters");
        ok.disableProperty().bind(d.getEditor().textProperty().map(String::isBlank));
        ok.textProperty()
                .bind(d.getEditor().textProperty().map(t -> vm.saved().get(t.strip()) != null ? "Replace" : "Save"));
        d.getEditor()
                .textProperty()
                .subscribe(t -> d.setHeaderText(
                        vm.saved().get(t.strip()) != null
                                ? "Replace the saved filter \u201c" + t.strip() + "\u201d with the current filters?"
                                : "Name for the current filters"));
        d.showAndWait().ifPresent(vm.saved()::save);
    }

    private Window window() {
        return getScene() != null ? getScene().getWindow() : null;
    }

    private <T> CheckComboBox<T> multi(
            String id, String title, ObservableList<T> items, ObservableList<T> chosen, Function<T, String> name) {
        CheckComboBox<T> box = new CheckComboBox<>(items);
        box.setId(id);
        box.setTitle(title);
        box.setShowCheckedCount(false);
        box.setPrefWidth(140);
        // the button says what is picked ("Status: recording, stopped"), all of it in the tooltip
        Tooltip picked = new Tooltip(title);
        box.setTooltip(picked);
        Runnable retitle = () -> {
            List<String> names = chosen.stream().map(name).toList();
            box.setTitle(Formats.picked(title, names, 18));
            picked.setText(Formats.picked(title, names, Integer.MAX_VALUE));
        };
        retitle.run();
        subscriptions.add(chosen.subscribe(retitle));
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(T v) {
                return v == null ? "" : name.apply(v);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        });
        check(box, chosen);
        box.getCheckModel().getCheckedItems().addListener((ListChangeListener<T>) c -> {
            if (!syncing) {
                syncing = true;
                try {
                    chosen.setAll(new ArrayList<>(box.getCheckModel().getCheckedItems()));
                } finally {
                    syncing = false;
                }
            }
        });
        subscriptions.add(chosen.subscribe(() -> {
            if (!syncing) {
                syncing = true;
                try {
                    check(box, chosen);
                } finally {
                    syncing = false;
                }
            }
        }));
        return box;
    }

    private static <T> void check(CheckComboBox<T> box, List<T> chosen) {
        box.getCheckModel().clearChecks();
        for (T v : chosen) {
            box.getCheckModel().check(v);
        }
    }

    private void pushSince() {
        if (syncing) {
            return;
        }
        String v = since.getValue();
        String value;
        if (v == null || v.equals(ANY_TIME)) {
            value = null;
        } else if (v.equals(CUSTOM)) {
            Instant at = FilterModel.instant(sinceDate.getValue(), sinceTime.getText());
            value = at == null ? null : at.toString();
        } else {
            value = v;
        }
        syncing = true;
        try {
            model.sinceProperty().set(value);
        } finally {
            syncing = false;
        }
    }

    private void pullSince(String value) {
        if (syncing) {
            return;
        }
        syncing = true;
        try {
            if (value == null) {
                since.setValue(ANY_TIME);
            } else if (SINCE_PRESETS.contains(value)) {
                since.setValue(value);
            } else {
                since.setValue(CUSTOM);
                try {
                    LocalDateTime t = LocalDateTime.ofInstant(Instant.parse(value), ZoneId.systemDefault());
                    sinceDate.setValue(t.toLocalDate());
                    sinceTime.setText(t.toLocalTime().withNano(0).toString());
                } catch (DateTimeParseException e) {
                    sinceDate.setValue(null);
                }
            }
        } finally {
            syncing = false;
        }
    }

    private void pushUntil() {
        if (syncing) {
            return;
        }
        syncing = true;
        try {
            model.untilProperty().set(FilterModel.instant(untilDate.getValue(), untilTime.getText()));
        } finally {
            syncing = false;
        }
    }

    private void pullUntil(Instant value) {
        if (syncing) {
            return;
        }
        syncing = true;
        try {
            if (value == null) {
                untilDate.setValue(null);
                untilTime.setText("");
            } else {
                LocalDateTime t = LocalDateTime.ofInstant(value, ZoneId.systemDefault());
                untilDate.setValue(t.toLocalDate());
                untilTime.setText(t.toLocalTime().withNano(0).toString());
            }
        } finally {
            syncing = false;
        }
    }

    /** Stops following the filter model and the saved filters (the screen is going away). */
    void dispose() {
        subscriptions.forEach(Subscription::unsubscribe);
        subscriptions.clear();
    }
}
