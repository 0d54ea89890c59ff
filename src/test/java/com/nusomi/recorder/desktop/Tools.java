package com.nusomi.recorder.desktop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the X tools the display tests use as independent witnesses (xdotool, xprop, xwininfo). */
public final class Tools {
    private Tools() {}

    /** Runs a tool on the test's display and gives its output; fails when it does not exit 0 within 10 s. */
    public static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not finish");
        }
        String text = new String(out, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " exited " + p.exitValue() + ": " + text);
        }
        return text;
    }

    /** {@code xdotool} with these arguments. */
    public static String xdotool(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add("xdotool");
        cmd.addAll(List.of(args));
        return run(cmd.toArray(String[]::new));
    }
}
