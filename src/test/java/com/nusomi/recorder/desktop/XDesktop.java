package com.nusomi.recorder.desktop;

import com.nusomi.recorder.Requirements;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real X desktop for the display tests: the Xvfb named by {@code DISPLAY} (the pom's display-tests execution sets
 * it), started here with the Openbox window manager on it unless one answers there already. Started once per test
 * JVM and stopped when it exits. Under {@code CI=true} a missing Xvfb or Openbox fails the tests (they must run
 * there); elsewhere they are skipped with the reason.
 */
public final class XDesktop implements BeforeAllCallback {
    private static final List<Process> STARTED = new ArrayList<>();
    private static String problem;
    private static boolean ready;

    @Override
    public void beforeAll(ExtensionContext context) {
        String why = ensure();
        if (why != null) {
            Requirements.missing("the display tests", why);
        }
    }

    /** Null once the desktop is up, else why it cannot be. */
    static synchronized String ensure() {
        if (ready || problem != null) {
            return problem;
        }
        String display = System.getenv("DISPLAY");
        if (display == null || !display.matches(":[0-9]+")) {
            problem = "DISPLAY is not set to a local display (run them through mvn verify)";
            return problem;
        }
        if (Boolean.getBoolean("java.awt.headless")) {
            problem = "AWT is headless in this JVM";
            return problem;
        }
        try {
            if (!serverAnswers()) {
                if (!onPath("Xvfb")) {
                    problem = "Xvfb is not installed (apt-get install xvfb)";
                    return problem;
                }
                // a server that died without cleaning up leaves its socket and lock behind, and Xvfb refuses them
                Files.deleteIfExists(socket(display).toPath());
                Files.deleteIfExists(Path.of("/tmp/.X" + display.substring(1) + "-lock"));
                String size = System.getProperty("recorder.display.size", "1600x1000x24");
                start(List.of("Xvfb", display, "-screen", "0", size, "-nolisten", "tcp", "-ac"));
                waitFor(XDesktop::serverAnswers, "Xvfb to answer on " + display);
            }
            if (!windowManagerRuns()) {
                if (!onPath("openbox")) {
                    problem = "openbox is not installed (apt-get install openbox)";
                    return problem;
                }
                start(List.of("openbox", "--sm-disable"));
                waitFor(XDesktop::windowManagerRuns, "Openbox to manage " + display);
            }
            for (String tool : List.of("xterm", "xdotool", "xprop", "xwininfo", "xsetroot")) {
                if (!onPath(tool)) {
                    problem = tool + " is not installed";
                    return problem;
                }
            }
            // a flat grey desktop: Xvfb's default weave is noise to JPEG, and black would pass for a mask
            Tools.run("xsetroot", "-solid", "#808080");
            ready = true;
            return null;
        } catch (IOException | InterruptedException e) {
            problem = "cannot start the desktop: " + e;
            return problem;
        }
    }

    private static File socket(String display) {
        return new File("/tmp/.X11-unix/X" + display.substring(1));
    }

    /** An X server answers on the display. */
    private static boolean serverAnswers() {
        try {
            Tools.run("xprop", "-root", "_NET_SUPPORTING_WM_CHECK");
            return true;
        } catch (IOException | InterruptedException noServer) {
            return false;
        }
    }

    /** An EWMH window manager has set {@code _NET_SUPPORTING_WM_CHECK} on the root. */
    private static boolean windowManagerRuns() throws IOException, InterruptedException {
        return Tools.run("xprop", "-root", "_NET_SUPPORTING_WM_CHECK").contains("window id");
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator, -1)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Starts a program that outlives nothing: a shell runs it and waits for its standard input, a pipe from this
     * JVM, to close, which happens when the JVM exits; then it ends the program. Ending it from inside the JVM (a
     * shutdown hook) would break AWT's live connection to the X server, and Xlib then exits the JVM with status 1.
     */
    private static void start(List<String> command) throws IOException {
        List<String> wrapped =
                new ArrayList<>(List.of("sh", "-c", "\"$@\" & child=$!; cat >/dev/null; kill $child", "sh"));
        wrapped.addAll(command);
        Process p = new ProcessBuilder(wrapped)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        STARTED.add(p);
    }

    interface Check {
        boolean ok() throws IOException, InterruptedException;
    }

    private static void waitFor(Check check, String what) throws IOException {
        try {
            Awaitility.await(what)
                    .atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(50))
                    .until(check::ok);
        } catch (ConditionTimeoutException e) {
            throw new IOException("timed out waiting for " + what, e);
        }
    }
}
