package com.nusomi.recorder.cli;

import com.nusomi.recorder.client.SessionsClient;
import com.nusomi.recorder.client.exception.ApiException;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code sessions …}: the admin command line. Data goes to stdout (a table, or JSON with {@code --json}); progress
 * and errors to stderr. Exit codes: 0 success, 1 an API error (message and request id on stderr), 2 usage, 3 a run
 * bundle that does not match its manifest ({@code verify}).
 */
@Command(
        name = "sessions",
        mixinStandardHelpOptions = true,
        description = "List, inspect, stop, tag, delete, restore, export, verify and redact sessions.",
        subcommands = {
            SessionsList.class,
            SessionsGet.class,
            SessionsStop.class,
            SessionsBatchStop.class,
            SessionsTag.class,
            SessionsDelete.class,
            SessionsRestore.class,
            SessionsExport.class,
            SessionsVerify.class,
            SessionsRedact.class
        })
final class SessionsCommand implements Runnable {
    static final int API_ERROR = 1;

    @Mixin
    Connection connection;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * Gives every subcommand but {@code tag} the data folder option, {@code --data DIR}, as every other command has
     * it. It cannot be inherited the picocli way: {@code tag}'s own {@code --data} is the tag's JSON, so there the
     * folder goes before the subcommand ({@code sessions --data DIR tag …}).
     */
    static void addDataOption(CommandLine sessions) {
        Connection connection = ((SessionsCommand) sessions.getCommand()).connection;
        for (CommandLine sub : sessions.getSubcommands().values()) {
            CommandLine.Model.CommandSpec spec = sub.getCommandSpec();
            if (spec.findOption("--data") != null) {
                continue;
            }
            spec.addOption(CommandLine.Model.OptionSpec.builder("--data")
                    .paramLabel("DIR")
                    .type(Path.class)
                    .description(Connection.DATA_DESCRIPTION)
                    .initialValue(null)
                    .getter(new CommandLine.Model.IGetter() {
                        @Override
                        @SuppressWarnings({"unchecked", "TypeParameterUnusedInFormals"}) // picocli's signature
                        public <T> T get() {
                            return (T) connection.subcommandData;
                        }
                    })
                    .setter(new CommandLine.Model.ISetter() {
                        @Override
                        @SuppressWarnings("unchecked")
                        public <T> T set(T value) {
                            T old = (T) connection.subcommandData;
                            connection.subcommandData = (Path) value;
                            return old;
                        }
                    })
                    .build());
        }
    }

    SessionsClient client() {
        return connection.client();
    }

    /** Maps a failed API call to exit code 1 with its readable message (which names the request id). */
    static int handle(Exception e, CommandLine cmd, CommandLine.ParseResult parseResult) throws Exception {
        Throwable cause = e;
        while (cause != null && !(cause instanceof ApiException)) {
            cause = cause.getCause();
        }
        if (cause == null) {
            throw e;
        }
        PrintWriter err = cmd.getErr();
        err.println("error: " + cause.getMessage());
        err.flush();
        return API_ERROR;
    }
}
