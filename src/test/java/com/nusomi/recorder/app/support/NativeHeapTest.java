package com.nusomi.recorder.app.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.nusomi.recorder.bench.Resident;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.RunnableScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class NativeHeapTest {
    private static final int BLOCK = 1024;
    private static final int BLOCKS = 200 * 1024; // 200 MiB in blocks of 1 KiB, as libjpeg and X11 free them

    @Test
    void onLinuxTrimGivesFreedBlocksBackToTheSystem() throws IOException {
        assumeTrue(Platform.isLinux(), "glibc on Linux only");
        Optional<NativeHeap> heap = NativeHeap.glibc();
        assertThat(heap).as("glibc's heap on this Linux").isPresent();

        long[] blocks = new long[BLOCKS];
        for (int i = 0; i < BLOCKS; i++) {
            blocks[i] = Native.malloc(BLOCK);
            new Pointer(blocks[i]).setMemory(0, BLOCK, (byte) 1); // resident, not only reserved
        }
        long full = residentBytes();
        // every block but the last: the free space lies below it, where glibc never gives memory back by itself
        for (int i = 0; i < BLOCKS - 1; i++) {
            Native.free(blocks[i]);
        }
        long freed = residentBytes();
        try {
            assertThat(heap.get().trim()).as("memory given back").isTrue();
            long trimmed = residentBytes();
            assertThat(full - freed)
                    .as("resident memory handed back by free alone")
                    .isLessThan(50L << 20);
            assertThat(freed - trimmed)
                    .as("resident memory handed back by the trim (of 200 MiB freed)")
                    .isGreaterThan(150L << 20);
        } finally {
            Native.free(blocks[BLOCKS - 1]);
        }
    }

    @Test
    void keepTrimmedSchedulesATrimEveryMinuteWhereThereIsGlibc() {
        assumeTrue(Platform.isLinux() && NativeHeap.glibc().isPresent(), "glibc on Linux only");
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);
        try {
            NativeHeap.keepTrimmed(scheduler);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> scheduler.getQueue().size() == 1);
            RunnableScheduledFuture<?> trim =
                    (RunnableScheduledFuture<?>) scheduler.getQueue().peek();
            assertThat(trim.isPeriodic()).isTrue();
            assertThat(trim.getDelay(TimeUnit.SECONDS)).isBetween(50L, 60L);
        } finally {
            scheduler.shutdownNow();
        }
    }

    private static long residentBytes() throws IOException {
        return Resident.kilobytes(ProcessHandle.current().pid()) * 1024;
    }
}
