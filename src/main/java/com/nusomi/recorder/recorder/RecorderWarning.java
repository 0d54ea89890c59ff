package com.nusomi.recorder.recorder;

/** Something the operator should know about; {@code sessionId} is null for spool-wide warnings. */
public record RecorderWarning(Kind kind, String sessionId, String message, Throwable cause) {
    public enum Kind {
        /** The spool passed 80% of its size limit. */
        SPOOL_NEARLY_FULL,
        /** The spool is at its limit: frames are being skipped (events, tags and stop are still kept). */
        SPOOL_FULL_FRAMES_SKIPPED,
        /** The server cannot be reached (or fails); uploads wait and resume in order. */
        UPLOAD_WAITING,
        /** Uploads go through again after {@link #UPLOAD_WAITING}. */
        UPLOAD_RESUMED,
        /** Global mouse and keyboard capture is not available; frames and notes are still recorded. */
        INPUT_UNAVAILABLE,
        /**
         * Global input capture stopped during the recording (the hook's thread ended, or its registration was
         * refused): a {@code marker} event {@code {"kind":"input_lost"}} marks the gap;
         * {@link Recording#restartInput()} tries to bring it back.
         */
        INPUT_LOST,
        /** Input is captured again after {@link #INPUT_LOST} (marker {@code {"kind":"input_restored"}}). */
        INPUT_RESTORED,
        /**
         * Whole frames are being blacked out because a private window's place could not be read (failing closed
         * rather than risking a leak); the message says why.
         */
        FRAMES_BLACKED_OUT,
        /** Frames are recorded again after {@link #FRAMES_BLACKED_OUT}. */
        FRAMES_VISIBLE_AGAIN,
        /**
         * The screen itself comes back black, before any mask, capture after capture: the platform refuses the
         * capture (a Wayland session shows only X11 windows to it, a locked screen, a missing permission).
         */
        SCREEN_BLACK,
        /** The screen shows something again after {@link #SCREEN_BLACK}. */
        SCREEN_VISIBLE_AGAIN,
        /** The desktop is a Wayland session: what is captured, masked and heard there is limited (the message says how). */
        WAYLAND_SESSION
    }
}
