package com.nusomi.recorder.ui.main;

import com.nusomi.recorder.app.settings.Settings;
import com.nusomi.recorder.ui.record.MiniRecorder;
import com.nusomi.recorder.ui.record.RecordState;
import com.nusomi.recorder.ui.record.RecordViewModel;
import javafx.scene.Parent;
import javafx.stage.Stage;

/**
 * Shows the mini recorder while the main window is minimised during a recording, and hides it otherwise (the
 * recording ends, the main window comes back). Makes it when the first recording starts, not with the main window,
 * which then shows sooner; styles it like the main window, keeps its place in the settings, counts it among our own
 * windows, and gives it the Stop shortcut. Its Stop and restore buttons bring the main window back.
 */
final class MiniRecorderController {
    private final RecordViewModel vm;
    private final Settings settings;
    private final OwnWindows ownWindows;
    private final LayoutSaver layout;
    private final Runnable askAndStop;
    private Stage main;
    private MiniRecorder mini;

    /** @param askAndStop the Record screen's Stop: asks for the outcome, then stops */
    MiniRecorderController(
            RecordViewModel vm, Settings settings, OwnWindows ownWindows, LayoutSaver layout, Runnable askAndStop) {
        this.vm = vm;
        this.settings = settings;
        this.ownWindows = ownWindows;
        this.layout = layout;
        this.askAndStop = askAndStop;
        vm.current().stateProperty().addListener((o, a, b) -> {
            if (b == RecordState.RECORDING) {
                recorder(); // made when the first recording starts, ready for the first minimise
            } else {
                hide();
            }
        });
    }

    /** Shows the mini recorder when this main window is minimised while recording; hides it when it comes back. */
    void follow(Stage mainStage) {
        this.main = mainStage;
        mainStage.iconifiedProperty().addListener((o, a, iconified) -> {
            if (iconified && vm.current().is(RecordState.RECORDING)) {
                recorder().show();
            } else {
                hide();
            }
        });
    }

    /** The mini recorder, made on first use (FX thread). */
    MiniRecorder recorder() {
        if (mini == null) {
            mini = new MiniRecorder(vm, this::stop, this::restore, () -> settings.miniRecorder, place -> {
                settings.miniRecorder = place;
                layout.changed();
            });
            ownWindows.track(mini.stage());
            ThemeSupport.style(root(), ThemeSupport.isDark(settings.theme, System.getenv()));
            Shortcuts.installStop(mini.stage().getScene(), this::stop);
        }
        return mini;
    }

    /** The mini recorder's root, for the theme; null until it is made. */
    Parent root() {
        return mini == null ? null : mini.stage().getScene().getRoot();
    }

    void hide() {
        if (mini != null) {
            mini.hide();
        }
    }

    private void stop() {
        restore();
        askAndStop.run();
    }

    private void restore() {
        if (main != null) {
            main.setIconified(false);
            main.toFront();
        }
        hide();
    }
}
