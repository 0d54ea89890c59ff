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
 *
 * <p>A milestone reached before the log is set up ({@code main()}, before {@code AppLog.install} points slf4j-simple
 * at the data folder's file) is {@linkplain #hold held} and written with the next {@link #mark}: logging it at once
 * would make the first logger, and slf4j-simple reads its configuration once, at its first logger, so the whole
 * trace (and every other line of the run) would go to standard error instead of the log file.
 */
public final class StartupTrace {
    private static final boolean ON = Boolean.getBoolean("recorder.startupTrace");
    /** Lines of {@link #hold}, written by the first {@link #mark} (the logger's class initialiser). */
    private static final List<String> HELD = new ArrayList<>();
    /** Whether the logger is made (guarded by {@link #HELD}). */
    private static boolean logging;

    private StartupTrace() {}

    public static void mark(String what) {
        if (ON) {
            On.LOG.info(line(what));
        }
    }

    /** A milestone kept, not logged, until the next {@link #mark}: for before the log is set up. */
    public static void hold(String what) {
        if (ON) {
            synchronized (HELD) {
                if (!logging) {
                    HELD.add(line(what));
                    return;
                }
            }
            mark(what);
        }
    }

    private static String line(String what) {
        return ProcessAge.millis() + " ms [" + Thread.currentThread().getName() + "] " + what;
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
        static final Logger LOG = held(LoggerFactory.getLogger(StartupTrace.class));

        private static Logger held(Logger log) {
            synchronized (HELD) {
                HELD.forEach(log::info);
                HELD.clear();
                logging = true;
            }
            return log;
        }
    }
}
