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
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.eclipse.jetty.server.Server;

/**
 * The baseline of the app's "ready" (start-up benchmark): the {@link MinimalWindow}'s window, and in the same JVM a
 * {@link BareJetty} server started in the background at launch (as the app starts its embedded server in
 * {@code init}, in parallel with the window) and asked its one route once through OkHttp (the HTTP client the app
 * uses). Once the window is shown and the answer has come back to the JavaFX thread (where the app's Create learns
 * it), writes the milliseconds since the process started and the resident KiB into {@code -Drecorder.readyFile},
 * then quits.
 */
public final class WindowAndJetty extends Application {
    private boolean shown;
    private boolean answered;
    private volatile Server server;

    /** Not an Application itself, so the launcher runs it with JavaFX on the class path. */
    public static final class Main {
        public static void main(String[] args) {
            Application.launch(WindowAndJetty.class, args);
        }
    }

    @Override
    public void init() {
        Thread t = new Thread(this::startServerAndAsk, "bare-jetty-start");
        t.setDaemon(true);
        t.start();
    }

    private void startServerAndAsk() {
        try {
            server = BareJetty.start(0);
            OkHttpClient client = new OkHttpClient();
            Request health = new Request.Builder()
                    .url("http://127.0.0.1:" + BareJetty.port(server) + "/v1/health")
                    .build();
            try (Response r = client.newCall(health).execute()) {
                if (r.code() != 200 || r.body().string().isEmpty()) {
                    throw new IllegalStateException("the bare server answered " + r.code());
                }
            }
            Platform.runLater(() -> {
                answered = true;
                maybeReady();
            });
        } catch (Exception e) {
            System.err.println("the bare server did not answer: " + e);
            Platform.exit();
        }
    }

    @Override
    public void start(Stage stage) {
        stage.setScene(new Scene(new Label("Hello"), 1200, 780));
        stage.setOnShown(e -> {
            shown = true;
            maybeReady();
        });
        stage.show();
    }

    private void maybeReady() {
        if (!shown || !answered) {
            return;
        }
        long millis = ProcessAge.millis();
        try {
            Files.writeString(
                    Path.of(System.getProperty("recorder.readyFile")),
                    millis + " " + MinimalWindow.rss(),
                    StandardCharsets.UTF_8);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        Platform.runLater(Platform::exit);
    }

    @Override
    public void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
    }
}
