package com.nusomi.recorder.ui.redact;

import com.nusomi.recorder.client.request.FrameRedaction.Rect;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Point2D;
import javafx.scene.Cursor;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Rectangle;

/**
 * A frame, fitted to the room it has and centred, with the boxes to black out drawn over it. Dragging across the
 * frame draws a new box; on release it is handed on in frame pixels (clipped to the image). A drag of a few pixels
 * is taken for a click and ignored.
 */
final class RedactionCanvas extends Pane {
    /** A drag shorter than this, in screen pixels either way, draws nothing. */
    static final double MIN_DRAG = 3;

    private final ImageView view = new ImageView();
    private final Pane boxes = new Pane();
    private final Rectangle rubber = new Rectangle();
    private final ObservableList<Rect> rects;
    private final Consumer<Rect> drawn;
    private final ListChangeListener<Rect> changed = c -> requestLayout();
    private Point2D start;

    RedactionCanvas(ObservableValue<Image> image, ObservableList<Rect> rects, Consumer<Rect> drawn) {
        this.rects = rects;
        this.drawn = drawn;
        setId("redactionCanvas");
        getStyleClass().add("redaction-canvas");
        setMinSize(160, 120);
        setPrefSize(960, 560);
        view.setPreserveRatio(true);
        view.setSmooth(true);
        view.imageProperty().bind(image);
        view.imageProperty().addListener((o, a, b) -> requestLayout());
        boxes.setManaged(false);
        boxes.setMouseTransparent(true);
        rubber.getStyleClass().addAll("redaction-box", "redaction-rubber");
        rubber.setManaged(false);
        rubber.setVisible(false);
        getChildren().addAll(view, boxes, rubber);
        rects.addListener(changed);
        setCursor(Cursor.CROSSHAIR);
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::onPressed);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::onDragged);
        addEventHandler(MouseEvent.MOUSE_RELEASED, this::onReleased);
    }

    /** Screen pixels per frame pixel, as the frame is shown now; 0 without a frame. */
    double scale() {
        Image img = view.getImage();
        if (img == null || img.getWidth() <= 0 || img.getHeight() <= 0) {
            return 0;
        }
        return Math.min(getWidth() / img.getWidth(), getHeight() / img.getHeight());
    }

    /** Where the frame's top left corner is shown. */
    Point2D origin() {
        Image img = view.getImage();
        double s = scale();
        return img == null
                ? Point2D.ZERO
                : new Point2D((getWidth() - img.getWidth() * s) / 2, (getHeight() - img.getHeight() * s) / 2);
    }

    @Override
    protected void layoutChildren() {
        Image img = view.getImage();
        double s = scale();
        Point2D o = origin();
        if (img != null) {
            view.setFitWidth(img.getWidth() * s);
            view.setFitHeight(img.getHeight() * s);
            view.relocate(o.getX(), o.getY());
        }
        List<Rectangle> nodes = new ArrayList<>();
        for (Rect r : rects) {
            Rectangle box = new Rectangle(o.getX() + r.x() * s, o.getY() + r.y() * s, r.width() * s, r.height() * s);
            box.getStyleClass().add("redaction-box");
            nodes.add(box);
        }
        boxes.getChildren().setAll(nodes);
    }

    private void onPressed(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY || scale() <= 0) {
            return;
        }
        start = new Point2D(e.getX(), e.getY());
        showRubber(start, start);
        e.consume();
    }

    private void onDragged(MouseEvent e) {
        if (start != null) {
            showRubber(start, new Point2D(e.getX(), e.getY()));
            e.consume();
        }
    }

    private void onReleased(MouseEvent e) {
        if (start == null) {
            return;
        }
        Point2D end = new Point2D(e.getX(), e.getY());
        Point2D from = start;
        start = null;
        rubber.setVisible(false);
        e.consume();
        if (Math.abs(end.getX() - from.getX()) < MIN_DRAG || Math.abs(end.getY() - from.getY()) < MIN_DRAG) {
            return;
        }
        Rect r = toFrame(from, end);
        if (r != null) {
            drawn.accept(r);
        }
    }

    private void showRubber(Point2D a, Point2D b) {
        rubber.setX(Math.min(a.getX(), b.getX()));
        rubber.setY(Math.min(a.getY(), b.getY()));
        rubber.setWidth(Math.abs(a.getX() - b.getX()));
        rubber.setHeight(Math.abs(a.getY() - b.getY()));
        rubber.setVisible(true);
    }

    /** The box between two points on screen, in frame pixels clipped to the image; null when it misses it. */
    Rect toFrame(Point2D a, Point2D b) {
        Image img = view.getImage();
        double s = scale();
        if (img == null || s <= 0) {
            return null;
        }
        Point2D o = origin();
        int w = (int) Math.round(img.getWidth());
        int h = (int) Math.round(img.getHeight());
        int x0 = clamp((int) Math.floor((Math.min(a.getX(), b.getX()) - o.getX()) / s), w);
        int y0 = clamp((int) Math.floor((Math.min(a.getY(), b.getY()) - o.getY()) / s), h);
        int x1 = clamp((int) Math.ceil((Math.max(a.getX(), b.getX()) - o.getX()) / s), w);
        int y1 = clamp((int) Math.ceil((Math.max(a.getY(), b.getY()) - o.getY()) / s), h);
        return x1 - x0 >= 1 && y1 - y0 >= 1 ? new Rect(x0, y0, x1 - x0, y1 - y0) : null;
    }

    private static int clamp(int v, int max) {
        return Math.max(0, Math.min(max, v));
    }

    /** Stops following the boxes (the editor is closing). */
    void dispose() {
        rects.removeListener(changed);
    }
}
