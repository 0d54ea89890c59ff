package com.nusomi.recorder.app.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ProcessAgeTest {

    @Test
    void ageIsUptimeLessTheStartTicksOfStat() {
        String stat = "4242 (java) S 1 4242 4242 0 -1 4194560 9 0 0 0 5 3 0 0 20 0 31 0 123456 1000 300 18446744";
        assertThat(ProcessAge.fromProc("1300.25 2500.00\n", stat)).isEqualTo(1_300_250 - 1_234_560);
    }

    @Test
    void aCommandNameWithSpacesAndParenthesesDoesNotShiftTheFields() {
        String stat = "77 (my (odd) name) R 1 77 77 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 5000 0 0 0";
        assertThat(ProcessAge.fromProc("60.00 1.00", stat)).isEqualTo(10_000);
    }

    @Test
    void onLinuxTheAgeMatchesTheJvmsOwnUptimeToTheTick() {
        assumeTrue(Files.isReadable(Path.of("/proc/self/stat")), "Linux only");
        long before = ManagementFactory.getRuntimeMXBean().getUptime();
        long age = ProcessAge.millis();
        long after = ManagementFactory.getRuntimeMXBean().getUptime();
        // The process starts a little before the JVM's clock does (exec, loading libjvm), never after it; the
        // whole-second boot time of ProcessHandle's figure would put it up to 1000 ms off.
        assertThat(age).isBetween(before - 20, after + 300);
    }
}
