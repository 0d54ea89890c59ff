package com.nusomi.recorder.desktop;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * An Xvfb of a test's or benchmark's own, beside the display tests' desktop ({@link XDesktop}): no window manager,
 * on a display number nobody uses.
 */
public final class BareXvfb {
    private BareXvfb() {}

    /** The first display number from {@code from} with neither a socket nor a lock file. */
    public static String freeDisplay(int from) {
        for (int n = from; n < from + 100; n++) {
            if (!Files.exists(Path.of("/tmp/.X11-unix/X" + n)) && !Files.exists(Path.of("/tmp/.X" + n + "-lock"))) {
                return ":" + n;
            }
        }
        throw new IllegalStateException("no free X display number from :" + from);
    }

    /** Starts Xvfb on {@code display} with one screen of {@code screen} (such as {@code 1600x1000x24}); returns once it takes connections. */
    public static Process start(String display, String screen, String... options) throws IOException {
        List<String> command = new ArrayList<>(List.of("Xvfb", display, "-screen", "0", screen, "-nolisten", "tcp"));
        command.addAll(List.of(options));
        Process xvfb = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        Path socket = Path.of("/tmp/.X11-unix/X" + display.substring(1));
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(socket));
        } catch (RuntimeException e) {
            xvfb.destroy();
            throw e;
        }
        return xvfb;
    }
}
