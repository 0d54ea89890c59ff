package com.nusomi.recorder.boot;

import com.nusomi.recorder.app.connection.ConnectionService;
import com.nusomi.recorder.app.connection.ConnectionState;
import com.nusomi.recorder.app.support.ProcessAge;
import com.nusomi.recorder.app.support.StartupTrace;
import com.nusomi.recorder.ui.record.RecordState;
import com.nusomi.recorder.ui.record.RecordViewModel;
import com.nusomi.recorder.ui.record.Verdict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * For the cold-start benchmark and the installer's smoke test: with {@code -Drecorder.readyFile=FILE}, once the
 * main window is shown and the API answers, writes the milliseconds since the process started and the resident
 * memory in KiB into FILE; with {@code -Drecorder.exitWhenReady=true} the app then quits. With
 * {@code -Drecorder.recordSeconds=N} as well, it then (after {@code -Drecorder.recordDelaySeconds}, default 0)
 * records one session through the Record screen's view model (create and start, N seconds of real capture, stop,
 * the spool drained) and appends the resident memory when the first frame is recorded, then the resident memory
 * after the session and the number of frames recorded, before quitting. Inert without those properties.
 */
final class StartupProbe {
    private final Path file;
    private final boolean exit;
    private final int recordSeconds;
    private final RecordViewModel record;
    private final AtomicBoolean shown = new AtomicBoolean();
    private final AtomicBoolean online = new AtomicBoolean();
    private final AtomicBoolean written = new AtomicBoolean();

    private StartupProbe(Path file, boolean exit, int recordSeconds, RecordViewModel record) {
        this.file = file;
        this.exit = exit;
        this.recordSeconds = recordSeconds;
        this.record = record;
    }

    static void attachIfAsked(Stage stage, ConnectionService connection, RecordViewModel record) {
        String file = System.getProperty("recorder.readyFile");
        if (file == null || file.isBlank()) {
            return;
        }
        StartupProbe probe = new StartupProbe(
                Path.of(file),
                Boolean.getBoolean("recorder.exitWhenReady"),
                Integer.getInteger("recorder.recordSeconds", 0),
                record);
        if (stage.isShowing()) {
            probe.shown.set(true);
        } else {
            stage.setOnShown(e -> {
                probe.shown.set(true);
                probe.maybeReady();
            });
        }
        connection.addListener(state -> {
            if (state.phase() == ConnectionState.Phase.ONLINE) {
                probe.online.set(true);
                probe.maybeReady();
            }
        });
    }

    /** VmRSS from /proc on Linux; -1 elsewhere. */
    static long residentKilobytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: no figure
        }
        return -1;
    }

    private void maybeReady() {
        if (!shown.get() || !online.get() || !written.compareAndSet(false, true)) {
            return;
        }
        StartupTrace.mark("ready");
        StartupTrace.threadTimes();
        write(ProcessAge.millis() + " " + residentKilobytes());
        if (recordSeconds > 0) {
            // An operator fills in the form before starting: -Drecorder.recordDelaySeconds=N waits as long.
            PauseTransition idle =
                    new PauseTransition(Duration.seconds(Integer.getInteger("recorder.recordDelaySeconds", 0)));
            idle.setOnFinished(e -> recordOneSession());
            Platform.runLater(idle::play);
        } else if (exit) {
            Platform.runLater(Platform::exit);
        }
    }

    /** On the FX thread: one session through the Record screen, then the memory after it. */
    private void recordOneSession() {
        record.form().workflowProperty().set("benchmark_session");
        record.form().startImmediatelyProperty().set(true);
        ChangeListener<RecordState> follow = new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends RecordState> o, RecordState a, RecordState b) {
                if (b == RecordState.RECORDING) {
                    appendFirstFrameMemory();
                    PauseTransition wait = new PauseTransition(Duration.seconds(recordSeconds));
                    wait.setOnFinished(e -> record.onStop(Verdict.SERVER_DECIDES));
                    wait.play();
                } else if (b == RecordState.STOPPED) {
                    record.current().stateProperty().removeListener(this);
                    append(" " + residentKilobytes() + " "
                            + record.current().framesProperty().get());
                    if (exit) {
                        Platform.exit();
                    }
                }
            }
        };
        record.current().stateProperty().addListener(follow);
        record.onCreate();
    }

    /** Once the first frame is recorded: its resident memory, the start of a long recording's measure. */
    private void appendFirstFrameMemory() {
        ChangeListener<Number> first = new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Number> o, Number a, Number b) {
                if (b.longValue() >= 1) {
                    record.current().framesProperty().removeListener(this);
                    append(" " + residentKilobytes());
                }
            }
        };
        record.current().framesProperty().addListener(first);
    }

    private void append(String text) {
        write(text, StandardOpenOption.APPEND);
    }

    private void write(String text, OpenOption... options) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8, options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
