package com.nusomi.recorder.client;

/** What {@code GET /v1/sessions/{id}} may embed. */
public enum Include {
    /** The session's events (the first ones, {@code events_truncated} says if there are more). */
    EVENTS("events"),
    /** The session's tags. */
    TAGS("tags"),
    /** Counts and times of the session's frames. */
    FRAMES_SUMMARY("frames_summary");

    private final String wireValue;

    Include(String wireValue) {
        this.wireValue = wireValue;
    }

    /** The value in the {@code include} query parameter. */
    public String wireValue() {
        return wireValue;
    }
}
