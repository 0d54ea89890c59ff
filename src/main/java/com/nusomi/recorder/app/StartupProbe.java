package com.nusomi.recorder.app;

import com.nusomi.recorder.app.connection.ConnectionService;
import com.nusomi.recorder.app.connection.ConnectionState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * For the cold-start benchmark and the installer's smoke test: with {@code -Drecorder.readyFile=FILE}, once the
 * main window is shown and the API answers, writes the milliseconds since the process started and the resident memory in KiB into FILE; with
 * {@code -Drecorder.exitWhenReady=true} the app then quits. Inert without those properties.
 */
final class StartupProbe {
    private final Path file;
    private final boolean exit;
    private final AtomicBoolean shown = new AtomicBoolean();
    private final AtomicBoolean online = new AtomicBoolean();
    private final AtomicBoolean written = new AtomicBoolean();

    private StartupProbe(Path file, boolean exit) {
        this.file = file;
        this.exit = exit;
    }

    static void attachIfAsked(Stage stage, ConnectionService connection) {
        String file = System.getProperty("recorder.readyFile");
        if (file == null || file.isBlank()) {
            return;
        }
        StartupProbe probe = new StartupProbe(Path.of(file), Boolean.getBoolean("recorder.exitWhenReady"));
        if (stage.isShowing()) {
            probe.shown.set(true);
        } else {
            stage.setOnShown(e -> {
                probe.shown.set(true);
                probe.maybeReady();
            });
        }
        connection.addListener(state -> {
            StartupTrace.mark("probe sees " + state.phase());
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
        StartupTrace.mark("READY");
        StartupTrace.threadTimes();
        long millis = ProcessHandle.current().info().startInstant()
                .map(start -> Duration.between(start, Instant.now()).toMillis()).orElse(-1L);
        try {
            Files.writeString(file, millis + " " + residentKilobytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (exit) {
            Platform.runLater(Platform::exit);
        }
    }
}
