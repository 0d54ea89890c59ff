package com.nusomi.recorder.ui.sessions;

import atlantafx.base.theme.Styles;
import com.nusomi.recorder.client.model.Session;
import com.nusomi.recorder.client.model.SessionStatus;
import com.nusomi.recorder.ui.export.Exports;
import com.nusomi.recorder.ui.export.RunRef;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * Where the Sessions screen offers Export… and Send to server…: for the selection (the toolbar and the table's
 * context menu) and for the session in the detail pane. The dialogs themselves are {@code ui.export}'s.
 */
final class ExportEntries {
    private final SessionsViewModel vm;
    private final Node owner;

    ExportEntries(SessionsViewModel vm, Node owner) {
        this.vm = vm;
        this.owner = owner;
    }

    private Exports exports() {
        return vm.exports();
    }

    /** Exports the selected rows (nothing in the trash: a deleted session cannot be read). */
    void exportSelection() {
        List<RunRef> runs = vm.selection().stream().map(RunRef::of).toList();
        if (!runs.isEmpty() && !vm.trashProperty().get()) {
            exports().openExport(owner, runs);
        }
    }

    /** "Export…" in the toolbar, for the selected rows. */
    Button selectionButton() {
        Button b = button("exportSelected", "Export\u2026", new FontIcon(MaterialDesignE.EXPORT));
        b.setTooltip(new Tooltip("A step guide (HTML, PDF), a video or run bundles of the selected sessions"));
        b.disableProperty().bind(Bindings.isEmpty(vm.selection()).or(vm.trashProperty()));
        b.setOnAction(e -> exportSelection());
        return b;
    }

    /** "Export…" for the table's context menu. */
    MenuItem menuItem() {
        MenuItem item = new MenuItem("Export\u2026");
        item.setId("exportMenu");
        item.setOnAction(e -> exportSelection());
        item.disableProperty().bind(Bindings.isEmpty(vm.selection()).or(vm.trashProperty()));
        return item;
    }

    /** "Export…" for the session in the detail pane. */
    Button sessionExport() {
        ReadOnlyObjectProperty<Session> shown = vm.detail().sessionProperty();
        Button b = button("exportSession", "Export\u2026", new FontIcon(MaterialDesignE.EXPORT));
        b.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        b.setTooltip(new Tooltip("A step guide, a video or a run bundle of this session"));
        b.disableProperty().bind(shown.isNull().or(vm.trashProperty()));
        b.setOnAction(e -> {
            Session s = shown.get();
            if (s != null) {
                exports().openExport(owner, List.of(RunRef.of(s)));
            }
        });
        return b;
    }

    /**
     * "Send to server…" for the session in the detail pane: shown while the app is on its embedded server and a
     * hosted or team server is set in Settings; for finished runs only.
     */
    Button sessionSend() {
        ReadOnlyObjectProperty<Session> shown = vm.detail().sessionProperty();
        Button b = button("sendSession", "Send to server\u2026", new FontIcon(MaterialDesignS.SEND_OUTLINE));
        b.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        Tooltip why = new Tooltip();
        why.textProperty().bind(Bindings.concat("Move this run to ", exports().sendAddressProperty()));
        b.setTooltip(why);
        BooleanBinding finished = Bindings.createBooleanBinding(
                () -> shown.get() != null
                        && !shown.get().isDeleted()
                        && (shown.get().status() == SessionStatus.STOPPED
                                || shown.get().status() == SessionStatus.SEALED),
                shown);
        b.disableProperty().bind(finished.not().or(vm.trashProperty()));
        b.visibleProperty().bind(exports().sendAddressProperty().isNotNull());
        b.managedProperty().bind(b.visibleProperty());
        shown.subscribe(s -> exports().refreshSendTarget()); // the settings may have changed since
        b.setOnAction(e -> {
            Session s = shown.get();
            if (s != null) {
                exports().openSend(owner, RunRef.of(s), id -> vm.actions().delete(List.of(id)));
            }
        });
        return b;
    }

    private static Button button(String id, String text, FontIcon icon) {
        Button b = new Button(text, icon);
        b.setId(id);
        b.setMinWidth(Region.USE_PREF_SIZE);
        return b;
    }
}
