package com.nusomi.recorder.cli;

import com.nusomi.recorder.client.SessionsClient;
import com.nusomi.recorder.client.model.Session;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code sessions restore ID}: brings a soft-deleted session back from the trash. */
@Command(name = "restore", mixinStandardHelpOptions = true, description = "Restore a soft-deleted session.")
final class SessionsRestore extends SessionsSubcommand {
    @Parameters(paramLabel = "ID")
    String id;

    @Override
    int run(SessionsClient client) {
        Session s = client.sessions().restore(id).execute();
        if (json) {
            printJson(s);
        } else {
            printTable(List.of(s));
        }
        return 0;
    }
}
