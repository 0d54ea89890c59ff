package com.nusomi.recorder.ui.sessions;

import com.nusomi.recorder.ui.sessions.TagMarks.TagMarker;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;

/**
 * The tags of a run under the film strip's scrubber, each a named mark at its moment: its name shows while there is
 * room, and a mark too close to the one before it shrinks to a tick whose tooltip names it. Clicking a mark jumps to
 * the frame at that moment.
 */
final class TagTrack extends Pane {
    static final double HEIGHT = 18;
    /** The least room kept between two named marks. */
    private static final double GAP = 4;
    /** The width of a mark without its name. */
    private static final double TICK = 4;

    private final ObservableList<TagMarker> marks;
    private final double inset;
    private final Consumer<TagMarker> onClick;
    private final ListChangeListener<TagMarker> changed = c -> place();

    /** Marks {@code marks} on a track whose scale starts and ends {@code inset} px in from its edges. */
    TagTrack(ObservableList<TagMarker> marks, double inset, Consumer<TagMarker> onClick) {
        this.marks = marks;
        this.inset = inset;
        this.onClick = onClick;
        setId("tagMarkers");
        getStyleClass().add("tag-track");
        setMinSize(0, HEIGHT);
        setPrefSize(100, HEIGHT);
        marks.addListener(changed);
        widthProperty().addListener((o, a, b) -> place());
        sceneProperty().addListener((o, a, b) -> place());
        visibleProperty().bind(Bindings.isNotEmpty(marks));
        managedProperty().bind(visibleProperty());
    }

    private void place() {
        if (getScene() == null) {
            // measuring a mark needs the theme's colours, which come from the scene's root: placed once attached
            return;
        }
        double scale = Math.max(0, getWidth() - 2 * inset);
        List<TagMarker> byPosition = new ArrayList<>(marks);
        byPosition.sort(Comparator.comparingDouble(TagMarker::position));
        List<Label> nodes = new ArrayList<>();
        double freeFrom = Double.NEGATIVE_INFINITY; // where the last named mark ends
        for (TagMarker m : byPosition) {
            double x = inset + m.position() * scale;
            Label mark = new Label(m.tag().name());
            mark.getStyleClass().add("tag-mark");
            mark.setUserData(m);
            mark.setManaged(false);
            String author = TagInfo.author(m.tag());
            Tooltip.install(
                    mark,
                    new Tooltip(m.tag().name() + "  " + Formats.offset(m.offsetMs())
                            + (author.isEmpty() ? "" : "  by " + author)));
            mark.setOnMouseClicked(e -> {
                onClick.accept(m);
                e.consume();
            });
            getChildren().add(mark); // for its CSS, to measure it
            mark.applyCss();
            double w = Math.ceil(mark.prefWidth(-1));
            double left = x + w <= getWidth() ? x : Math.max(0, x - w); // the name goes left of a mark at the end
            if (left < freeFrom + GAP || w > getWidth()) {
                mark.setText(null); // crowded: a tick, named by its tooltip
                mark.getStyleClass().add("tag-tick");
                mark.resizeRelocate(x - TICK / 2, 0, TICK, HEIGHT);
            } else {
                mark.resizeRelocate(left, 0, w, HEIGHT);
                freeFrom = left + w;
            }
            nodes.add(mark);
        }
        getChildren().setAll(nodes);
    }

    /** Stops following the marks (the screen is going away). */
    void dispose() {
        marks.removeListener(changed);
    }
}
