package com.nusomi.recorder.export.steps;

/** What a step of a guide records. */
public enum StepKind {
    /** A mouse click, shown with the frame right after it. */
    CLICK,
    /** A burst of key presses, summed up. */
    KEYS,
    /** A note the operator wrote. */
    NOTE,
    /** A tag put on the session. */
    TAG,
    /** A pause of the recording. */
    PAUSE
}
