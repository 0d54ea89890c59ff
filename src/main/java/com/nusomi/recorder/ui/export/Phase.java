package com.nusomi.recorder.ui.export;

/** Where an export or a send is: the user choosing, the work running, or over (done, cancelled or failed). */
public enum Phase {
    CHOOSING,
    RUNNING,
    DONE
}
