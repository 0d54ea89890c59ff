package com.nusomi.recorder.ui.record;

/**
 * Where the Record screen is: no session yet, one created, one recording (or paused), one stopping (its spool
 * draining, the stop on its way), or the last one stopped.
 */
public enum RecordState {
    IDLE,
    CREATED,
    RECORDING,
    STOPPING,
    STOPPED
}
