package com.nusomi.recorder.export;

/**
 * How a run is exported. {@code cropClicks}: a step guide shows each click's picture cropped around the click, not
 * the whole frame. The video: {@code speed} plays it that many times faster (1 to 64), {@code skipIdle} shortens
 * every stretch longer than {@link #IDLE_KEPT_MS} with no new frame and no step to that length, {@code overlays}
 * burns the click rings and step captions in. A format ignores the options that are not its own.
 */
public record ExportOptions(boolean cropClicks, double speed, boolean skipIdle, boolean overlays) {
    /** The plain export: whole frames, real time, nothing burnt in. */
    public static final ExportOptions DEFAULTS = new ExportOptions(false, 1, false, false);

    /** The longest idle stretch a video keeps when skipping idle time, in ms of the run. */
    public static final long IDLE_KEPT_MS = 2_000;

    /** The fastest speed-up. */
    public static final double MAX_SPEED = 64;

    /** Checks the speed. */
    public ExportOptions {
        if (!(speed >= 1 && speed <= MAX_SPEED)) {
            throw new IllegalArgumentException("speed must be between 1 and 64, not " + speed);
        }
    }

    /** These options with pictures cropped around the clicks, or not. */
    public ExportOptions withCropClicks(boolean on) {
        return new ExportOptions(on, speed, skipIdle, overlays);
    }

    /** These options with another speed-up. */
    public ExportOptions withSpeed(double times) {
        return new ExportOptions(cropClicks, times, skipIdle, overlays);
    }

    /** These options with idle time skipped, or not. */
    public ExportOptions withSkipIdle(boolean on) {
        return new ExportOptions(cropClicks, speed, on, overlays);
    }

    /** These options with rings and captions burnt into the video, or not. */
    public ExportOptions withOverlays(boolean on) {
        return new ExportOptions(cropClicks, speed, skipIdle, on);
    }
}
