package com.nusomi.recorder.bench;

import com.nusomi.recorder.app.support.ProcessAge;
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
 * shown, then quitting. {@code ProcessAge} comes from the app's jar, which is on its class path for JavaFX anyway.
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
        stage.setOnShown(e -> {
            long millis = ProcessAge.millis();
            try {
                Files.writeString(
                        Path.of(System.getProperty("recorder.readyFile")),
                        millis + " " + rss(),
                        StandardCharsets.UTF_8);
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            Platform.runLater(Platform::exit);
        });
        stage.show();
    }

    private static long rss() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }
}
