package com.nusomi.recorder.recorder.input;

/** A mouse button as the events API names it. */
public enum MouseButton {
    PRIMARY("primary"),
    SECONDARY("secondary"),
    MIDDLE("middle"),
    OTHER("other");

    private final String wire;

    MouseButton(String wire) {
        this.wire = wire;
    }

    public String wireValue() {
        return wire;
    }
}
