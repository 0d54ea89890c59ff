package com.nusomi.recorder.ui.sessions;

import com.nusomi.recorder.client.model.Event;
import com.nusomi.recorder.ui.sessions.TimelineMarkers.EventMarker;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import javafx.collections.ObservableList;
import javafx.scene.Cursor;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.shape.ClosePath;
import javafx.scene.shape.HLineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.PathElement;
import javafx.scene.shape.VLineTo;
import javafx.util.Duration;
import javafx.util.Subscription;

/**
 * The events along the film strip's scrubber: a bar where each happened, in its kind's colour. One shape per kind
 * of event, each bar a rectangle in it (bars that fall on the same pixel drawn once), so a run of thousands of
 * events costs a handful of nodes to style and lay out, however often the track is resized. The tooltip names the
 * events under the pointer; a click jumps to the nearest one.
 */
final class EventTrack extends Pane {
    static final double HEIGHT = 10;
    private static final double BAR = 3;
    /** How far from a bar the pointer may be and still pick it. */
    private static final double REACH = 4;
    /** At most this many events are named in the tooltip. */
    private static final int TOOLTIP_LINES = 6;

    private final ObservableList<EventMarker> markers;
    private final double inset;
    private final Map<String, Path> shapes = new LinkedHashMap<>();
    private final Tooltip tip = new Tooltip();
    private final Subscription subscription;
    private boolean tipInstalled;

    /** Follows {@code markers}; {@code inset}: how far in from each edge the scrubber's track starts. */
    EventTrack(ObservableList<EventMarker> markers, double inset, Consumer<Event> onPick) {
        this.markers = markers;
        this.inset = inset;
        setId("eventMarkers");
        getStyleClass().add("event-track");
        setMinSize(0, HEIGHT);
        setPrefSize(100, HEIGHT);
        tip.setShowDelay(Duration.millis(300));
        subscription = markers.subscribe(this::draw);
        widthProperty().addListener((o, a, b) -> draw());
        setOnMouseMoved(this::hover);
        setOnMouseExited(e -> setCursor(Cursor.DEFAULT));
        setOnMouseClicked(e -> {
            EventMarker m = e.getButton() == MouseButton.PRIMARY ? nearest(e.getX()) : null;
            if (m != null) {
                onPick.accept(m.event());
                e.consume();
            }
        });
    }

    /** The bars of each kind, in the style classes the markers name ("event-click", …). */
    List<Path> shapes() {
        return List.copyOf(shapes.values());
    }

    /** Where the marker's bar is centred, in this track's coordinates. */
    double x(EventMarker m) {
        return inset + m.position() * Math.max(0, getWidth() - 2 * inset);
    }

    private void draw() {
        Map<String, TreeSet<Long>> columns = new LinkedHashMap<>();
        for (EventMarker m : markers) {
            columns.computeIfAbsent(m.styleClass(), c -> new TreeSet<>()).add(Math.round(x(m) * 2));
        }
        Map<String, Path> kept = new HashMap<>(shapes);
        shapes.clear();
        for (Map.Entry<String, TreeSet<Long>> c : columns.entrySet()) {
            Path shape = kept.computeIfAbsent(c.getKey(), EventTrack::shape);
            List<PathElement> bars = new ArrayList<>(c.getValue().size() * 5);
            for (long half : c.getValue()) {
                double left = half / 2.0 - BAR / 2;
                bars.add(new MoveTo(left, 0));
                bars.add(new HLineTo(left + BAR));
                bars.add(new VLineTo(HEIGHT));
                bars.add(new HLineTo(left));
                bars.add(new ClosePath());
            }
            shape.getElements().setAll(bars);
            shapes.put(c.getKey(), shape);
        }
        getChildren().setAll(shapes.values());
    }

    private static Path shape(String styleClass) {
        Path p = new Path();
        p.getStyleClass().addAll("event-marker", styleClass);
        p.setStroke(null);
        p.setManaged(false);
        p.setMouseTransparent(true);
        return p;
    }

    private void hover(MouseEvent e) {
        List<EventMarker> near = near(e.getX());
        setCursor(near.isEmpty() ? Cursor.DEFAULT : Cursor.HAND);
        if (near.isEmpty()) {
            if (tipInstalled) {
                Tooltip.uninstall(this, tip);
                tipInstalled = false;
            }
            return;
        }
        tip.setText(describe(near));
        if (!tipInstalled) {
            Tooltip.install(this, tip);
            tipInstalled = true;
        }
    }

    /** The events within reach of {@code x}, nearest first. */
    List<EventMarker> near(double x) {
        List<EventMarker> out = new ArrayList<>();
        for (EventMarker m : markers) {
            if (Math.abs(x(m) - x) <= REACH) {
                out.add(m);
            }
        }
        out.sort((a, b) -> Double.compare(Math.abs(x(a) - x), Math.abs(x(b) - x)));
        return out;
    }

    private EventMarker nearest(double x) {
        List<EventMarker> near = near(x);
        return near.isEmpty() ? null : near.get(0);
    }

    /** "click +00:01:23", one line an event, the first few of them. */
    static String describe(List<EventMarker> near) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < Math.min(TOOLTIP_LINES, near.size()); i++) {
            EventMarker m = near.get(i);
            if (i > 0) {
                text.append('\n');
            }
            text.append(m.event().type()).append(' ').append(Formats.frameOffset(m.offsetMs()));
        }
        if (near.size() > TOOLTIP_LINES) {
            text.append("\n… and ").append(near.size() - TOOLTIP_LINES).append(" more");
        }
        return text.toString();
    }

    /** Stops following the markers (the screen is going away). */
    void dispose() {
        subscription.unsubscribe();
    }
}
