package com.nusomi.recorder.recorder.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nusomi.recorder.recorder.capture.mac.MacWindowLocator;
import com.nusomi.recorder.recorder.capture.win.Win32WindowLocator;
import com.nusomi.recorder.recorder.capture.x11.X11WindowLocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The locator is chosen by the operating system's name, and choosing one loads no native library. */
class WindowLocatorsTest {
    @Test
    void picksWin32OnWindows() {
        assertThat(WindowLocators.forOs("Windows 11", false)).isInstanceOf(Win32WindowLocator.class);
    }

    @Test
    void picksCoreGraphicsOnMacOs() {
        assertThat(WindowLocators.forOs("Mac OS X", false)).isInstanceOf(MacWindowLocator.class);
    }

    @Test
    void picksX11ElsewhereOnlyWhereADisplayIsNamed() {
        assertThat(WindowLocators.forOs("Linux", true)).isInstanceOf(X11WindowLocator.class);
        assertThat(WindowLocators.forOs("Linux", false)).isSameAs(WindowLocator.NONE);
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void anotherPlatformsLocatorFailsOnlyWhenAsked() {
        WindowLocator windows = WindowLocators.forOs("Windows 11", false);
        WindowLocator mac = WindowLocators.forOs("Mac OS X", false);

        assertThatThrownBy(windows::snapshot).isInstanceOf(WindowLookupException.class);
        assertThatThrownBy(mac::snapshot).isInstanceOf(WindowLookupException.class);
    }
}
