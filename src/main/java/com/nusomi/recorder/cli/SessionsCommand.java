package com.nusomi.recorder.cli;

import com.nusomi.recorder.client.SessionsClient;
import com.nusomi.recorder.client.exception.ApiException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code sessions …}: the admin command line. Data goes to stdout (a table, or JSON with {@code --json}); progress
 * and errors to stderr. Exit codes: 0 success, 1 an API error (message and request id on stderr), 2 usage.
 */
@Command(name = "sessions", mixinStandardHelpOptions = true, description = "List, inspect, stop, tag, delete and "
        + "restore sessions.", subcommands = {SessionsList.class, SessionsGet.class, SessionsStop.class,
        SessionsBatchStop.class, SessionsTag.class, SessionsDelete.class, SessionsRestore.class})
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
