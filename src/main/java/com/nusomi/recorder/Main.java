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
        int code = commandLine().execute(args);
        if (code != 0 || args.length == 0 || !"serve".equals(args[0])) {
            System.exit(code);
        }
    }

    static CommandLine commandLine() {
        return RootCommand.commandLine(GuiLauncher::launch);
    }
}
