package com.nusomi.recorder.ui.sessions;

import atlantafx.base.theme.Styles;
import com.nusomi.recorder.client.model.Event;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

/**
 * One event of the detail pane's timeline: offset, type, data; a click jumps to the frame nearest to it. The event's
 * data as JSON shows in a tooltip that the list's cells share, made on the first hover: a tooltip of its own per
 * cell is a popup window with a scene of its own, styled as each cell is made, which a session's first showing
 * waited for.
 */
final class EventCell extends ListCell<Event> {
    private final Label offset = new Label();
    private final Label type = new Label();
    private final Label data = new Label();
    private final HBox box = new HBox(8, offset, type, data);
    private final Supplier<RecordedTime> time;
    private final Supplier<Tooltip> tooltip;

    /** Offsets in {@code time}; {@code tooltip} gives the shared tooltip ({@link #sharedTooltip()}). */
    EventCell(Supplier<RecordedTime> time, Supplier<Tooltip> tooltip, Consumer<Event> onClick) {
        this.time = time;
        this.tooltip = tooltip;
        setOnMouseClicked(click -> {
            if (!isEmpty() && getItem() != null) {
                onClick.accept(getItem());
            }
        });
        setOnMouseEntered(e -> showDataOnHover());
        offset.getStyleClass().add("muted");
        offset.setMinWidth(70);
        type.getStyleClass().add(Styles.TEXT_BOLD);
        type.setMinWidth(90);
    }

    /** One tooltip for a list's cells, made when first asked for. */
    static Supplier<Tooltip> sharedTooltip() {
        Tooltip[] made = new Tooltip[1];
        return () -> {
            if (made[0] == null) {
                made[0] = new Tooltip();
            }
            return made[0];
        };
    }

    @Override
    protected void updateItem(Event e, boolean empty) {
        super.updateItem(e, empty);
        if (empty || e == null) {
            setGraphic(null);
            offset.setText(null);
            type.setText(null);
            data.setText(null);
        } else {
            offset.setText(Formats.offset(time.get().event(e)));
            type.setText(e.type());
            type.getStyleClass().remove(Styles.DANGER);
            if ("error".equals(e.type())) {
                type.getStyleClass().add(Styles.DANGER);
            }
            data.setText(Formats.eventSummary(e.type(), e.data()));
            setGraphic(box);
        }
        if (isHover()) {
            showDataOnHover(); // scrolled under the pointer: this event's data now
        } else {
            setTooltip(null);
        }
    }

    /** The pointer is over this cell: the shared tooltip, with this event's data, or none for an event without. */
    private void showDataOnHover() {
        Event e = getItem();
        String json = isEmpty() || e == null ? "" : Formats.compactJson(e.data());
        if (json.isEmpty()) {
            setTooltip(null);
        } else {
            Tooltip t = tooltip.get();
            t.setText(json);
            setTooltip(t);
        }
    }
}
