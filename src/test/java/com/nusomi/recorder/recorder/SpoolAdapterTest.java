package com.nusomi.recorder.recorder;

import static org.assertj.core.api.Assertions.assertThat;

import com.nusomi.recorder.recorder.spool.EntryInfo;
import com.nusomi.recorder.recorder.spool.EntryKind;
import com.nusomi.recorder.recorder.spool.Spool;
import com.nusomi.recorder.recorder.spool.SpoolEvents;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spool's reports turned into counts and listener calls: which warnings come once, and when again. */
class SpoolAdapterTest {
    @TempDir
    Path data;

    private final CollectingListener seen = new CollectingListener();
    private Spool spool;
    private SessionCounters counters;
    private SpoolAdapter adapter;

    @BeforeEach
    void open() {
        spool = Spool.open(data, Spool.DEFAULT_LIMIT_BYTES, SpoolEvents.NONE);
        counters = new SessionCounters("ses_known", spool.journal("ses_known"), spool, RecordingState.RECORDING);
        adapter = new SpoolAdapter(new Notifier(seen, r -> {}), id -> id.equals("ses_known") ? counters : null);
    }

    @AfterEach
    void close() {
        spool.close();
    }

    private static EntryInfo frame(String sessionId) {
        return new EntryInfo(sessionId, 0, EntryKind.FRAME, 0, List.of(), null, 10);
    }

    private List<RecorderWarning.Kind> warnings() {
        return seen.warnings.stream().map(RecorderWarning::kind).toList();
    }

    @Test
    void recordedEntriesAreCountedForKnownSessionsAndAlwaysPassedOn() {
        adapter.recorded(frame("ses_known"));
        adapter.recorded(new EntryInfo("ses_known", 1, EntryKind.EVENTS, -1, List.of("evt_1", "evt_2"), null, 10));
        adapter.recorded(frame("ses_other"));

        assertThat(counters.framesRecorded).hasValue(1);
        assertThat(counters.eventsRecorded).hasValue(2);
        assertThat(seen.recorded).hasSize(3);
    }

    @Test
    void waitingUploadsAreReportedOnceUntilTheyResume() {
        IOException down = new IOException("connection refused");
        adapter.uploadWaiting("ses_known", down, Duration.ofSeconds(1));
        adapter.uploadWaiting("ses_known", down, Duration.ofSeconds(2));
        assertThat(counters.uploadWaiting).isTrue();

        adapter.uploadResumed("ses_known");
        adapter.uploadWaiting("ses_known", down, Duration.ofSeconds(1));

        assertThat(warnings())
                .containsExactly(
                        RecorderWarning.Kind.UPLOAD_WAITING,
                        RecorderWarning.Kind.UPLOAD_RESUMED,
                        RecorderWarning.Kind.UPLOAD_WAITING);
    }

    @Test
    void skippedFramesAreReportedOnceUntilAFrameIsRecordedAgain() {
        adapter.frameSkipped("ses_known", 100, 100);
        adapter.frameSkipped("ses_known", 100, 100);
        assertThat(counters.framesSkipped).hasValue(2);

        adapter.recorded(frame("ses_known"));
        adapter.frameSkipped("ses_known", 100, 100);

        assertThat(warnings())
                .containsExactly(
                        RecorderWarning.Kind.SPOOL_FULL_FRAMES_SKIPPED, RecorderWarning.Kind.SPOOL_FULL_FRAMES_SKIPPED);
    }

    @Test
    void aDrainedRecoveredSessionIsStoppedButARecordingOneIsNot() {
        adapter.drained("ses_known", true);
        assertThat(counters.state).isEqualTo(RecordingState.RECORDING);

        counters.state = RecordingState.RECOVERED;
        adapter.drained("ses_known", true);

        assertThat(counters.state).isEqualTo(RecordingState.STOPPED);
        assertThat(seen.states).containsExactly(RecordingState.STOPPED);
        assertThat(seen.drained).contains("ses_known");
    }

    @Test
    void theNearlyFullWarningSaysHowMuchIsUsed() {
        adapter.nearlyFull(1_677_721_600L, 2_147_483_648L);
        assertThat(seen.warnings)
                .singleElement()
                .satisfies(w -> assertThat(w.message())
                        .isEqualTo("The upload spool holds 1600.0 MiB of its 2048.0 MiB limit (80%)."));
    }
}
