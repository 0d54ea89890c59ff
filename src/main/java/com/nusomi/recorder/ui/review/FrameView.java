package com.nusomi.recorder.ui.review;

import com.nusomi.recorder.ui.review.FrameOverlays.Click;
import com.nusomi.recorder.ui.review.FrameOverlays.Overlay;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Rectangle;

/**
 * The frame, drawn where the {@link ZoomModel} puts it (the wheel zooms around the pointer, a drag pans), with
 * what happened on it on top: a ring at each click, scaled and moved with the frame, and the caption lines in the
 * corner. Clipped to its own bounds.
 */
final class FrameView extends Pane {
    /** A ring's radius in frame pixels (and its least and greatest on screen). */
    static final double RING_RADIUS = 24;

    static final double RING_MIN = 10;
    static final double RING_MAX = 64;

    private final FrameViewerViewModel vm;
    private final ZoomModel zoom;
    private final ImageView image = new ImageView();
    private final Pane rings = new Pane();
    private final VBox captions = new VBox(3);
    private double dragX;
    private double dragY;

    FrameView(FrameViewerViewModel vm) {
        this.vm = vm;
        this.zoom = vm.zoom();
        setId("viewerCanvas");
        getStyleClass().add("viewer-canvas");
        setMinSize(0, 0);
        setPrefSize(800, 500);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);

        image.setId("viewerImage");
        image.setSmooth(true);
        image.setPreserveRatio(false);
        image.imageProperty().bind(vm.imageProperty());
        image.layoutXProperty().bind(zoom.xProperty());
        image.layoutYProperty().bind(zoom.yProperty());
        image.fitWidthProperty().bind(zoom.widthProperty());
        image.fitHeightProperty().bind(zoom.heightProperty());

        rings.setId("viewerOverlay");
        rings.setMouseTransparent(true);
        rings.setManaged(false);
        rings.visibleProperty().bind(vm.overlaysShownProperty());
        captions.setId("viewerCaptions");
        captions.setMouseTransparent(true);
        captions.setPadding(new Insets(10));
        captions.setAlignment(Pos.TOP_LEFT);
        captions.visibleProperty().bind(vm.overlaysShownProperty());

        Label loading = new Label("Loading frame…");
        loading.setId("viewerLoading");
        loading.getStyleClass().add("frame-loading");
        loading.visibleProperty().bind(vm.loadingProperty());
        loading.layoutXProperty()
                .bind(widthProperty().subtract(loading.widthProperty()).subtract(10));
        loading.setLayoutY(10);
        getChildren().addAll(image, rings, captions, loading);

        widthProperty().addListener((o, a, b) -> zoom.setView(getWidth(), getHeight()));
        heightProperty().addListener((o, a, b) -> zoom.setView(getWidth(), getHeight()));
        zoom.widthProperty().addListener((o, a, b) -> {
            vm.onShownWidth(b.doubleValue() * outputScale());
            drawRings();
        });
        zoom.xProperty().addListener((o, a, b) -> drawRings());
        zoom.yProperty().addListener((o, a, b) -> drawRings());
        vm.overlayProperty().addListener((o, a, b) -> {
            drawRings();
            drawCaptions();
        });

        setOnScroll(this::onScroll);
        setOnMousePressed(this::onPressed);
        setOnMouseDragged(this::onDragged);
        setOnMouseReleased(e -> setCursor(Cursor.DEFAULT));
    }

    /** The view model drawn here. */
    FrameViewerViewModel viewModel() {
        return vm;
    }

    private double outputScale() {
        return getScene() != null && getScene().getWindow() != null
                ? getScene().getWindow().getOutputScaleX()
                : 1;
    }

    private void onScroll(ScrollEvent e) {
        if (e.getDeltaY() != 0) {
            zoom.zoomAt(e.getDeltaY() > 0 ? ZoomModel.STEP : 1 / ZoomModel.STEP, e.getX(), e.getY());
            e.consume();
        }
    }

    private void onPressed(MouseEvent e) {
        requestFocus();
        if (e.getButton() == MouseButton.PRIMARY) {
            dragX = e.getX();
            dragY = e.getY();
            setCursor(Cursor.CLOSED_HAND);
        }
    }

    private void onDragged(MouseEvent e) {
        if (e.getButton() == MouseButton.PRIMARY) {
            zoom.panBy(e.getX() - dragX, e.getY() - dragY);
            dragX = e.getX();
            dragY = e.getY();
        }
    }

    private void drawRings() {
        Overlay o = vm.overlayProperty().get();
        double s = zoom.scaleProperty().get();
        double r = Math.max(RING_MIN, Math.min(RING_MAX, RING_RADIUS * s));
        List<Node> nodes = new ArrayList<>();
        for (Click c : o.clicks()) {
            Circle ring = new Circle(
                    zoom.xProperty().get() + c.x() * s, zoom.yProperty().get() + c.y() * s, r);
            ring.setId("clickMarker");
            ring.getStyleClass().add("click-ring");
            Circle dot = new Circle(ring.getCenterX(), ring.getCenterY(), 2.5);
            dot.getStyleClass().add("click-dot");
            nodes.add(ring);
            nodes.add(dot);
        }
        rings.getChildren().setAll(nodes);
    }

    private void drawCaptions() {
        List<Node> lines = new ArrayList<>();
        for (String text : vm.overlayProperty().get().captions()) {
            Label l = new Label(text);
            l.getStyleClass().add("viewer-caption");
            lines.add(l);
        }
        captions.getChildren().setAll(lines);
    }
}
