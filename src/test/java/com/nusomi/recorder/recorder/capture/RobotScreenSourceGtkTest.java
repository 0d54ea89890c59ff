package com.nusomi.recorder.recorder.capture;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The capture asks AWT for GTK 3 (GTK 2's capture leaks on JDK 17) but keeps a version chosen by the user. */
class RobotScreenSourceGtkTest {
    private String saved;

    @BeforeEach
    void save() {
        saved = System.getProperty("jdk.gtk.version");
    }

    @AfterEach
    void restore() {
        if (saved == null) {
            System.clearProperty("jdk.gtk.version");
        } else {
            System.setProperty("jdk.gtk.version", saved);
        }
    }

    @Test
    void asksForGtk3WhenNoVersionWasChosen() {
        System.clearProperty("jdk.gtk.version");
        new RobotScreenSource();
        assertThat(System.getProperty("jdk.gtk.version")).isEqualTo("3");
    }

    @Test
    void keepsTheVersionTheUserChose() {
        System.setProperty("jdk.gtk.version", "2");
        RobotScreenSource.preferGtk3();
        assertThat(System.getProperty("jdk.gtk.version")).isEqualTo("2");
    }
}
