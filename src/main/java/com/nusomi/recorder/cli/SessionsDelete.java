package com.nusomi.recorder.cli;

import com.nusomi.recorder.client.SessionsClient;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sessions delete ID… [--hard]}: soft delete (restorable for 30 days), or purge now with the admin scope. */
@Command(
        name = "delete",
        mixinStandardHelpOptions = true,
        description = "Delete sessions: to the trash (restorable for 30 days), or --hard for good (admin scope).")
final class SessionsDelete extends SessionsSubcommand {
    @Parameters(paramLabel = "ID", arity = "1..*")
    List<String> ids;

    @Option(names = "--hard", description = "delete permanently, now (admin scope)")
    boolean hard;

    @Override
    int run(SessionsClient client) {
        List<Object> results = new ArrayList<>();
        for (String id : ids) {
            if (hard) {
                results.add(client.sessions().deleteHard(id).execute());
                if (!json) {
                    out().println(id + "  deleted permanently");
                }
            } else {
                var s = client.sessions().delete(id).execute();
                results.add(s);
                if (!json) {
                    out().println(id + "  deleted; restorable until " + time(s.purgeAt()));
                }
            }
        }
        if (json) {
            printJson(results);
        }
        out().flush();
        return 0;
    }
}
