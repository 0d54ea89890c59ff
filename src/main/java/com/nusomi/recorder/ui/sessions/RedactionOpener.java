package com.nusomi.recorder.ui.sessions;

import javafx.scene.Node;

/** Opens the redaction editor on the film strip's current frame, from the detail pane or from the frame viewer. */
@FunctionalInterface
public interface RedactionOpener {
    /**
     * Opens the editor over {@code owner}'s window (nothing happens while the frames are still loading); {@code
     * redacted} runs on the UI thread each time frames were redacted, after the film strip has reloaded them.
     */
    void open(Node owner, Runnable redacted);
}
