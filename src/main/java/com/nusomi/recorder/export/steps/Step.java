package com.nusomi.recorder.export.steps;

import com.nusomi.recorder.client.model.Frame;
import java.time.Instant;

/**
 * One numbered step of a guide. {@code offsetMs} is the time since the session started; {@code detail} is more text
 * (a long note, a tag's data), null when none; {@code frame} the frame to show (clicks only; null when the run has
 * none), with the click at {@code x}, {@code y} in that frame's pixels (null when the click was outside the
 * captured area). {@code durationMs} is how long a pause lasted (0 for the other kinds); {@code typedText} says that
 * a key step holds the characters typed.
 */
public record Step(
        int number,
        StepKind kind,
        Instant at,
        long offsetMs,
        String caption,
        String detail,
        Frame frame,
        Integer x,
        Integer y,
        long durationMs,
        boolean typedText) {

    /** Whether the step has a click point inside its frame. */
    public boolean hasClickPoint() {
        return frame != null && x != null && y != null;
    }
}
