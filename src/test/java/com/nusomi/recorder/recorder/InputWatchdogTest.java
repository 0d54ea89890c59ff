package com.nusomi.recorder.recorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.nusomi.recorder.recorder.input.InputListener;
import com.nusomi.recorder.recorder.input.InputSource;
import com.nusomi.recorder.recorder.input.MouseButton;
import com.nusomi.recorder.recorder.input.SyntheticInputSource;
import com.nusomi.recorder.recorder.spool.SessionJournal;
import com.nusomi.recorder.recorder.spool.Spool;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Input lost, restored and unavailable: what the watchdog notices, marks and reports. */
class InputWatchdogTest {
    private static final InputListener NOBODY = new InputListener() {
        @Override
        public void onClick(int x, int y, MouseButton button) {}

        @Override
        public void onKeyPressed(boolean modifierKey, Set<String> modifiers) {}

        @Override
        public void onKeyTyped(char c) {}
    };

    @TempDir
    Path data;

    private final CollectingListener seen = new CollectingListener();
    private final RecordingWorker worker = new RecordingWorker("ses_watch");
    private Spool spool;
    private SessionCounters counters;
    private EventBuffer events;
    private Notifier notifier;

    @BeforeEach
    void open() {
        notifier = new Notifier(seen, r -> {});
        spool = Spool.open(data, Spool.DEFAULT_LIMIT_BYTES, new SpoolAdapter(notifier, id -> null));
        SessionJournal journal = spool.journal("ses_watch");
        counters = new SessionCounters("ses_watch", journal, spool, RecordingState.RECORDING);
        events = new EventBuffer(journal, Clock.systemUTC(), false);
    }

    @AfterEach
    void close() {
        worker.shutdownNow();
        spool.close();
    }

    private InputWatchdog watch(InputSource input) {
        return new InputWatchdog("ses_watch", input, counters, events, notifier, worker);
    }

    @Test
    void inputThatWorksIsAvailableAndNotLost() {
        InputWatchdog w = watch(new SyntheticInputSource());
        w.start(NOBODY);
        w.check();
        assertThat(w.available()).isTrue();
        assertThat(w.lostReason()).isNull();
        assertThat(seen.warnings).isEmpty();
        assertThat(seen.recorded).isEmpty();
    }

    @Test
    void inputImpossibleHereIsUnavailableAndNeverWatched() {
        SyntheticInputSource input = new SyntheticInputSource("no display");
        InputWatchdog w = watch(input);
        w.start(NOBODY);
        w.check();

        assertThat(w.available()).isFalse();
        assertThat(w.unavailableReason()).isEqualTo("no display");
        assertThat(w.lostReason()).isNull();
        assertThat(seen.warnings)
                .extracting(RecorderWarning::kind)
                .containsExactly(RecorderWarning.Kind.INPUT_UNAVAILABLE);
    }

    @Test
    void aRefusedStartThatMayWorkLaterCountsAsLostAndIsMarked() {
        InputWatchdog w = watch(new InputSource() {
            @Override
            public void start(InputListener listener) throws InputUnavailableException {
                throw new InputUnavailableException("the hook was refused", null, true);
            }

            @Override
            public void stop() {}
        });
        w.start(NOBODY);

        assertThat(w.available()).isTrue();
        assertThat(w.lostReason()).isEqualTo("the hook was refused");
        await().atMost(Duration.ofSeconds(10)).until(() -> !seen.warnings.isEmpty());
        assertThat(seen.warnings).extracting(RecorderWarning::kind).containsExactly(RecorderWarning.Kind.INPUT_LOST);
        assertThat(seen.recorded).hasSize(1); // the input_lost marker
    }

    @Test
    void aLossIsNoticedMarkedAndReportedOnce() {
        SyntheticInputSource input = new SyntheticInputSource();
        InputWatchdog w = watch(input);
        w.start(NOBODY);
        input.loseInput("the hook's thread ended");

        w.check();
        w.check();

        assertThat(w.lostReason()).isEqualTo("the hook's thread ended");
        assertThat(seen.warnings).extracting(RecorderWarning::kind).containsExactly(RecorderWarning.Kind.INPUT_LOST);
        assertThat(seen.recorded).hasSize(1);
    }

    @Test
    void aLossWhileStoppingIsNotReported() {
        SyntheticInputSource input = new SyntheticInputSource();
        InputWatchdog w = watch(input);
        w.start(NOBODY);
        input.loseInput("gone");
        counters.state = RecordingState.STOPPING;

        w.check();

        assertThat(w.lostReason()).isNull();
        assertThat(seen.warnings).isEmpty();
    }

    @Test
    void aRestartBringsInputBackAndMarksIt() throws Exception {
        SyntheticInputSource input = new SyntheticInputSource();
        InputWatchdog w = watch(input);
        w.start(NOBODY);
        input.loseInput("gone");
        w.check();

        w.restart();

        assertThat(w.lostReason()).isNull();
        assertThat(input.restarts()).isEqualTo(1);
        assertThat(seen.warnings)
                .extracting(RecorderWarning::kind)
                .containsExactly(RecorderWarning.Kind.INPUT_LOST, RecorderWarning.Kind.INPUT_RESTORED);
        assertThat(seen.recorded).hasSize(2);
    }

    @Test
    void aRefusedRestartLeavesInputLost() {
        SyntheticInputSource input = new SyntheticInputSource();
        InputWatchdog w = watch(input);
        w.start(NOBODY);
        input.loseInput("gone");
        w.check();
        input.refuseRestart("still refused");

        assertThatThrownBy(w::restart)
                .isInstanceOf(InputSource.InputUnavailableException.class)
                .hasMessage("still refused");

        assertThat(w.lostReason()).isEqualTo("gone");
        assertThat(seen.recorded).hasSize(1);
    }

    @Test
    void aRestartWhileInputWorksDoesNothing() throws Exception {
        SyntheticInputSource input = new SyntheticInputSource();
        InputWatchdog w = watch(input);
        w.start(NOBODY);

        w.restart();

        assertThat(input.restarts()).isZero();
        assertThat(seen.warnings).isEmpty();
    }
}
