package com.nusomi.recorder.ui.main;

import com.nusomi.recorder.ui.record.RecordView;
import com.nusomi.recorder.ui.record.RecordViewModel;
import javafx.collections.ObservableMap;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * The keyboard shortcuts, Cmd for Ctrl on macOS: Ctrl+Shift+R starts a recording, Ctrl+Shift+S stops it (in the
 * mini recorder too), Ctrl+T goes to the custom tag, Ctrl+1 to Ctrl+9 apply the preset tags.
 */
final class Shortcuts {
    /** How the status bar lists them. */
    static final String HINT = "Ctrl+Shift+R / S start, stop · Ctrl+T tag · Ctrl+1–9 presets";

    private static final KeyCombination START =
            new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    private static final KeyCombination STOP =
            new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    private static final KeyCombination TAG = new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCode[] DIGITS = {
        KeyCode.DIGIT1,
        KeyCode.DIGIT2,
        KeyCode.DIGIT3,
        KeyCode.DIGIT4,
        KeyCode.DIGIT5,
        KeyCode.DIGIT6,
        KeyCode.DIGIT7,
        KeyCode.DIGIT8,
        KeyCode.DIGIT9
    };

    private Shortcuts() {}

    /** The main window's: starting and tagging first bring the Record screen forward ({@code showRecord}). */
    static void install(Scene scene, RecordViewModel vm, RecordView view, Runnable showRecord) {
        ObservableMap<KeyCombination, Runnable> accelerators = scene.getAccelerators();
        accelerators.put(START, () -> {
            showRecord.run();
            vm.onStartShortcut();
        });
        accelerators.put(STOP, view::askAndStop);
        accelerators.put(TAG, () -> {
            showRecord.run();
            view.focusCustomTag();
        });
        for (int i = 0; i < DIGITS.length; i++) {
            int n = i + 1;
            accelerators.put(
                    new KeyCodeCombination(DIGITS[i], KeyCombination.SHORTCUT_DOWN),
                    () -> vm.tagging().onTagPresetNumber(n));
        }
    }

    /** The mini recorder's: Ctrl+Shift+S stops as its Stop button does. */
    static void installStop(Scene scene, Runnable stop) {
        scene.getAccelerators().put(STOP, stop);
    }
}
