package com.nusomi.recorder.app.support;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The C library's heap (glibc's {@code malloc}) of a long-running desktop process, trimmed now and then. A recording
 * frees native memory all the time (AWT's screen captures, libjpeg's buffers, X11 replies) on several threads; glibc
 * keeps what is freed in its arenas, one per thread up to eight per core, and gives back only the free memory at the
 * top of the main one, so the resident size creeps up though nothing leaks (issue 20, BENCHMARKS.md "Memory while
 * recording"). {@code malloc_trim} hands the free whole pages of every arena back to the system. The JVM's own
 * periodic trim ({@code -XX:TrimNativeHeapInterval}) is experimental on JDK 17 and missing before 17.0.9; this is the
 * same call on any JDK.
 *
 * <p>Fewer arenas ({@code MALLOC_ARENA_MAX}) would help too, but only from the environment the process starts in: by
 * the time Java code runs, the JVM's threads have made more than eight arenas, glibc has fixed its limit at eight per
 * core, and {@code mallopt(M_ARENA_MAX)} no longer changes it (measured: 16 arenas on 2 cores either way, 2 with the
 * variable set). jpackage's launchers cannot set it; the Linux menu entry starts the launcher with it (decision
 * 0021).
 *
 * <p>Linux with glibc only; elsewhere (or on musl, which has no {@code malloc_trim}) there is nothing to trim.
 */
public final class NativeHeap {
    private static final Logger LOG = LoggerFactory.getLogger(NativeHeap.class);

    /** How often {@link #keepTrimmed} trims: rare enough to cost nothing, often enough that little piles up. */
    public static final Duration TRIM_EVERY = Duration.ofSeconds(60);

    /** The call of glibc this uses. */
    interface CLibrary extends Library {
        int malloc_trim(long pad);
    }

    private final CLibrary libc;

    private NativeHeap(CLibrary libc) {
        this.libc = libc;
    }

    /** glibc's heap, or empty where there is none to trim (not Linux, no glibc, no JNA). */
    public static Optional<NativeHeap> glibc() {
        if (!Platform.isLinux()) {
            return Optional.empty();
        }
        try {
            // musl's libc loads as "c" too but has no malloc_trim: looking it up fails here, not at the first trim
            NativeLibrary.getInstance("c").getFunction("malloc_trim");
            return Optional.of(new NativeHeap(Native.load("c", CLibrary.class)));
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            LOG.debug("no glibc heap to trim", e);
            return Optional.empty();
        }
    }

    /**
     * Trims the heap every {@link #TRIM_EVERY} on {@code scheduler}, the first time after one period (nothing has
     * piled up at start), until the scheduler is shut down. Looks glibc up on the scheduler too, so that the caller's
     * thread does not load JNA; where there is no glibc, schedules nothing.
     */
    @SuppressWarnings("FutureReturnValueIgnored") // runs until the scheduler is shut down
    public static void keepTrimmed(ScheduledExecutorService scheduler) {
        long period = TRIM_EVERY.toMillis();
        scheduler.execute(() -> glibc().ifPresent(
                        heap -> scheduler.scheduleAtFixedRate(heap::trim, period, period, TimeUnit.MILLISECONDS)));
    }

    /**
     * Gives the free whole pages of each arena back to the system. Takes each arena's lock in turn (a few
     * milliseconds): for a background thread, not the UI thread.
     *
     * @return whether any memory was given back
     */
    public boolean trim() {
        return libc.malloc_trim(0) == 1;
    }
}
