package com.nusomi.recorder.recorder;

/** Where a session's recording stands. */
public enum RecordingState {
    /** Capturing frames and input. */
    RECORDING,
    /** Paused by the operator: nothing is captured. */
    PAUSED,
    /** Stop requested: capture ended, the spool is draining and the stop is on its way. */
    STOPPING,
    /** The stop was sent (or refused for good) after everything before it. */
    STOPPED,
    /** A spool left by an earlier run, being uploaded; nothing is being captured for it. */
    RECOVERED
}
