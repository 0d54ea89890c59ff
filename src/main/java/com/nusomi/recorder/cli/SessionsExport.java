package com.nusomi.recorder.cli;

import com.nusomi.recorder.client.SessionsClient;
import com.nusomi.recorder.export.AtomicFile;
import com.nusomi.recorder.export.ClientRunSource;
import com.nusomi.recorder.export.ExportFormat;
import com.nusomi.recorder.export.ExportProgress;
import com.nusomi.recorder.export.Exporter;
import com.nusomi.recorder.export.Exporters;
import com.nusomi.recorder.export.RunSource;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sessions export ID… --format F --output PATH}: writes each run as a step guide, a video or a run bundle.
 * Progress goes to stderr, each written path to stdout. With one ID, PATH is the file (or a folder to write it in);
 * with several, PATH is a folder and each run gets a file named after its workflow and id.
 */
@Command(name = "export", mixinStandardHelpOptions = true, description = "Export runs as html, pdf, mp4 or bundle.")
final class SessionsExport extends SessionsSubcommand {
    /** With no known total, a progress line at most this often. */
    private static final long UNKNOWN_TOTAL_INTERVAL_NANOS = 1_000_000_000L;

    @Parameters(paramLabel = "ID", arity = "1..*")
    List<String> ids;

    @Option(
            names = "--format",
            required = true,
            paramLabel = "FORMAT",
            description = "html (step guide), pdf (step guide), mp4 (video) or bundle (a run bundle .zip)")
    String format;

    @Option(
            names = "--output",
            required = true,
            paramLabel = "PATH",
            description = "the file to write, or a folder (needed when exporting several runs)")
    Path output;

    @Override
    int run(SessionsClient client) throws Exception {
        ExportFormat chosen;
        try {
            chosen = ExportFormat.parse(format);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--format: " + e.getMessage());
        }
        Exporter exporter = Exporters.forFormat(chosen)
                .orElseThrow(() -> new CommandLine.ParameterException(
                        spec.commandLine(), "--format " + chosen.wireName() + " is not available in this build"));
        boolean intoFolder = ids.size() > 1 || Files.isDirectory(output);
        if (ids.size() > 1 && Files.exists(output) && !Files.isDirectory(output)) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--output must be a folder when exporting several runs");
        }
        for (String id : ids) {
            RunSource run = ClientRunSource.open(client, id);
            Path target = intoFolder
                    ? output.resolve(Exporters.fileName(
                            run.session().workflow(), run.session().id(), chosen))
                    : output;
            Path written = AtomicFile.write(target, out -> exporter.write(run, out, progressTo(err(), id)));
            out().println(written.toAbsolutePath());
            out().flush();
        }
        return 0;
    }

    /**
     * Progress lines on stderr: one per percent when the total is known, else at most one a second (an exporter
     * may report every unit of work).
     */
    static ExportProgress progressTo(PrintWriter err, String id) {
        return new ExportProgress() {
            private long lastPercent = -1;
            private long lastUnknownNanos;
            private boolean printedUnknown;

            @Override
            public void advance(long done, long total, String what) {
                if (total > 0) {
                    long percent = Math.min(100, done * 100 / total);
                    if (percent == lastPercent) {
                        return;
                    }
                    lastPercent = percent;
                    err.printf("%s: %s (%d%%)%n", id, what, percent);
                } else {
                    long now = System.nanoTime();
                    if (printedUnknown && now - lastUnknownNanos < UNKNOWN_TOTAL_INTERVAL_NANOS) {
                        return;
                    }
                    printedUnknown = true;
                    lastUnknownNanos = now;
                    err.printf("%s: %s%n", id, what);
                }
                err.flush();
            }
        };
    }
}
