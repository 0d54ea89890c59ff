package com.nusomi.recorder.cli;

import com.nusomi.recorder.client.SessionsClient;
import com.nusomi.recorder.client.model.Tag;
import com.nusomi.recorder.client.request.ContractRules;
import com.nusomi.recorder.client.request.TagRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sessions tag ID NAME [--data JSON]}. */
@Command(name = "tag", mixinStandardHelpOptions = true, description = "Tag a session.")
final class SessionsTag extends SessionsSubcommand {
    @Parameters(index = "0", paramLabel = "ID")
    String id;

    @Parameters(index = "1", paramLabel = "NAME", description = ContractRules.SLUG_PATTERN + ", e.g. outcome")
    String name;

    @Option(names = "--data", paramLabel = "JSON", description = "a JSON object, e.g. '{\"value\":\"success\"}'")
    String data;

    @Override
    int run(SessionsClient client) {
        Tag tag = client.sessions()
                .tag(id, data == null ? TagRequest.of(name) : TagRequest.ofJson(name, data))
                .execute();
        if (json) {
            printJson(tag);
        } else {
            out().println(tag.id() + "  " + tag.name() + "  " + tag.data());
            out().flush();
        }
        return 0;
    }
}
