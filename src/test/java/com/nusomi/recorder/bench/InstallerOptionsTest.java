package com.nusomi.recorder.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The benchmarks launch the app with the installer's JVM options, read from its jpackage arguments. */
class InstallerOptionsTest {
    @Test
    void theLaunchersOptionsAreReadOneByOneWithoutTheArchiveOfTheInstalledApp() {
        assertThat(InstallerOptions.jvm())
                .contains("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1")
                .allSatisfy(
                        o -> assertThat(o).startsWith("-").doesNotContain(" ").doesNotContain("$APPDIR"));
    }
}
