package com.nusomi.recorder.ui.common;

import javafx.event.EventHandler;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

/**
 * Tooltips made when the pointer first enters their control, not when the screen is built: each {@link Tooltip}
 * is a popup window of its own, and a screen with a dozen of them pays for all of them before its first frame.
 * The tooltip shows as usual once made (its timer starts on the next mouse move over the control).
 */
public final class Tips {
    private Tips() {}

    public static void set(Control control, String text) {
        control.addEventHandler(MouseEvent.MOUSE_ENTERED, new EventHandler<>() {
            @Override
            public void handle(MouseEvent e) {
                control.removeEventHandler(MouseEvent.MOUSE_ENTERED, this);
                if (control.getTooltip() == null) {
                    control.setTooltip(new Tooltip(text));
                }
            }
        });
    }
}
