package com.nusomi.recorder.recorder.capture;

import java.awt.Rectangle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A {@link WindowLocator} for X11 through the {@code xdotool} command (a process per question, some milliseconds
 * each). The title pattern is handed to {@code xdotool search --name}, which reads it as a POSIX extended regular
 * expression: plain words and simple patterns mean the same in Java and there. {@link #isAvailable()} tells whether
 * {@code xdotool} runs here; every failure answers "nothing found" / null.
 */
public final class XdotoolWindowLocator implements WindowLocator {
    private static final long TIMEOUT_MS = 2000;

    /** True when {@code xdotool} can be run (and there is a DISPLAY). */
    public static boolean isAvailable() {
        String display = System.getenv("DISPLAY");
        if (display == null || display.isBlank()) {
            return false;
        }
        return run(List.of("xdotool", "version")) != null;
    }

    @Override
    public List<Rectangle> windowsMatching(Pattern titlePattern) {
        String ids = run(List.of("xdotool", "search", "--onlyvisible", "--name", titlePattern.pattern()));
        List<Rectangle> out = new ArrayList<>();
        if (ids == null) {
            return out;
        }
        for (String id : ids.split("\\s+")) {
            if (!id.matches("[0-9]+")) {
                continue;
            }
            String geometry = run(List.of("xdotool", "getwindowgeometry", "--shell", id));
            if (geometry == null) {
                continue;
            }
            Map<String, Integer> v = new HashMap<>();
            for (String line : geometry.split("\n")) {
                String[] kv = line.trim().split("=", 2);
                if (kv.length == 2 && kv[1].matches("-?[0-9]+")) {
                    v.put(kv[0], Integer.parseInt(kv[1]));
                }
            }
            if (v.containsKey("X") && v.containsKey("Y") && v.containsKey("WIDTH") && v.containsKey("HEIGHT")) {
                out.add(new Rectangle(v.get("X"), v.get("Y"), v.get("WIDTH"), v.get("HEIGHT")));
            }
        }
        return out;
    }

    @Override
    public String activeWindowTitle() {
        String title = run(List.of("xdotool", "getactivewindow", "getwindowname"));
        return title == null ? null : title.strip();
    }

    /** The command's standard output, or null if it failed, timed out or could not be started. */
    private static String run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                return null;
            }
            return p.exitValue() == 0 ? new String(out, StandardCharsets.UTF_8) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
