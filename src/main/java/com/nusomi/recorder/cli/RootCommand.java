package com.nusomi.recorder.cli;

import com.nusomi.recorder.server.ServerConfig;
import java.nio.file.Path;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code session-recorder [--data DIR] [COMMAND]}: with no command it opens the GUI (when one is given), else prints its usage. */
@Command(
        name = "session-recorder",
        mixinStandardHelpOptions = true,
        versionProvider = RootCommand.Version.class,
        description = "Records runs of business workflows against the Sessions API.",
        subcommands = {ServeCommand.class, KeysCommand.class, SessionsCommand.class, PrivacyCheckCommand.class})
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
        CommandLine cmd = new CommandLine(new RootCommand(gui))
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(SessionsCommand::handle);
        SessionsCommand.addDataOption(cmd.getSubcommands().get("sessions"));
        return cmd;
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
