package com.nusomi.recorder.export;

import com.nusomi.recorder.export.steps.Durations;
import com.nusomi.recorder.export.steps.GuideFacts;
import com.nusomi.recorder.export.steps.Step;
import com.nusomi.recorder.export.steps.StepPicture;
import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The step guide as one self-contained HTML file: the title block with the privacy line, a table of contents, then
 * a block per step with its picture inline (a JPEG as a {@code data:} URI, the click ring drawn in). Opens offline,
 * prints one step per block. Written as it goes: one picture in memory at a time.
 */
final class HtmlGuideExporter implements Exporter {
    /** The widest picture the guide carries, in pixels. */
    static final int MAX_WIDTH = 1280;

    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;margin:2em auto;\
            max-width:1300px;padding:0 1em;color:#1d1d1f;background:#fff;line-height:1.4}
            h1{margin-bottom:.2em}.privacy{padding:.6em .8em;border-left:4px solid #2b6cb0;background:#eef4fb}
            table.facts{border-collapse:collapse;margin:1em 0}table.facts th,table.facts td{text-align:left;\
            padding:.2em 1em .2em 0;vertical-align:top}table.facts th{color:#555;font-weight:600}
            nav.toc ol{padding-left:1.5em}nav.toc li{margin:.1em 0}
            section.step{border-top:1px solid #ddd;padding:1em 0;page-break-inside:avoid;break-inside:avoid}
            section.step h3{margin:.2em 0}.n{display:inline-block;min-width:2em;color:#2b6cb0}
            .time{color:#666;font-size:.9em;margin:.2em 0}.detail{white-space:pre-wrap;margin:.3em 0}
            figure{margin:.5em 0}figure img{max-width:100%;height:auto;border:1px solid #ccc}
            footer{margin-top:2em;color:#888;font-size:.85em}
            @media print{body{margin:0;max-width:none}nav.toc{page-break-after:always}\
            header.title{page-break-after:always}a{color:inherit;text-decoration:none}}
            """;

    @Override
    public void write(RunSource run, OutputStream out, ExportProgress progress) throws IOException {
        write(run, out, ExportOptions.DEFAULTS, progress);
    }

    @Override
    public void write(RunSource run, OutputStream out, ExportOptions options, ExportProgress progress)
            throws IOException {
        GuideRun guide = GuideRun.open(run, progress);
        GuideFacts facts = GuideFacts.of(run.session());
        Writer w = new BufferedWriter(new OutputStreamWriter(new KeepOpen(out), StandardCharsets.UTF_8), 64 * 1024);
        w.write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        w.write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        w.write("<title>Step guide: " + Html.text(facts.title()) + "</title>\n<style>\n" + STYLE + "</style>\n");
        w.write("</head>\n<body>\n");
        titleBlock(w, facts, guide.survey().keyCharactersRecorded());
        contents(w, guide);
        w.write("<main class=\"steps\">\n");
        for (Step step : guide.steps()) {
            step(w, out, guide, step, options);
            guide.stepDone(step);
        }
        w.write("</main>\n<footer>Exported by Session Recorder from session "
                + Html.text(run.session().id()) + ".</footer>\n</body>\n</html>\n");
        w.flush();
    }

    private static void titleBlock(Writer w, GuideFacts facts, boolean keyText) throws IOException {
        w.write("<header class=\"title\" id=\"title\">\n<h1>" + Html.text(facts.title()) + "</h1>\n");
        w.write("<p class=\"privacy\" id=\"privacy\">" + Html.text(GuideFacts.privacyLine(keyText)) + "</p>\n");
        table(w, "facts", facts.facts());
        if (!facts.metadata().isEmpty()) {
            w.write("<h2>Metadata</h2>\n");
            table(w, "facts metadata", facts.metadata());
        }
        w.write("</header>\n");
    }

    private static void table(Writer w, String cls, List<Map.Entry<String, String>> rows) throws IOException {
        w.write("<table class=\"" + cls + "\">\n");
        for (Map.Entry<String, String> row : rows) {
            w.write("<tr><th>" + Html.text(row.getKey()) + "</th><td>" + Html.text(row.getValue()) + "</td></tr>\n");
        }
        w.write("</table>\n");
    }

    private static void contents(Writer w, GuideRun guide) throws IOException {
        w.write("<nav class=\"toc\" id=\"contents\">\n<h2>Contents</h2>\n");
        if (guide.survey().steps() == 0) {
            w.write("<p>This run has no steps.</p>\n");
        } else {
            w.write("<ol>\n");
            for (Step s : guide.steps()) {
                w.write("<li><a href=\"#step-" + s.number() + "\">" + Html.text(s.caption()) + "</a></li>\n");
            }
            w.write("</ol>\n");
        }
        w.write("</nav>\n");
    }

    private static void step(Writer w, OutputStream out, GuideRun guide, Step s, ExportOptions options)
            throws IOException {
        w.write("<section class=\"step\" id=\"step-" + s.number() + "\" data-kind=\""
                + s.kind().name().toLowerCase(Locale.ROOT) + "\">\n");
        w.write("<h3><span class=\"n\">" + s.number() + ".</span> <span class=\"caption\">" + Html.text(s.caption())
                + "</span></h3>\n");
        w.write("<p class=\"time\">" + Durations.clock(s.offsetMs()) + " into the run (" + Durations.utc(s.at())
                + ")</p>\n");
        if (s.detail() != null) {
            w.write("<p class=\"detail\">" + Html.text(s.detail()) + "</p>\n");
        }
        StepPicture picture = guide.picture(s, options.cropClicks(), MAX_WIDTH);
        if (picture != null) {
            w.write("<figure><img alt=\"" + Html.text("Step " + s.number() + ": " + s.caption()) + "\" width=\""
                    + picture.width() + "\" height=\"" + picture.height() + "\"");
            if (picture.ringX() >= 0) {
                w.write(" data-ring-x=\"" + picture.ringX() + "\" data-ring-y=\"" + picture.ringY() + "\"");
            }
            w.write(" src=\"data:image/jpeg;base64,");
            w.flush();
            try (OutputStream b64 = Base64.getEncoder().wrap(new KeepOpen(out))) {
                b64.write(picture.jpeg());
            }
            w.write("\"></figure>\n");
        }
        w.write("</section>\n");
    }

    /** Leaves the caller's stream open when a writer or encoder over it is closed. */
    private static final class KeepOpen extends FilterOutputStream {
        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
