package com.nusomi.recorder.ui.sessions;

import javafx.scene.image.Image;
import javafx.stage.Window;

/**
 * Opens a session's frames in the frame viewer window, in step with the film strip: built by {@code boot} (the
 * viewer lives in {@code ui.review}, which reads this package) and handed to {@link SessionsView}.
 */
@FunctionalInterface
public interface FrameViewerOpener {
    /**
     * Shows {@code film}'s current frame in the viewer, opening it over {@code owner} if need be; the viewer's
     * Redact… opens the editor through {@code redaction}.
     */
    void open(FilmStripViewModel<Image> film, Window owner, RedactionOpener redaction);
}
