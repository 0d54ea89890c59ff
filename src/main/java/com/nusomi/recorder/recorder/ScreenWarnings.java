package com.nusomi.recorder.recorder;

import com.nusomi.recorder.recorder.capture.DesktopSession;
import com.nusomi.recorder.recorder.capture.MaskPlan;
import java.util.Objects;

/**
 * Tells the operator, once each way, when what is recorded stops showing the screen: frames blacked out whole by
 * the privacy masks (and visible again), or the capture itself coming back black {@value #BLACK_SCREENS_BEFORE_WARNING}
 * times running (and showing something again). Not thread-safe: used on the recording's worker only.
 */
final class ScreenWarnings {
    static final int BLACK_SCREENS_BEFORE_WARNING = 3;

    private final String sessionId;
    private final Notifier notify;
    private String blackoutReason;
    private int blackScreens;

    ScreenWarnings(String sessionId, Notifier notify) {
        this.sessionId = sessionId;
        this.notify = notify;
    }

    /** Looks at the masks planned for a frame: warns when frames start or stop being blacked out whole. */
    void planned(MaskPlan plan) {
        String reason = plan.blackAll() ? plan.reason() : null;
        if (Objects.equals(reason, blackoutReason)) {
            return;
        }
        blackoutReason = reason;
        if (reason != null) {
            notify.warning(new RecorderWarning(RecorderWarning.Kind.FRAMES_BLACKED_OUT, sessionId, reason, null));
        } else {
            notify.warning(new RecorderWarning(
                    RecorderWarning.Kind.FRAMES_VISIBLE_AGAIN, sessionId, "frames are recorded again", null));
        }
    }

    /** Looks at a capture before any mask: warns on the third black one running, and when the screen shows again. */
    void captured(boolean black) {
        if (black) {
            blackScreens++;
            if (blackScreens == BLACK_SCREENS_BEFORE_WARNING) {
                notify.warning(new RecorderWarning(
                        RecorderWarning.Kind.SCREEN_BLACK,
                        sessionId,
                        "The screen capture comes back black: nothing of the screen is being recorded."
                                + (DesktopSession.isWayland()
                                        ? " This is a Wayland session, where only X11"
                                                + " (XWayland) windows can be captured."
                                        : " The screen may be locked, or the"
                                                + " system may not allow this app to record it."),
                        null));
            }
        } else {
            if (blackScreens >= BLACK_SCREENS_BEFORE_WARNING) {
                notify.warning(new RecorderWarning(
                        RecorderWarning.Kind.SCREEN_VISIBLE_AGAIN, sessionId, "the screen is captured again", null));
            }
            blackScreens = 0;
        }
    }
}
