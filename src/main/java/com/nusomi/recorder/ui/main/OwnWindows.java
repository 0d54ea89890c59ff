package com.nusomi.recorder.ui.main;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.InvalidationListener;
import javafx.stage.Stage;

/**
 * The bounds of our own visible windows (the main window, the mini recorder) in screen pixels, which the recorder
 * blacks out of its frames. The windows are read here, on the FX thread, each time one moves, resizes, shows, hides
 * or is minimised; the recorder's threads only read the list last published.
 */
public final class OwnWindows {
    private final List<Stage> stages = new ArrayList<>();
    private final AtomicReference<List<Rectangle>> bounds = new AtomicReference<>(List.of());

    /** The bounds as last published (any thread). */
    public List<Rectangle> bounds() {
        return bounds.get();
    }

    /** Follows this window from now on (FX thread). */
    public void track(Stage stage) {
        stages.add(stage);
        InvalidationListener update = o -> publish();
        stage.xProperty().addListener(update);
        stage.yProperty().addListener(update);
        stage.widthProperty().addListener(update);
        stage.heightProperty().addListener(update);
        stage.showingProperty().addListener(update);
        stage.iconifiedProperty().addListener(update);
    }

    private void publish() {
        List<Rectangle> rects = new ArrayList<>();
        for (Stage s : stages) {
            if (s.isShowing() && !s.isIconified()) {
                double scale = s.getOutputScaleX();
                rects.add(new Rectangle(
                        (int) Math.floor(s.getX() * scale),
                        (int) Math.floor(s.getY() * scale),
                        (int) Math.ceil(s.getWidth() * scale),
                        (int) Math.ceil(s.getHeight() * scale)));
            }
        }
        bounds.set(List.copyOf(rects));
    }
}
