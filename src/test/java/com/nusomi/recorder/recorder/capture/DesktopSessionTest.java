package com.nusomi.recorder.recorder.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DesktopSessionTest {
    @Test
    void theSessionTypeDecidesAndAWaylandDisplayIsTheFallback() {
        assertThat(DesktopSession.isWayland(Map.of("XDG_SESSION_TYPE", "wayland")))
                .isTrue();
        assertThat(DesktopSession.isWayland(Map.of("XDG_SESSION_TYPE", "x11", "WAYLAND_DISPLAY", "wayland-0")))
                .isFalse();
        assertThat(DesktopSession.isWayland(Map.of("WAYLAND_DISPLAY", "wayland-0")))
                .isTrue();
        assertThat(DesktopSession.isWayland(Map.of("DISPLAY", ":0"))).isFalse();
    }
}
