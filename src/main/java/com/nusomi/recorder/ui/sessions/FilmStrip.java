package com.nusomi.recorder.ui.sessions;

import atlantafx.base.theme.Styles;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;

/**
 * The frames of a session: a large preview of the current frame with its seq, offset and capture time, a
 * scrubber over every frame with the events marked along it (and the tags, by name, once {@link #showTags}), and a
 * strip of up to 12 thumbnails. Left/Right, Home/End and PageUp/PageDown step through the frames while the strip
 * has the focus; Enter, a double-click on the preview or "Open viewer" opens the frame in the viewer window.
 */
final class FilmStrip extends VBox {
    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");
    private static final double THUMB_GAP = 4;
    /** Narrower than this, the thumbnails wrap onto more rows instead of shrinking. */
    private static final double THUMB_MIN = 56;
    /** About half the slider thumb: the track starts and ends this far in from the slider's edges. */
    private static final double TRACK_INSET = 8;

    private final FilmStripViewModel<Image> vm;
    private final List<Subscription> subscriptions = new ArrayList<>();
    private final StackPane previewBox = new StackPane();
    private final ImageView preview = new ImageView();
    private final Slider scrubber = new Slider(0, 0, 0);
    private final EventTrack markerTrack;
    private final VBox tracks = new VBox(0);
    private TagTrack tagTrack;
    private final FlowPane thumbs = new FlowPane(THUMB_GAP, THUMB_GAP);
    // one tooltip for the thumbnails, naming the one under the pointer: a tooltip is a popup window with a scene of
    // its own, and twelve of them, made and styled with the thumbnails, held back a session's first frame
    private final Tooltip thumbTip = new Tooltip();
    private long hoveredThumb;
    private final DoubleBinding thumbWidth;
    private boolean syncingScrubber;

    private final Runnable openViewer;

    /** The strip of {@code vm}'s frames; {@code openViewer} opens the current frame in the viewer window. */
    FilmStrip(FilmStripViewModel<Image> vm, Runnable openViewer) {
        super(6);
        this.vm = vm;
        this.openViewer = openViewer;
        setId("filmStrip");
        getStyleClass().add("film-strip");

        Label empty = new Label();
        empty.setId("framesEmpty");
        empty.getStyleClass().add("frames-empty");
        empty.textProperty().bind(vm.emptyTextProperty());
        empty.visibleProperty().bind(vm.emptyTextProperty().isNotNull());
        empty.managedProperty().bind(empty.visibleProperty());

        preview.setId("framePreview");
        preview.setPreserveRatio(true);
        preview.setSmooth(true);
        preview.imageProperty().bind(vm.imageProperty());
        Label loading = new Label("Loading frame…");
        loading.setId("frameLoading");
        loading.getStyleClass().add("frame-loading");
        loading.visibleProperty().bind(vm.imageLoadingProperty());
        StackPane.setAlignment(loading, Pos.TOP_RIGHT);
        Label failure = new Label();
        failure.setId("frameFailure");
        failure.getStyleClass().add("frame-failure");
        failure.setWrapText(true);
        failure.textProperty().bind(vm.failureProperty());
        failure.visibleProperty().bind(vm.failureProperty().isNotNull());
        StackPane.setAlignment(failure, Pos.BOTTOM_LEFT);
        previewBox.setId("framePreviewBox");
        previewBox.getStyleClass().add("frame-preview");
        previewBox.getChildren().addAll(preview, loading, failure);
        previewBox.setMinSize(0, 120);
        previewBox.setPrefWidth(100);
        previewBox.setFocusTraversable(true);
        // the frame as wide as the pane, no taller than three quarters of that (a portrait frame stays in view)
        preview.fitWidthProperty()
                .bind(Bindings.max(1, previewBox.widthProperty().subtract(2)));
        preview.fitHeightProperty()
                .bind(Bindings.max(120, previewBox.widthProperty().multiply(0.75)));
        previewBox.setOnMouseClicked(e -> {
            previewBox.requestFocus();
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                openViewer.run();
            }
        });

        Label caption = new Label();
        caption.setId("frameCaption");
        caption.getStyleClass().add("frame-caption");
        caption.setWrapText(true);
        caption.textProperty().bind(vm.captionProperty());
        caption.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(caption, Priority.ALWAYS);
        Button open = new Button("Open viewer");
        open.setId("openViewer");
        open.getStyleClass().add(Styles.SMALL);
        open.setMinWidth(Region.USE_PREF_SIZE);
        open.setTooltip(new Tooltip("The frame at full size, with zoom and playback (Enter, or double-click)"));
        open.setOnAction(e -> openViewer.run());
        HBox captionRow = new HBox(8, caption, open);
        captionRow.setAlignment(Pos.CENTER_LEFT);

        scrubber.setId("frameScrubber");
        scrubber.setBlockIncrement(1);
        scrubber.maxProperty().bind(Bindings.max(0, vm.countProperty().subtract(1)));
        scrubber.valueProperty().addListener((o, a, b) -> {
            if (!syncingScrubber) {
                vm.onScrub((int) Math.round(b.doubleValue()));
            }
        });
        subscriptions.add(vm.currentIndexProperty().subscribe(i -> {
            syncingScrubber = true;
            scrubber.setValue(Math.max(0, i.intValue()));
            syncingScrubber = false;
        }));
        markerTrack = new EventTrack(vm.markers().list(), TRACK_INSET, e -> {
            vm.onEvent(e);
            previewBox.requestFocus();
        });
        tracks.getChildren().setAll(scrubber, markerTrack);

        thumbs.setId("thumbnails");
        thumbs.getStyleClass().add("thumb-strip");
        thumbs.setMinWidth(0);
        thumbs.setPrefWidth(100);
        thumbWidth = Bindings.createDoubleBinding(
                () -> {
                    double w = thumbs.getWidth();
                    int perRow = (int) Math.max(
                            1,
                            Math.min(
                                    Math.max(1, vm.thumbnails().size()),
                                    Math.floor((w + THUMB_GAP) / (THUMB_MIN + THUMB_GAP))));
                    // each thumbnail has a border of up to 2 px a side (the current one)
                    return Math.max(16, Math.floor((w - THUMB_GAP * (perRow - 1)) / perRow) - 5);
                },
                thumbs.widthProperty(),
                vm.thumbnails());
        // the images are decoded at the sizes they are drawn at
        InvalidationListener widths =
                o -> vm.setShownWidths(getWidth() * outputScale(), thumbWidth.get() * outputScale());
        widthProperty().addListener(widths);
        thumbWidth.addListener(widths);
        thumbTip.setOnShowing(e -> thumbTip.setText("Frame " + Formats.numberOf(vm.frames(), hoveredThumb)));
        subscriptions.add(vm.thumbnails().subscribe(this::showThumbnails));
        subscriptions.add(vm.currentSeqProperty().subscribe(this::markCurrentThumb));

        Label listing = new Label();
        listing.getStyleClass().add("muted");
        listing.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> "Listing frames… " + vm.frames().size() + " of "
                                + vm.countProperty().get(),
                        vm.frames(),
                        vm.countProperty()));
        listing.visibleProperty().bind(vm.framesLoadingProperty());
        listing.managedProperty().bind(listing.visibleProperty());

        VBox content = new VBox(4, previewBox, captionRow, tracks, thumbs, listing);
        content.visibleProperty().bind(vm.hasFramesProperty());
        content.managedProperty().bind(content.visibleProperty());
        getChildren().addAll(empty, content);
        addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
    }

    private void onKey(KeyEvent e) {
        switch (e.getCode()) {
            case LEFT, KP_LEFT -> vm.onStep(-1);
            case RIGHT, KP_RIGHT -> vm.onStep(1);
            case PAGE_UP -> vm.onStep(-10);
            case PAGE_DOWN -> vm.onStep(10);
            case HOME -> vm.select(0);
            case END -> vm.select(Integer.MAX_VALUE);
            case ENTER -> openViewer.run();
            default -> {
                return;
            }
        }
        e.consume();
    }

    /** Device pixels per pixel of the window this is in (1 before it is shown). */
    private double outputScale() {
        return getScene() != null && getScene().getWindow() != null
                ? getScene().getWindow().getOutputScaleX()
                : 1;
    }

    private void showThumbnails() {
        List<StackPane> nodes = new ArrayList<>();
        for (Thumb<Image> t : vm.thumbnails()) {
            ImageView view = new ImageView();
            view.setPreserveRatio(true);
            view.fitWidthProperty().bind(thumbWidth);
            view.imageProperty().bind(t.imageProperty());
            StackPane box = new StackPane(view);
            box.setId("thumb-" + t.seq());
            box.getStyleClass().add("thumb");
            box.setUserData(t.seq());
            box.setMinSize(Region.USE_PREF_SIZE, 12);
            Tooltip.install(box, thumbTip);
            box.setOnMouseEntered(e -> hoveredThumb = t.seq());
            box.setOnMouseClicked(e -> {
                vm.onThumbnail(t.seq());
                previewBox.requestFocus();
            });
            nodes.add(box);
        }
        thumbs.getChildren().setAll(nodes);
        markCurrentThumb(vm.currentSeqProperty().get());
    }

    private void markCurrentThumb(Long seq) {
        for (var node : thumbs.getChildren()) {
            node.pseudoClassStateChanged(CURRENT, seq != null && seq.equals(node.getUserData()));
        }
    }

    /** Marks the tags along the scrubber, under the events, each by its name; clicking one jumps to its frame. */
    void showTags(TagMarks marks) {
        tagTrack = new TagTrack(marks.list(), TRACK_INSET, m -> {
            marks.onMark(m);
            previewBox.requestFocus();
        });
        tracks.getChildren().add(tagTrack);
    }

    /** Focuses the preview, so that the arrow keys step through the frames. */
    void focusPreview() {
        previewBox.requestFocus();
    }

    /** Stops following the view model (the screen is going away). */
    void dispose() {
        if (tagTrack != null) {
            tagTrack.dispose();
        }
        markerTrack.dispose();
        subscriptions.forEach(Subscription::unsubscribe);
        subscriptions.clear();
    }
}
