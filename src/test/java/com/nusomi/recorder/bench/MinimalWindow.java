package com.nusomi.recorder.bench;

import com.nusomi.recorder.app.support.ProcessAge;
import com.nusomi.recorder.ui.common.FirstPaint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/**
 * The cold-start baseline: the smallest JavaFX window, reporting like the app's startup probe (milliseconds since
 * the process started, as {@link ProcessAge} tells them, and resident KiB) into {@code -Drecorder.readyFile} once
 * shown, then quitting. With {@code -Drecorder.paintedFile} as well, it also writes the milliseconds since the
 * process started once its first frame is painted ({@link FirstPaint}, the app's own hook), and quits after that. {@code ProcessAge} comes from the app's jar, which is on its class path for JavaFX anyway.
 */
public final class MinimalWindow extends Application {

    /** Not an Application itself, so the launcher runs it with JavaFX on the class path (as the app's jar does). */
    public static final class Main {
        public static void main(String[] args) {
            Application.launch(MinimalWindow.class, args);
        }
    }

    @Override
    public void start(Stage stage) {
        stage.setScene(new Scene(new Label("Hello"), 1200, 780));
        String painted = System.getProperty("recorder.paintedFile");
        stage.setOnShown(e -> {
            write(System.getProperty("recorder.readyFile"), ProcessAge.millis() + " " + rss());
            if (painted == null) {
                Platform.runLater(Platform::exit);
            }
        });
        stage.show();
        if (painted != null) {
            FirstPaint.whenPainted(stage::isShowing, () -> {
                write(painted, Long.toString(ProcessAge.millis()));
                Platform.exit();
            });
        }
    }

    private static void write(String file, String text) {
        try {
            Files.writeString(Path.of(file), text, StandardCharsets.UTF_8);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** VmRSS of this process in KiB (Linux), -1 when unknown. */
    static long rss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            // no figure
        }
        return -1;
    }
}
