package com.nusomi.recorder.recorder.capture;

import static org.assertj.core.api.Assertions.assertThat;

import com.nusomi.recorder.recorder.capture.x11.XcbScreenSource;
import org.junit.jupiter.api.Test;

/** The screen source is chosen by the operating system's name and the display; choosing connects to nothing. */
class ScreenSourcesTest {
    @Test
    void readsTheXServerItselfWhereADisplayIsNamed() {
        try (ScreenSource s = ScreenSources.forOs("Linux", true)) {
            assertThat(s).isInstanceOf(XcbScreenSource.class);
            assertThat(((XcbScreenSource) s).fallbackReason())
                    .as("nothing tried yet")
                    .isNull();
        }
    }

    @Test
    void usesRobotOnWindowsMacOsAndWithoutADisplay() {
        assertThat(ScreenSources.forOs("Windows 11", true)).isInstanceOf(RobotScreenSource.class);
        assertThat(ScreenSources.forOs("Mac OS X", true)).isInstanceOf(RobotScreenSource.class);
        assertThat(ScreenSources.forOs("Linux", false)).isInstanceOf(RobotScreenSource.class);
    }
}
