package com.nusomi.recorder;

import com.nusomi.recorder.app.GuiLauncher;
import com.nusomi.recorder.cli.RootCommand;
import picocli.CommandLine;

/**
 * The one entry point of the jar: the GUI (no subcommand), {@code serve}, {@code keys}. Not a JavaFX
 * {@code Application}, so the jar runs with JavaFX on the class path.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && (args[0].equals("sessions") || args[0].equals("keys"))
                && System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            // Commands for scripts: stdout carries data only, stderr only what needs reading.
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        int code = commandLine().execute(args);
        if (code != 0 || args.length == 0 || !"serve".equals(args[0])) {
            System.exit(code);
        }
    }

    static CommandLine commandLine() {
        return RootCommand.commandLine(GuiLauncher::launch);
    }
}
