package com.nusomi.recorder.app.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Milestones of the app's start (milliseconds since the process started, and the thread), logged with
 * {@code -Drecorder.startupTrace=true}, and at ready the CPU time each thread used so far (Linux). For finding what
 * is on the critical path of a cold start; inert (one boolean test) without the property.
 */
public final class StartupTrace {
    private static final boolean ON = Boolean.getBoolean("recorder.startupTrace");

    private StartupTrace() {}

    public static void mark(String what) {
        if (ON) {
            On.LOG.info("{} ms [{}] {}", On.sinceStart(), Thread.currentThread().getName(), what);
        }
    }

    /** The CPU time of the process and of its busiest threads so far, from /proc (Linux only). */
    public static void threadTimes() {
        if (!ON) {
            return;
        }
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            List<String> rows = new ArrayList<>();
            long total = 0;
            for (Path task : (Iterable<Path>) tasks::iterator) {
                String stat = Files.readString(task.resolve("stat"));
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ", -1);
                long ms = (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10; // utime + stime, in 10 ms ticks
                total += ms;
                if (ms > 0) {
                    rows.add(String.format("%6d ms %s", ms, name));
                }
            }
            rows.sort(Comparator.reverseOrder());
            On.LOG.info("CPU so far: {} ms; by thread:\n  {}", total, String.join("\n  ", rows));
        } catch (Exception e) {
            On.LOG.info("no thread times: {}", e.toString());
        }
    }

    private static final class On {
        static final Logger LOG = LoggerFactory.getLogger(StartupTrace.class);

        static long sinceStart() {
            return ProcessAge.millis();
        }
    }
}
