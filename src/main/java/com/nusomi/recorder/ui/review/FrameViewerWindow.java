package com.nusomi.recorder.ui.review;

import com.nusomi.recorder.ui.sessions.RedactionOpener;
import javafx.geometry.Insets;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The frame viewer's own window, over the main window: the frame large, the controls around it, the keys (←/→
 * step, Home/End, Space play/pause, +/− zoom, 1 real size, 0 fit, O overlays, F full screen, Esc leaves full screen
 * or closes). Closing it lets go of the film strip, which keeps the frame shown last.
 */
final class FrameViewerWindow {
    private final Stage stage = new Stage();
    private final BorderPane root = new BorderPane();
    private final FrameViewerViewModel vm;
    private final FrameView frame;
    private final Window owner;
    private RedactionOpener redaction;

    FrameViewerWindow(FrameViewerViewModel vm, Window owner) {
        this.vm = vm;
        this.owner = owner;
        frame = new FrameView(vm);
        ViewerControls controls = new ViewerControls(vm, this::toggleFullScreen, this::redact);
        root.setId("frameViewer");
        root.getStyleClass().add("frame-viewer");
        root.setTop(controls.top());
        root.setCenter(frame);
        root.setBottom(controls.bottom());
        BorderPane.setMargin(controls.top(), new Insets(8, 10, 6, 10));
        BorderPane.setMargin(controls.bottom(), new Insets(6, 10, 8, 10));

        Rectangle2D screen = owner == null
                ? Screen.getPrimary().getVisualBounds()
                : Screen.getScreensForRectangle(owner.getX(), owner.getY(), owner.getWidth(), owner.getHeight())
                        .stream()
                        .findFirst()
                        .orElse(Screen.getPrimary())
                        .getVisualBounds();
        Scene scene =
                new Scene(root, Math.max(640, screen.getWidth() * 0.85), Math.max(480, screen.getHeight() * 0.85));
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        stage.setScene(scene);
        stage.setMinWidth(560);
        stage.setMinHeight(400);
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.titleProperty().bind(vm.numberProperty().concat(" — Frame viewer — Session Recorder"));
        stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
        stage.setFullScreenExitHint("Esc leaves full screen");
        stage.setOnHidden(e -> vm.release());
    }

    /** Shows the window in front, styled as the main window is now (theme, stylesheet). */
    void show() {
        if (owner != null && owner.getScene() != null) {
            Parent main = owner.getScene().getRoot();
            root.getStylesheets().setAll(main.getStylesheets());
            root.getStyleClass().remove("dark");
            if (main.getStyleClass().contains("dark")) {
                root.getStyleClass().add("dark");
            }
        }
        stage.show();
        stage.toFront();
        frame.requestFocus();
    }

    /** How Redact… opens the editor: over this window, on the frame shown (the film strip follows it). */
    void setRedaction(RedactionOpener redaction) {
        this.redaction = redaction;
    }

    private void redact() {
        if (redaction != null) {
            vm.playback().pause();
            if (stage.isFullScreen()) {
                stage.setFullScreen(false); // the editor opens over the window, not behind it
            }
            redaction.open(root, vm::reloadImages);
        }
    }

    private void toggleFullScreen() {
        stage.setFullScreen(!stage.isFullScreen());
    }

    private void onKey(KeyEvent e) {
        ZoomModel zoom = vm.zoom();
        switch (e.getCode()) {
            case LEFT, KP_LEFT -> vm.onStep(-1);
            case RIGHT, KP_RIGHT -> vm.onStep(1);
            case HOME -> vm.onFirst();
            case END -> vm.onLast();
            case SPACE -> vm.onPlayPause();
            case PLUS, ADD, EQUALS -> zoom.zoomSteps(1);
            case MINUS, SUBTRACT -> zoom.zoomSteps(-1);
            case DIGIT1, NUMPAD1 -> zoom.onActualSize();
            case DIGIT0, NUMPAD0 -> zoom.onFit();
            case O -> vm.overlaysShownProperty().set(!vm.overlaysShownProperty().get());
            case F -> toggleFullScreen();
            case ESCAPE -> {
                if (stage.isFullScreen()) {
                    stage.setFullScreen(false);
                } else {
                    stage.close();
                }
            }
            default -> {
                return;
            }
        }
        e.consume();
    }

    Stage stage() {
        return stage;
    }

    void close() {
        stage.close();
    }
}
