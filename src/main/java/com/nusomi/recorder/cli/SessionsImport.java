package com.nusomi.recorder.cli;

import com.nusomi.recorder.client.ApiResult;
import com.nusomi.recorder.client.SessionsClient;
import com.nusomi.recorder.client.model.Session;
import com.nusomi.recorder.export.ExportProgress;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code sessions import FILE}: sends a run bundle to the server ({@code POST /v1/sessions:import}), streamed from
 * the file. Upload progress goes to stderr; the new session's id to stdout (the whole session with {@code --json}).
 * Importing a bundle the server imported before prints that session's id, and says so on stderr. A bundle the
 * server refuses is an API error (exit 1) whose message names the first file that does not match.
 */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = "Import a run bundle (.zip) as a new sealed session; prints its id.")
final class SessionsImport extends SessionsSubcommand {
    @Parameters(paramLabel = "FILE", description = "the run bundle to import")
    Path file;

    @Override
    int run(SessionsClient client) {
        if (!Files.isRegularFile(file)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "no such file: " + file);
        }
        ExportProgress progress =
                SessionsExport.progressTo(err(), file.getFileName().toString());
        ApiResult<Session> result = client.sessions()
                .importBundle(file, (sent, total) -> progress.advance(sent, total, "Uploading"))
                .executeForResult();
        Session s = result.value();
        if (result.httpStatus() == 200) {
            err().printf("%s was imported before, as %s%n", file.getFileName(), s.id());
            err().flush();
        }
        if (json) {
            printJson(s);
        } else {
            out().println(s.id());
            out().flush();
        }
        return 0;
    }
}
