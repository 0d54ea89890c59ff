package com.nusomi.recorder.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.nusomi.recorder.app.support.StartupTrace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The GUI's log goes to the data folder's file from the first line on, the start-up trace's mark of {@code main()}
 * included: in a fresh JVM (slf4j-simple reads its configuration once, at the first logger, so this cannot be seen
 * in the test's own JVM), the steps {@code Main} takes before JavaFX starts.
 */
class GuiLauncherLogTest {
    @TempDir
    Path data;

    /** What {@code Main.main} and {@link GuiLauncher#launch} do before {@code Application.launch}, then two lines. */
    public static final class BeforeLaunch {
        public static void main(String[] args) {
            StartupTrace.hold("main");
            GuiLauncher.installLog(args);
            StartupTrace.mark("log installed");
            LoggerFactory.getLogger(BeforeLaunch.class).info("a line of the run");
        }
    }

    /** A JVM of this test's classpath running {@code main} with the trace on and the data folder, output to a file. */
    private ProcessBuilder child(Class<?> main, Path output) {
        return new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Drecorder.startupTrace=true",
                        "-cp",
                        System.getProperty("java.class.path"),
                        main.getName(),
                        "--data",
                        data.resolve("folder").toString()))
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
    }

    @Test
    void theTraceAndTheRunsLinesGoToTheLogFile() throws Exception {
        Path stderr = data.resolve("stderr.txt");
        Process p = child(BeforeLaunch.class, stderr).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(stderr)).isZero();

        String log = Files.readString(data.resolve("folder/logs/session-recorder.log"), StandardCharsets.UTF_8);
        assertThat(log).contains("[main] main", "[main] log installed", "a line of the run");
        assertThat(log.indexOf("[main] main")).isLessThan(log.indexOf("[main] log installed"));
        assertThat(Files.readString(stderr)).doesNotContain("a line of the run", "log installed");
    }

    /** What {@code Main.main} does for the GUI: the log, then {@link GuiLauncher#launch}. */
    public static final class Launch {
        public static void main(String[] args) {
            StartupTrace.hold("main");
            GuiLauncher.launch(args);
        }
    }

    @Test
    void aGuiThatCannotStartStopsTheServerStartedForIt() throws Exception {
        Path output = data.resolve("output.txt");
        ProcessBuilder pb = child(Launch.class, output);
        pb.environment().remove("DISPLAY"); // JavaFX fails to start, after the context and its server did
        pb.environment().remove("WAYLAND_DISPLAY");
        Process p = pb.start();
        boolean ended = p.waitFor(60, TimeUnit.SECONDS);
        if (!ended) {
            p.destroyForcibly();
        }
        assertThat(ended)
                .as("the process ended (nothing left running): " + Files.readString(output))
                .isTrue();
        assertThat(p.exitValue()).isNotZero();
        String log = Files.readString(data.resolve("folder/logs/session-recorder.log"), StandardCharsets.UTF_8);
        assertThat(log).contains("[app-prepare] context built");
    }
}
