package com.nusomi.recorder.ui.record;

/** Where the Record screen is: no session yet, one created, one recording, or the last one stopped. */
public enum RecordState {
    IDLE, CREATED, RECORDING, STOPPED
}
