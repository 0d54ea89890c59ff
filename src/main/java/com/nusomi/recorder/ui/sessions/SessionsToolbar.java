package com.nusomi.recorder.ui.sessions;

import atlantafx.base.theme.Styles;
import com.nusomi.recorder.client.model.SessionStatus;
import java.time.Duration;
import java.util.function.UnaryOperator;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Spinner;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

/**
 * The top of the Sessions screen: the heading with the search for abandoned recordings (hours and minutes, 0
 * included), then the actions on the selection, the trash and Refresh. Two rows that fit a 1024 px window.
 */
final class SessionsToolbar extends VBox {
    private final Spinner<Integer> hours = new Spinner<>(0, 720, 6);
    private final Spinner<Integer> minutes = new Spinner<>(0, 59, 0);

    /**
     * {@code afterAction} wraps each action on the selection (the keyboard goes back to the table); {@code export}
     * is the selection's Export… button.
     */
    SessionsToolbar(SessionsViewModel vm, UnaryOperator<Runnable> afterAction, Node export) {
        setId("sessionsToolbar");
        SessionActions a = vm.actions();
        BooleanBinding busy = is(vm.ops().busyProperty());
        BooleanBinding none = Bindings.isEmpty(vm.selection());
        BooleanBinding admin = Bindings.createBooleanBinding(
                () -> Boolean.TRUE.equals(vm.adminProperty().get()), vm.adminProperty());
        BooleanBinding trash = is(vm.trashProperty());

        Label title = new Label("Sessions");
        title.getStyleClass().add("screen-title");
        ProgressIndicator loading = new ProgressIndicator();
        loading.getStyleClass().add("busy");
        loading.visibleProperty().bind(vm.loadingProperty().or(vm.ops().busyProperty()));
        Button refresh = button("refresh", "Refresh", MaterialDesignR.REFRESH, vm::refresh);
        refresh.setTooltip(new Tooltip("Refresh (F5); the list also reads itself again every few seconds"));
        ToggleButton trashToggle = new ToggleButton("Trash", new FontIcon(MaterialDesignT.TRASH_CAN_OUTLINE));
        trashToggle.setId("trashToggle");
        trashToggle.setMinWidth(Region.USE_PREF_SIZE);
        trashToggle.selectedProperty().bindBidirectional(vm.trashProperty());
        show(trashToggle, admin);

        Button stop = button("stopSelected", "Stop\u2026", MaterialDesignS.STOP, afterAction.apply(a::onStopSelected));
        // Only sessions still created or recording can be stopped: a selection of finished ones disables Stop.
        BooleanBinding nothingToStop = Bindings.createBooleanBinding(
                () -> vm.selection().stream()
                        .noneMatch(s -> s.status() == SessionStatus.CREATED || s.status() == SessionStatus.RECORDING),
                vm.selection());
        stop.disableProperty().bind(busy.or(nothingToStop).or(trash));
        Button delete = button(
                "deleteSelected", "Delete", MaterialDesignD.DELETE_OUTLINE, afterAction.apply(a::onDeleteSelected));
        delete.disableProperty().bind(busy.or(none).or(trash));
        Button hard = button(
                "deletePermanently",
                "Delete forever\u2026",
                MaterialDesignD.DELETE_FOREVER,
                afterAction.apply(a::onDeletePermanently));
        hard.getStyleClass().add(Styles.DANGER);
        hard.disableProperty().bind(busy.or(none));
        show(hard, admin);
        Button restore =
                button("restoreSelected", "Restore", MaterialDesignR.RESTORE, afterAction.apply(a::onRestoreSelected));
        restore.disableProperty().bind(busy.or(none));
        show(restore, trash);

        number(hours, "abandonedHours");
        number(minutes, "abandonedMinutes");
        Button find = button(
                "findAbandoned", "Find abandoned\u2026", MaterialDesignM.MAGNIFY, () -> a.onFindAbandoned(age()));
        find.setTooltip(new Tooltip("Lists the sessions still recording after this long; you choose which to stop"));
        find.disableProperty().bind(busy.or(trash));
        HBox abandoned = new HBox(6, muted("Recording over"), hours, muted("h"), minutes, muted("min"), find);
        abandoned.setAlignment(Pos.CENTER_LEFT);
        abandoned.disableProperty().bind(trash);

        // the heading with the search for abandoned recordings; below it the actions, the trash and Refresh
        HBox heading = new HBox(10, title, loading, spacer(), abandoned);
        heading.setAlignment(Pos.CENTER_LEFT);
        HBox actions = new HBox(6, stop, delete, hard, restore, export, spacer(), trashToggle, refresh);
        actions.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(heading, actions);
        setSpacing(6);
        setPadding(new Insets(8, 10, 2, 10));
    }

    /** The age the finder looks for: the hours and minutes given (a number typed but not yet entered counts). */
    Duration age() {
        return Duration.ofHours(commit(hours)).plusMinutes(commit(minutes));
    }

    private static int commit(Spinner<Integer> s) {
        try {
            s.commitValue();
        } catch (RuntimeException notANumber) {
            s.cancelEdit();
        }
        return s.getValue();
    }

    private static void number(Spinner<Integer> s, String id) {
        s.setId(id);
        s.setEditable(true);
        s.setPrefWidth(76);
        s.setMinWidth(76);
        s.getEditor().setPrefColumnCount(3);
    }

    private static Region spacer() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        r.setMinWidth(8);
        return r;
    }

    private static Label muted(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("muted");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static BooleanBinding is(ObservableBooleanValue value) {
        return Bindings.createBooleanBinding(value::get, value);
    }

    private static void show(Node node, ObservableBooleanValue when) {
        node.visibleProperty().bind(when);
        node.managedProperty().bind(when);
    }

    private static Button button(String id, String text, Ikon icon, Runnable action) {
        Button b = new Button(text, new FontIcon(icon));
        b.setId(id);
        b.setOnAction(e -> action.run());
        b.setMinWidth(Region.USE_PREF_SIZE);
        return b;
    }
}
