package com.nusomi.recorder.boot;

import com.nusomi.recorder.app.support.ProcessAge;
import com.nusomi.recorder.app.support.StartupTrace;
import com.nusomi.recorder.ui.common.FirstPaint;
import com.nusomi.recorder.ui.common.Verdict;
import com.nusomi.recorder.ui.record.RecordState;
import com.nusomi.recorder.ui.record.RecordViewModel;
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
import javafx.scene.Node;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * For the start-up benchmarks and the installer's smoke test, inert without its properties. With
 * {@code -Drecorder.paintedFile=FILE}, once the first frame of the main window has been painted with the Record
 * screen showing and its workflow field holding the focus (the user can type), writes the milliseconds since the
 * process started into FILE ({@link FirstPaint}, the same hook as the benchmarks' baseline window). With
 * {@code -Drecorder.readyFile=FILE}, once the main window is shown and Create would go to the server at once (the
 * Record screen's view model is connected: the API answered its health call), writes the milliseconds since the
 * process started and the resident memory in KiB into FILE; with {@code -Drecorder.exitWhenReady=true} the app then
 * quits (after the painted figure too, when asked for). With {@code -Drecorder.recordSeconds=N} as well, it then
 * (after {@code -Drecorder.recordDelaySeconds}, default 0) records one session through the Record screen's view
 * model (create and start, N seconds of real capture, stop, the spool drained) and appends the resident memory when
 * the first frame is recorded, then the resident memory after the session and the number of frames recorded, before
 * quitting.
 */
final class StartupProbe {
    private final Path file;
    private final boolean exit;
    private final int recordSeconds;
    private final RecordViewModel record;
    private final AtomicBoolean shown = new AtomicBoolean();
    private final AtomicBoolean online = new AtomicBoolean();
    private final AtomicBoolean written = new AtomicBoolean();
    private final AtomicBoolean painted = new AtomicBoolean(true);

    private StartupProbe(Path file, boolean exit, int recordSeconds, RecordViewModel record) {
        this.file = file;
        this.exit = exit;
        this.recordSeconds = recordSeconds;
        this.record = record;
    }

    /** On the FX thread, straight after the window was shown (its workflow field asked for the focus). */
    static void attachIfAsked(Stage stage, RecordViewModel record) {
        String file = System.getProperty("recorder.readyFile");
        String paintedFile = System.getProperty("recorder.paintedFile");
        if (file == null || file.isBlank()) {
            if (paintedFile != null && !paintedFile.isBlank()) {
                whenPainted(stage, Path.of(paintedFile), () -> {});
            }
            return;
        }
        StartupProbe probe = new StartupProbe(
                Path.of(file),
                Boolean.getBoolean("recorder.exitWhenReady"),
                Integer.getInteger("recorder.recordSeconds", 0),
                record);
        if (paintedFile != null && !paintedFile.isBlank()) {
            probe.painted.set(false);
            whenPainted(stage, Path.of(paintedFile), () -> {
                probe.painted.set(true);
                probe.maybeExit();
            });
        }
        if (stage.isShowing()) {
            probe.shown.set(true);
        } else {
            stage.setOnShown(e -> {
                probe.shown.set(true);
                probe.maybeReady();
            });
        }
        if (record.connectedProperty().get()) {
            probe.online.set(true);
        } else {
            record.connectedProperty().addListener((o, was, is) -> {
                if (is) {
                    probe.online.set(true);
                    probe.maybeReady();
                }
            });
        }
        probe.maybeReady();
    }

    /** A text field, or an editable combo box (the workflow field: it keeps the focus for its editor). */
    private static boolean takesTyping(Node focused) {
        return focused instanceof TextInputControl || (focused instanceof ComboBoxBase<?> box && box.isEditable());
    }

    /** Writes the ms since the process started into {@code file} once the first frame is painted. */
    private static void whenPainted(Stage stage, Path file, Runnable then) {
        FirstPaint.whenPainted(
                () -> stage.isShowing()
                        && stage.getScene() != null
                        && takesTyping(stage.getScene().getFocusOwner()),
                () -> {
                    long millis = ProcessAge.millis();
                    StartupTrace.mark("first frame painted");
                    write(file, Long.toString(millis));
                    then.run();
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
        } else {
            maybeExit();
        }
    }

    /** With exitWhenReady and no recording: quits once both figures asked for are written. */
    private void maybeExit() {
        if (exit && recordSeconds <= 0 && written.get() && painted.get()) {
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
        write(file, text, options);
    }

    private static void write(Path file, String text, OpenOption... options) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8, options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
