package com.nusomi.recorder.recorder.privacy;

import java.nio.file.Path;
import java.util.List;

/**
 * What the privacy check found, over every frame it took.
 *
 * @param leakedPixels pixels of masked windows that were recorded: a private canary's colour anywhere, anything
 *     but black in a private canary's visible frame (title bar included), the recorder's own canary's colour
 * @param ownWindowPixels of those, pixels of the recorder's own canary
 * @param foregroundFidelity share of the front window's visible pixels that were recorded (0 to 1)
 * @param frames how many frames were taken and judged
 * @param patternsChecked the privacy patterns that got a canary window
 * @param patternsSkipped patterns no canary title could be made for, with why
 * @param picture the last frame as it would be recorded (PNG), or null when none was taken
 * @param locator what read the windows
 * @param problems what went wrong beside the counts (no display, canaries that did not appear...)
 */
public record PrivacyReport(
        long leakedPixels,
        long ownWindowPixels,
        double foregroundFidelity,
        int frames,
        List<String> patternsChecked,
        List<String> patternsSkipped,
        Path picture,
        String locator,
        List<String> problems) {
    /** The front window must be recorded at least this well. */
    public static final double FIDELITY_BAR = 0.99;

    public PrivacyReport {
        patternsChecked = List.copyOf(patternsChecked);
        patternsSkipped = List.copyOf(patternsSkipped);
        problems = List.copyOf(problems);
    }

    /** Nothing leaked, the front window was recorded, and nothing stopped the check. */
    public boolean passed() {
        return frames > 0 && leakedPixels == 0 && foregroundFidelity >= FIDELITY_BAR && problems.isEmpty();
    }

    /** One line for people: the verdict and the two figures. */
    public String summary() {
        String verdict = passed() ? "Privacy check passed" : "Privacy check FAILED";
        return String.format(
                "%s: %d leaked pixels, %.2f%% of the front window recorded, %d frames, %d pattern%s" + " checked",
                verdict,
                leakedPixels,
                foregroundFidelity * 100,
                frames,
                patternsChecked.size(),
                patternsChecked.size() == 1 ? "" : "s");
    }
}
