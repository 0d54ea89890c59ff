package com.nusomi.recorder;

import com.nusomi.recorder.app.support.StartupTrace;
import com.nusomi.recorder.boot.GuiLauncher;
import com.nusomi.recorder.cli.RootCommand;
import picocli.CommandLine;

/**
 * The one entry point of the jar: the GUI (no subcommand), {@code serve}, {@code keys}. Not a JavaFX
 * {@code Application}, so the jar runs with JavaFX on the class path.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        StartupTrace.hold("main"); // logged with the next mark, once the GUI has pointed the log at its file
        if (System.getProperty("org.slf4j.simpleLogger.log.org.eclipse.jetty") == null) {
            // Jetty's own start-up lines (version, connector) add nothing to the server's "listening on" line.
            System.setProperty("org.slf4j.simpleLogger.log.org.eclipse.jetty", "warn");
        }
        if (opensTheGui(args)) {
            // The common case, straight to the window: building the command line's model (every subcommand
            // and option, by reflection) costs about a second of cold start.
            GuiLauncher.launch(args);
            System.exit(0);
        }
        if (args.length > 0
                && (args[0].equals("sessions") || args[0].equals("keys"))
                && System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            // Commands for scripts: stdout carries data only, stderr only what needs reading.
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        int code = commandLine(args).execute(args);
        if (code != 0 || args.length == 0 || !"serve".equals(args[0])) {
            System.exit(code);
        }
    }

    /** No arguments, or only {@code --data DIR} / {@code --data=DIR}: what the GUI takes. */
    static boolean opensTheGui(String[] args) {
        return args.length == 0
                || (args.length == 2 && args[0].equals("--data") && !args[1].startsWith("-"))
                || (args.length == 1 && args[0].startsWith("--data="));
    }

    /**
     * The command line for these arguments: for {@code serve ...} the root and {@code serve} alone (the model of
     * every other command is not built: {@code serve} starts sooner), else the whole one.
     */
    static CommandLine commandLine(String[] args) {
        return args.length > 0 && args[0].equals("serve")
                ? RootCommand.serveCommandLine()
                : RootCommand.commandLine(GuiLauncher::launch);
    }
}
