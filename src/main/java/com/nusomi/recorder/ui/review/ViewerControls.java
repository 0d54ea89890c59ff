package com.nusomi.recorder.ui.review;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * The viewer's controls: stepping and playback, the frame's number and time, speed and "skip idle", overlays,
 * zoom, full screen, Redact… (on top, wrapping onto a second row in a narrow window); the scrubber and what playback did
 * (below). Every action goes to the view model, or to {@code fullScreen}.
 */
final class ViewerControls {
    private final FlowPane top = new FlowPane(6, 6);
    private final VBox bottom = new VBox(4);
    private boolean syncing;

    ViewerControls(FrameViewerViewModel vm, Runnable fullScreen, Runnable redact) {
        Playback playback = vm.playback();
        ZoomModel zoom = vm.zoom();
        Button play = button("viewerPlay", "Play", "Play or pause (Space)", vm::onPlayPause);
        play.textProperty()
                .bind(Bindings.when(vm.playingProperty()).then("Pause").otherwise("Play"));
        play.getStyleClass().add(Styles.ACCENT);
        FontIcon playIcon = new FontIcon();
        playIcon.iconCodeProperty()
                .bind(Bindings.when(vm.playingProperty())
                        .then((Ikon) MaterialDesignP.PAUSE)
                        .otherwise(MaterialDesignP.PLAY));
        play.setGraphic(playIcon);
        play.setMinWidth(70);
        HBox stepping = group(
                icon(button("viewerFirst", "", "First frame (Home)", vm::onFirst), MaterialDesignS.SKIP_PREVIOUS),
                icon(
                        button("viewerPrevious", "", "Previous frame (←)", () -> vm.onStep(-1)),
                        MaterialDesignC.CHEVRON_LEFT),
                play,
                icon(button("viewerNext", "", "Next frame (→)", () -> vm.onStep(1)), MaterialDesignC.CHEVRON_RIGHT),
                icon(button("viewerLast", "", "Last frame (End)", vm::onLast), MaterialDesignS.SKIP_NEXT));

        Label number = new Label();
        number.setId("viewerFrameNumber");
        number.getStyleClass().add(Styles.TEXT_BOLD);
        number.textProperty().bind(vm.numberProperty());
        number.setMinWidth(Region.USE_PREF_SIZE);
        Label time = new Label();
        time.setId("viewerTime");
        time.getStyleClass().add("frame-caption");
        time.textProperty().bind(vm.timeProperty());
        time.setMinWidth(Region.USE_PREF_SIZE);

        ComboBox<Integer> speed = new ComboBox<>();
        speed.setId("viewerSpeed");
        speed.getItems().setAll(Playback.SPEEDS);
        speed.valueProperty().bindBidirectional(playback.speedProperty());
        speed.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer s) {
                return s == null ? "" : s + "×";
            }

            @Override
            public Integer fromString(String s) {
                return Integer.valueOf(s.replace("×", "").strip());
            }
        });
        speed.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(Integer s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? null : s + "×");
            }
        });
        speed.setTooltip(new Tooltip("Playback speed"));
        speed.setFocusTraversable(false);
        CheckBox skip = new CheckBox("Skip idle");
        skip.setId("viewerSkipIdle");
        skip.selectedProperty().bindBidirectional(playback.skipIdleProperty());
        skip.setTooltip(new Tooltip("Jump over stretches where nothing changed and nothing happened"));
        skip.setFocusTraversable(false);
        ToggleButton overlays = new ToggleButton("Overlays");
        overlays.setId("viewerOverlays");
        overlays.selectedProperty().bindBidirectional(vm.overlaysShownProperty());
        overlays.setTooltip(new Tooltip("Clicks and key activity drawn on the frame (O)"));
        overlays.setFocusTraversable(false);

        Label percent = new Label();
        percent.setId("viewerZoom");
        percent.textProperty().bind(zoom.percent());
        percent.setMinWidth(44);
        percent.setAlignment(Pos.CENTER_RIGHT);
        HBox zooming = group(
                button("viewerZoomOut", "−", "Zoom out (−)", () -> zoom.zoomSteps(-1)),
                button(
                        "viewerActualSize",
                        "100%",
                        "Real size: one frame pixel to one screen pixel (1)",
                        zoom::onActualSize),
                button("viewerFit", "Fit", "The whole frame in the window (0)", zoom::onFit),
                button("viewerZoomIn", "+", "Zoom in (+)", () -> zoom.zoomSteps(1)));
        Button full = icon(
                button("viewerFullScreen", "Full screen", "Full screen (F); Esc leaves it", fullScreen),
                MaterialDesignF.FULLSCREEN);

        Button redaction = button(
                "viewerRedact",
                "Redact…",
                "Black out parts of this frame, a range of frames or the whole run, for good",
                redact);
        redaction.disableProperty().bind(vm.countProperty().isEqualTo(0));

        HBox where = new HBox(10, number, time);
        where.setAlignment(Pos.CENTER_LEFT);
        HBox speedBox = new HBox(6, speed, skip);
        speedBox.setAlignment(Pos.CENTER_LEFT);
        HBox zoomBox = new HBox(6, percent, zooming);
        zoomBox.setAlignment(Pos.CENTER_LEFT);
        top.setId("viewerToolbar");
        top.getStyleClass().add("viewer-toolbar");
        top.setAlignment(Pos.CENTER_LEFT);
        top.getChildren().addAll(stepping, where, speedBox, overlays, zoomBox, full, redaction);

        Slider scrubber = new Slider(0, 0, 0);
        scrubber.setId("viewerScrubber");
        scrubber.setFocusTraversable(false);
        scrubber.maxProperty().bind(Bindings.max(0, vm.countProperty().subtract(1)));
        scrubber.valueProperty().addListener((o, a, b) -> {
            if (!syncing) {
                vm.onScrub((int) Math.round(b.doubleValue()));
            }
        });
        vm.indexProperty().addListener((o, a, b) -> {
            syncing = true;
            scrubber.setValue(Math.max(0, b.intValue()));
            syncing = false;
        });
        Label status = new Label();
        status.setId("viewerStatus");
        status.getStyleClass().add("muted");
        status.textProperty()
                .bind(Bindings.when(vm.failureProperty().isNotNull())
                        .then(vm.failureProperty())
                        .otherwise(playback.statusProperty()));
        Label keys = new Label("←/→ step · Space play · wheel zoom · drag pan · 1 real size · 0 fit · O overlays");
        keys.getStyleClass().addAll("muted", Styles.TEXT_SMALL);
        keys.setMinWidth(0);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox line = new HBox(8, status, gap, keys);
        line.setAlignment(Pos.CENTER_LEFT);
        bottom.setId("viewerBottom");
        bottom.getStyleClass().add("viewer-bottom");
        bottom.getChildren().addAll(scrubber, line);
    }

    private static HBox group(Node... nodes) {
        HBox box = new HBox(2, nodes);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static Button icon(Button b, Ikon ikon) {
        b.setGraphic(new FontIcon(ikon));
        return b;
    }

    private static Button button(String id, String text, String tip, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setFocusTraversable(false);
        b.setMinWidth(Region.USE_PREF_SIZE);
        b.setOnAction(e -> action.run());
        return b;
    }

    FlowPane top() {
        return top;
    }

    VBox bottom() {
        return bottom;
    }
}
