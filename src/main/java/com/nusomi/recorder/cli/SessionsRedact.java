package com.nusomi.recorder.cli;

import com.nusomi.recorder.client.SessionsClient;
import com.nusomi.recorder.client.model.RedactionResult;
import com.nusomi.recorder.client.request.FrameRedaction;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code sessions redact ID --from N --to M --rect X,Y,W,H [--rect …] [--reason TEXT]}: paints the rectangles black
 * on the frames from N to M (their seqs, inclusive) and erases the originals for good. A second identical call
 * changes nothing.
 */
@Command(
        name = "redact",
        mixinStandardHelpOptions = true,
        description = "Paint rectangles black on a range of a session's frames. The original images are erased for"
                + " good.")
final class SessionsRedact extends SessionsSubcommand {
    @Parameters(index = "0", paramLabel = "ID")
    String id;

    @Option(names = "--from", required = true, paramLabel = "N", description = "the first frame's seq")
    long from;

    @Option(names = "--to", required = true, paramLabel = "M", description = "the last frame's seq (inclusive)")
    long to;

    @Option(
            names = "--rect",
            required = true,
            paramLabel = "X,Y,W,H",
            converter = RectConverter.class,
            description = "a rectangle in frame pixels from the top left; repeat for more (at most "
                    + FrameRedaction.MAX_RECTS + ")")
    List<FrameRedaction.Rect> rects;

    @Option(names = "--reason", paramLabel = "TEXT", description = "why, kept in the audit log")
    String reason;

    @Override
    int run(SessionsClient client) {
        FrameRedaction redaction;
        try {
            redaction = FrameRedaction.of(from, to, rects).withReason(reason);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        RedactionResult result = client.frames().redact(id, redaction).execute();
        if (json) {
            printJson(result);
        } else {
            out().println(id + "  frames " + from + ".." + to + ": " + result.redacted() + " redacted");
            out().flush();
        }
        return 0;
    }

    /** {@code X,Y,W,H} to a rectangle; picocli reports a bad one as a usage error (exit code 2). */
    static final class RectConverter implements ITypeConverter<FrameRedaction.Rect> {
        @Override
        public FrameRedaction.Rect convert(String value) {
            return FrameRedaction.Rect.parse(value);
        }
    }
}
