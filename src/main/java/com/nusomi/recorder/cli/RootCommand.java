package com.nusomi.recorder.cli;

import com.nusomi.recorder.server.ServerConfig;
import java.nio.file.Path;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code session-recorder [--data DIR] [COMMAND]}: with no command it opens the GUI (when one is given), else prints
 * its usage. The subcommands are added in code, not in the annotation, so that {@code serve} can start with a model of
 * itself alone ({@link #serveCommandLine}): picocli builds the model of every command and option by reflection before
 * it parses, and the model of {@code sessions} (a dozen subcommands whose fields reach the client and Jackson) cost
 * about a third of {@code serve}'s time to its first answer.
 */
@Command(
        name = "session-recorder",
        mixinStandardHelpOptions = true,
        versionProvider = RootCommand.Version.class,
        description = "Records runs of business workflows against the Sessions API.")
public final class RootCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(
            names = "--data",
            paramLabel = "DIR",
            description =
                    "data folder of the GUI (default: $SESSION_RECORDER_DATA, else the per-OS application data folder)")
    Path data;

    private final Consumer<String[]> gui;

    RootCommand(Consumer<String[]> gui) {
        this.gui = gui;
    }

    /** The command line without a GUI: no subcommand prints the usage. */
    public static CommandLine commandLine() {
        return commandLine(null);
    }

    /** The command line whose bare form calls {@code gui} with the GUI's arguments (blocking until it closes). */
    public static CommandLine commandLine(Consumer<String[]> gui) {
        CommandLine cmd = root(gui)
                .addSubcommand(new ServeCommand())
                .addSubcommand(new KeysCommand())
                .addSubcommand(new SessionsCommand())
                .addSubcommand(new PrivacyCheckCommand());
        SessionsCommand.addDataOption(cmd.getSubcommands().get("sessions"));
        return cmd;
    }

    /**
     * The command line of {@code session-recorder serve ...}: the root and {@code serve} alone. It parses, runs and
     * explains {@code serve} as {@link #commandLine} does (same names in its usage and errors); the other commands
     * are not known to it.
     */
    public static CommandLine serveCommandLine() {
        return root(null).addSubcommand(new ServeCommand());
    }

    private static CommandLine root(Consumer<String[]> gui) {
        return new CommandLine(new RootCommand(gui))
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(SessionsCommand::handle);
    }

    @Override
    public void run() {
        if (gui == null) {
            spec.commandLine().usage(System.out);
            return;
        }
        gui.accept(
                data == null
                        ? new String[0]
                        : new String[] {"--data", data.toAbsolutePath().toString()});
    }

    /** The version of the jar. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"session-recorder " + ServerConfig.defaultVersion()};
        }
    }
}
