package com.nusomi.recorder.ui.main;

import com.nusomi.recorder.ui.record.RecordState;
import com.nusomi.recorder.ui.record.RecordViewModel;

/**
 * Applies the settings once they are saved: the Record screen reads them again, the theme changes, and a changed
 * connection is opened; at once, or, while a session records, once it has stopped (the recording keeps the
 * connection it started on to the end).
 */
public final class SettingsApplier {
    private final RecordViewModel record;
    private final Runnable applyTheme;
    private final Runnable connect;
    private boolean connectAfterRecording;

    /**
     * @param applyTheme applies the theme of the settings to our windows
     * @param connect opens the connection the settings ask for (off the UI thread)
     */
    public SettingsApplier(RecordViewModel record, Runnable applyTheme, Runnable connect) {
        this.record = record;
        this.applyTheme = applyTheme;
        this.connect = connect;
        record.current().stateProperty().addListener((o, a, b) -> {
            if (connectAfterRecording && (b == RecordState.STOPPED || b == RecordState.IDLE)) {
                connectAfterRecording = false;
                connect.run();
            }
        });
    }

    /** The Settings screen saved; {@code connectionChanged} if the mode, the URL or the key changed. */
    public void onSaved(boolean connectionChanged) {
        record.onSettingsChanged();
        applyTheme.run();
        if (connectionChanged) {
            if (record.current().is(RecordState.RECORDING)) {
                connectAfterRecording = true;
            } else {
                connect.run();
            }
        }
    }
}
