package com.nusomi.recorder.recorder.capture;

import java.util.Locale;
import java.util.Map;

/** What kind of desktop session this runs in, where that limits capture (Wayland). */
public final class DesktopSession {
    /** What works and what does not in a Wayland session, for the Record screen and the log. */
    public static final String WAYLAND_LIMITS = "This is a Wayland session: only windows of X11 apps (XWayland)"
            + " are captured, masked by title and heard; other apps' windows come out black and their clicks and"
            + " keys are not recorded. Log in to an X11 session (\"GNOME on Xorg\", \"Plasma (X11)\") to record"
            + " every app.";

    private DesktopSession() {}

    /** True in a Wayland session ({@code XDG_SESSION_TYPE=wayland}, or a {@code WAYLAND_DISPLAY} is named). */
    public static boolean isWayland() {
        return isWayland(System.getenv());
    }

    static boolean isWayland(Map<String, String> env) {
        String type = env.getOrDefault("XDG_SESSION_TYPE", "").toLowerCase(Locale.ROOT);
        if (!type.isEmpty()) {
            return type.equals("wayland");
        }
        String wayland = env.get("WAYLAND_DISPLAY");
        return wayland != null && !wayland.isBlank();
    }
}
