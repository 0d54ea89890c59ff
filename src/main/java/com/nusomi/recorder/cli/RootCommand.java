package com.nusomi.recorder.cli;

import com.nusomi.recorder.server.ServerConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code session-recorder [COMMAND]}: with no command it prints its usage until the GUI becomes the default. */
@Command(name = "session-recorder", mixinStandardHelpOptions = true, versionProvider = RootCommand.Version.class,
        description = "Records runs of business workflows against the Sessions API.",
        subcommands = {ServeCommand.class, KeysCommand.class, SessionsCommand.class})
public final class RootCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static CommandLine commandLine() {
        return new CommandLine(new RootCommand()).setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(SessionsCommand::handle);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** The version of the jar. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"session-recorder " + ServerConfig.defaultVersion()};
        }
    }
}
