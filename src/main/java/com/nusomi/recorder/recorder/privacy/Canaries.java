package com.nusomi.recorder.recorder.privacy;

import java.awt.Color;
import java.awt.EventQueue;
import java.awt.Frame;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Opens the privacy check's canary windows: the recorder's own one in this process (it must be masked because it
 * is ours), and the others (privacy matches, the front window) in a process of their own, {@link CanaryWindows},
 * so that they are not ours. Closing this closes them all.
 */
final class Canaries implements AutoCloseable {
    private final List<Frame> own = new ArrayList<>();
    private Process foreign;

    /** Shows a window of this process, filled with the canary's colour. */
    void openOwn(Canary c) throws IOException {
        try {
            EventQueue.invokeAndWait(() -> {
                Frame f = new Frame(c.title());
                f.setBackground(new Color(c.rgb()));
                f.setBounds(c.bounds());
                f.setVisible(true);
                own.add(f);
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (InvocationTargetException e) {
            throw new IOException("cannot open a window: " + e.getCause(), e.getCause());
        }
    }

    /** Starts a Java process of its own that shows these windows, in this order. */
    void openForeign(List<Canary> canaries) throws IOException {
        boolean windows =
                System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win");
        Path java = Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java");
        if (!Files.isExecutable(java)) {
            throw new IOException("no java program at " + java + " to show the canary windows");
        }
        List<String> command = new ArrayList<>(List.of(
                java.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "-Djava.awt.headless=false",
                "-Xshare:auto",
                "-XX:TieredStopAtLevel=1",
                CanaryWindows.class.getName()));
        for (Canary c : canaries) {
            command.add(c.spec());
        }
        foreign = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    /** True while the foreign canaries' process runs (or was never started). */
    boolean foreignAlive() {
        return foreign == null || foreign.isAlive();
    }

    @Override
    public void close() {
        if (foreign != null) {
            try {
                foreign.getOutputStream().close();
                if (!foreign.waitFor(5, TimeUnit.SECONDS)) {
                    foreign.destroyForcibly();
                }
            } catch (IOException e) {
                foreign.destroyForcibly();
            } catch (InterruptedException e) {
                foreign.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        try {
            EventQueue.invokeAndWait(() -> own.forEach(Frame::dispose));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (InvocationTargetException ignored) {
            // nothing left to close
        }
    }
}
