package com.nusomi.recorder.cli;

import com.nusomi.recorder.client.SessionsClient;
import com.nusomi.recorder.client.model.Session;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code sessions stop ID…}: stops each (idempotent); the first failure ends the command with exit code 1. */
@Command(name = "stop", mixinStandardHelpOptions = true, description = "Stop sessions, one call each.")
final class SessionsStop extends SessionsSubcommand {
    @Parameters(paramLabel = "ID", arity = "1..*")
    List<String> ids;

    @Override
    int run(SessionsClient client) {
        List<Session> stopped = new ArrayList<>();
        for (String id : ids) {
            stopped.add(client.sessions().stop(id).execute());
        }
        if (json) {
            printJson(stopped);
        } else {
            printTable(stopped);
        }
        return 0;
    }
}
