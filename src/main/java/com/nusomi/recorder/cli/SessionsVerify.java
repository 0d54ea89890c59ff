package com.nusomi.recorder.cli;

import com.nusomi.recorder.export.bundle.BundleVerifier;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sessions verify FILE}: checks a run bundle against its manifest, offline (no server is needed). Exit 0
 * when every file matches; {@value #DOES_NOT_MATCH} naming the first file that does not (a changed byte, a missing
 * file, a file not in the manifest, or a manifest that cannot be read); 2 when FILE cannot be read.
 */
@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        description = "Check a run bundle (.zip) against its manifest: exit 0 if it is intact, "
                + SessionsVerify.DOES_NOT_MATCH + " naming the first file that is not.")
final class SessionsVerify implements Callable<Integer> {
    /** The exit code of a bundle that does not match its manifest. */
    static final int DOES_NOT_MATCH = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "the run bundle to check")
    Path file;

    @Option(names = "--json", description = "print JSON instead of a line of text")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(file)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "no such file: " + file);
        }
        BundleVerifier.Result result = BundleVerifier.verify(file);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("file", file.toAbsolutePath().toString());
            o.put("ok", result.ok());
            o.put("path", result.path());
            o.put("problem", result.problem());
            o.put("format", result.manifest() == null ? null : result.manifest().format());
            o.put(
                    "session_id",
                    result.manifest() == null ? null : result.manifest().sessionId());
            o.put(
                    "exported_at",
                    result.manifest() == null ? null : result.manifest().exportedAt());
            o.put(
                    "exported_by",
                    result.manifest() == null ? null : result.manifest().exportedBy());
            o.put("files", result.files());
            o.put("bytes", result.bytes());
            out.println(SessionsSubcommand.JSON.writeValueAsString(o));
        } else if (result.ok()) {
            out.printf(
                    "OK %s: %s of session %s, %d files (%d bytes) as the manifest lists them%n",
                    file, result.manifest().format(), result.manifest().sessionId(), result.files(), result.bytes());
        } else {
            out.printf("FAILED %s: %s %s%n", file, result.path(), result.problem());
        }
        out.flush();
        return result.ok() ? 0 : DOES_NOT_MATCH;
    }
}
