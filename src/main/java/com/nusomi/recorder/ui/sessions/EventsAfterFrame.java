package com.nusomi.recorder.ui.sessions;

import com.nusomi.recorder.client.model.Event;
import java.util.List;
import javafx.application.Platform;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.Scene;

/**
 * Fills the detail pane's events list after the film strip's first frame: a newly shown session's events wait until
 * its first image is on screen (or cannot be, or there is none to wait for), then fill the list on the pulse after.
 * The list's cells (up to {@link SessionDetailPane#EVENT_ROWS} rows, mostly below the fold) take the UI thread tens
 * of milliseconds to make on a screen's first session; made first, they held back the frame a reviewer looks at.
 */
final class EventsAfterFrame {
    private final ObservableList<Event> events;
    private final FilmStripViewModel<?> film;
    private final Node owner;
    private List<Event> pending;

    /** Fills {@code events}, shown by {@code owner}, after {@code film}'s first image. */
    EventsAfterFrame(ObservableList<Event> events, FilmStripViewModel<?> film, Node owner) {
        this.events = events;
        this.film = film;
        this.owner = owner;
        film.imageSeqProperty().addListener((o, a, b) -> release());
        film.failureProperty().addListener((o, a, b) -> release());
        film.hasFramesProperty().addListener((o, a, b) -> release());
    }

    /** The session shown has these events: now, or once its first frame is shown (a list already equal stays). */
    void show(List<Event> next) {
        pending = null;
        if (events.equals(next)) {
            return; // the same again (a reload) keeps the list's scroll position
        }
        if (waitingForFrame()) {
            pending = next;
        } else {
            events.setAll(next);
        }
    }

    private boolean waitingForFrame() {
        return film.hasFramesProperty().get()
                && film.imageSeqProperty().get() == null
                && film.failureProperty().get() == null;
    }

    private void release() {
        List<Event> next = pending;
        if (next == null || waitingForFrame()) {
            return;
        }
        Scene scene = owner.getScene();
        if (scene == null) {
            fill(next);
            return;
        }
        // after the pulse that lays out the frame (a listener is not removed while the pulse walks them)
        Runnable[] afterPulse = new Runnable[1];
        afterPulse[0] = () -> Platform.runLater(() -> {
            scene.removePostLayoutPulseListener(afterPulse[0]);
            fill(next);
        });
        scene.addPostLayoutPulseListener(afterPulse[0]);
        Platform.requestNextPulse();
    }

    private void fill(List<Event> next) {
        if (pending == next) {
            pending = null;
            events.setAll(next);
        }
    }
}
