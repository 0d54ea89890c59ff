package com.nusomi.recorder.recorder.capture;

import static org.assertj.core.api.Assertions.assertThat;

import com.nusomi.recorder.recorder.capture.x11.XcbScreenSource;
import org.junit.jupiter.api.Test;

/** The screen source is chosen by the operating system's name and the display; choosing connects to nothing. */
class ScreenSourcesTest {
    @Test
    void readsTheXServerItselfWhereADisplayIsNamed() {
        try (ScreenSource s = ScreenSources.forOs("Linux", true, null)) {
            assertThat(s).isInstanceOf(XcbScreenSource.class);
            assertThat(((XcbScreenSource) s).fallbackReason())
                    .as("nothing tried yet")
                    .isNull();
        }
    }

    @Test
    void robotWhenAskedFor() {
        assertThat(ScreenSources.forOs("Linux", true, "robot")).isInstanceOf(RobotScreenSource.class);
    }

    @Test
    void usesRobotOnWindowsMacOsAndWithoutADisplay() {
        assertThat(ScreenSources.forOs("Windows 11", true, null)).isInstanceOf(RobotScreenSource.class);
        assertThat(ScreenSources.forOs("Mac OS X", true, null)).isInstanceOf(RobotScreenSource.class);
        assertThat(ScreenSources.forOs("Linux", false, null)).isInstanceOf(RobotScreenSource.class);
    }
}
