package com.nusomi.recorder.ui.sessions;

/**
 * The order in which the film strip loads one session: its frames summary once (from whichever read brings it
 * first), then the frame shown first; once that has landed, the thumbnails; once it has landed and the session's
 * timeline is known as well (the session read in full, with its events), the listing of every frame, whose offsets
 * need that timeline. UI thread only.
 */
final class LoadOrder {
    private final Runnable thumbnails;
    private final Runnable listing;
    private boolean summaryTaken;
    private boolean timed;
    private boolean firstLanded;
    private boolean listed;

    /** {@code thumbnails} and {@code listing} start those loads; each runs once a session. */
    LoadOrder(Runnable thumbnails, Runnable listing) {
        this.thumbnails = thumbnails;
        this.listing = listing;
    }

    /** Another session: everything again. */
    void reset() {
        summaryTaken = false;
        timed = false;
        firstLanded = false;
        listed = false;
    }

    /** True the first time a session's summary is offered: that one is shown, later ones are not. */
    boolean takeSummary() {
        if (summaryTaken) {
            return false;
        }
        summaryTaken = true;
        return true;
    }

    /** The session in full has been read: its timeline is known. */
    void timed() {
        timed = true;
        listWhenReady();
    }

    /** The frame shown first has landed (or failed, or there is none to show). */
    void firstLanded() {
        if (!firstLanded) {
            firstLanded = true;
            thumbnails.run();
            listWhenReady();
        }
    }

    private void listWhenReady() {
        if (firstLanded && timed && !listed) {
            listed = true;
            listing.run();
        }
    }
}
