package com.nusomi.recorder.recorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The one thread of a recording: where work runs, what happens to work after shutdown, and capture planning. */
class RecordingWorkerTest {
    private final RecordingWorker worker = new RecordingWorker("ses_worker");

    @AfterEach
    void shutDown() {
        worker.shutdownNow();
    }

    @Test
    void submittedWorkRunsOnTheRecordingsNamedThread() {
        String name = worker.submit(() -> Thread.currentThread().getName()).join();
        assertThat(name).isEqualTo("recorder-capture-ses_worker");
    }

    @Test
    void workThatThrowsFailsItsFuture() {
        assertThatThrownBy(() -> worker.submit(() -> {
                            throw new IllegalArgumentException("bad");
                        })
                        .join())
                .isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void workSubmittedAfterShutdownFailsAsStopped() {
        worker.shutdown();
        assertThatThrownBy(() -> worker.submit(() -> 1).join())
                .hasCauseInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the recording of ses_worker is stopped");
    }

    @Test
    void lateWorkAfterShutdownIsDroppedQuietly() {
        worker.shutdown();
        AtomicInteger ran = new AtomicInteger();
        worker.execute(ran::incrementAndGet);
        worker.later(Duration.ZERO, ran::incrementAndGet);
        worker.every(Duration.ofMillis(1), ran::incrementAndGet);
        worker.onSchedule(Duration.ofMillis(1), ran::incrementAndGet);
        worker.shutdownNow();
        assertThat(ran).hasValue(0);
    }

    @Test
    void periodicWorkRunsAgainAndAgain() {
        AtomicInteger ran = new AtomicInteger();
        worker.every(Duration.ofMillis(5), ran::incrementAndGet);
        await().atMost(Duration.ofSeconds(10)).until(() -> ran.get() >= 3);
    }

    @Test
    void scheduledWorkRunsAtOnceAndThenAgain() {
        AtomicInteger ran = new AtomicInteger();
        worker.onSchedule(Duration.ofHours(1), ran::incrementAndGet);
        await().atMost(Duration.ofSeconds(10)).until(() -> ran.get() == 1);

        AtomicInteger often = new AtomicInteger();
        worker.onSchedule(Duration.ofMillis(5), often::incrementAndGet);
        await().atMost(Duration.ofSeconds(10)).until(() -> often.get() >= 3);
    }

    @Test
    void aRunOnTimeIsPlannedOnePeriodAfterThePreviousPlan() {
        assertThat(RecordingWorker.nextPlan(1_000, 100, 1_040)).isEqualTo(1_100);
    }

    @Test
    void aLateRunIsPlannedFromNowNotCatchingUpOnMissedOnes() {
        assertThat(RecordingWorker.nextPlan(1_000, 100, 1_350)).isEqualTo(1_350);
    }
}
