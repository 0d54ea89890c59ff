package com.nusomi.recorder.client;

/** What {@code GET /v1/sessions/{id}} may embed. */
public enum Include {
    EVENTS("events"),
    TAGS("tags"),
    FRAMES_SUMMARY("frames_summary");

    private final String wireValue;

    Include(String wireValue) {
        this.wireValue = wireValue;
    }

    public String wireValue() {
        return wireValue;
    }
}
