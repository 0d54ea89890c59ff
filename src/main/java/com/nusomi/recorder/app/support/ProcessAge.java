package com.nusomi.recorder.app.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * How long this process has been running, for start-up figures. On Linux from {@code /proc}: the time since boot
 * ({@code /proc/uptime}) less the process's start time since boot ({@code /proc/self/stat}), both to the 10 ms tick.
 * Not {@link ProcessHandle.Info#startInstant()}: on Linux it adds the start time to the boot time in whole seconds
 * ({@code btime} of {@code /proc/stat}), so it reads up to a second early, by the same amount for every process of
 * one boot, and every start-up figure comes out that much too long. Elsewhere it is the fallback.
 */
public final class ProcessAge {
    /** Clock ticks a second of {@code /proc/self/stat}'s start time ({@code USER_HZ}, 100 on every Linux ABI). */
    private static final long TICKS_PER_SECOND = 100;

    private ProcessAge() {}

    /** Milliseconds since this process started; -1 when the platform tells neither way. */
    public static long millis() {
        try {
            return fromProc(Files.readString(Path.of("/proc/uptime")), Files.readString(Path.of("/proc/self/stat")));
        } catch (IOException | RuntimeException e) {
            return ProcessHandle.current()
                    .info()
                    .startInstant()
                    .map(start -> Duration.between(start, Instant.now()).toMillis())
                    .orElse(-1L);
        }
    }

    /** The age from the text of {@code /proc/uptime} and {@code /proc/self/stat}. */
    static long fromProc(String uptime, String stat) {
        long upMillis = Math.round(Double.parseDouble(uptime.trim().split("\\s+", -1)[0]) * 1000);
        // The command name (in parentheses) may hold spaces: count the fields after its closing parenthesis.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+", -1);
        long startTicks = Long.parseLong(fields[19]); // field 22 of stat; the fields from 3 on are here
        return upMillis - startTicks * 1000 / TICKS_PER_SECOND;
    }
}
