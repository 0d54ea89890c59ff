package com.nusomi.recorder.export;

import com.nusomi.recorder.export.steps.Durations;
import com.nusomi.recorder.export.steps.GuideFacts;
import com.nusomi.recorder.export.steps.Step;
import com.nusomi.recorder.export.steps.StepPicture;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * The step guide as a PDF (Apache PDFBox): a title page (the title block and the privacy line), the contents with
 * each step's page, then the steps ({@link PdfLayout}). Memory stays bounded: PDFBox keeps the document's streams in
 * a scratch file, and one picture is read and drawn at a time.
 */
final class PdfGuideExporter implements Exporter {
    private static final Color MUTED = new Color(0x55, 0x55, 0x55);
    private static final Color ACCENT = new Color(0x2b, 0x6c, 0xb0);

    @Override
    public void write(RunSource run, OutputStream out, ExportProgress progress) throws IOException {
        write(run, out, ExportOptions.DEFAULTS, progress);
    }

    @Override
    public void write(RunSource run, OutputStream out, ExportOptions options, ExportProgress progress)
            throws IOException {
        GuideRun guide = GuideRun.open(run, progress);
        PdfText text = new PdfText();
        try (PDDocument doc = new PDDocument(IOUtils.createTempFileOnlyStreamCache())) {
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(text.clean("Step guide: " + run.session().workflow()));
            info.setCreator("Session Recorder");
            titlePage(doc, text, GuideFacts.of(run.session()), guide.survey().keyCharactersRecorded());
            int contentsPages = Math.max(1, ceilDiv(guide.survey().steps(), PdfLayout.CONTENTS_PER_PAGE));
            contents(doc, text, guide, options, 2 + contentsPages);
            steps(doc, text, guide, options);
            progress.advance(guide.survey().steps(), guide.survey().steps(), "Writing the PDF");
            doc.save(out);
        }
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    private static void titlePage(PDDocument doc, PdfText text, GuideFacts facts, boolean keyText) throws IOException {
        PDPage page = newPage(doc);
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
            float y = PdfLayout.TOP - 10;
            cs.setNonStrokingColor(ACCENT);
            PdfText.show(cs, PdfText.REGULAR, 11, PdfLayout.MARGIN, y, "Step guide");
            cs.setNonStrokingColor(Color.BLACK);
            for (String line : text.wrap(facts.title(), PdfText.BOLD, 22, PdfLayout.WIDTH, 3)) {
                y -= 28;
                PdfText.show(cs, PdfText.BOLD, 22, PdfLayout.MARGIN, y, line);
            }
            y -= 24;
            for (String line : text.wrap(GuideFacts.privacyLine(keyText), PdfText.BOLD, 11, PdfLayout.WIDTH, 3)) {
                PdfText.show(cs, PdfText.BOLD, 11, PdfLayout.MARGIN, y, line);
                y -= 15;
            }
            y -= 12;
            y = table(cs, text, facts.facts(), y);
            if (!facts.metadata().isEmpty()) {
                y -= 14;
                PdfText.show(cs, PdfText.BOLD, 13, PdfLayout.MARGIN, y, "Metadata");
                y -= 20;
                table(cs, text, facts.metadata(), y);
            }
            footer(cs, 1);
        }
    }

    /** The rows that fit above the bottom margin; the rest are counted in a last line. */
    private static float table(PDPageContentStream cs, PdfText text, List<Map.Entry<String, String>> rows, float top)
            throws IOException {
        float y = top;
        float labelWidth = 120;
        for (int i = 0; i < rows.size(); i++) {
            Map.Entry<String, String> row = rows.get(i);
            List<String> value =
                    text.wrap(row.getValue(), PdfText.REGULAR, PdfLayout.BODY + 1, PdfLayout.WIDTH - labelWidth, 4);
            if (y - value.size() * 14 < PdfLayout.BOTTOM + 14) {
                PdfText.show(cs, PdfText.REGULAR, PdfLayout.BODY, PdfLayout.MARGIN, y, (rows.size() - i) + " more");
                return y - 14;
            }
            cs.setNonStrokingColor(MUTED);
            String label = PdfText.fit(text.clean(row.getKey()), PdfText.BOLD, PdfLayout.BODY + 1, labelWidth - 8);
            PdfText.show(cs, PdfText.BOLD, PdfLayout.BODY + 1, PdfLayout.MARGIN, y, label);
            cs.setNonStrokingColor(Color.BLACK);
            for (String line : value) {
                PdfText.show(cs, PdfText.REGULAR, PdfLayout.BODY + 1, PdfLayout.MARGIN + labelWidth, y, line);
                y -= 14;
            }
            y -= 3;
        }
        return y;
    }

    /** The contents: one line a step, with the page it is on (found by laying the steps out as drawn). */
    private static void contents(PDDocument doc, PdfText text, GuideRun guide, ExportOptions options, int firstStepPage)
            throws IOException {
        PdfLayout layout = new PdfLayout(text);
        PDPage page = newPage(doc);
        PDPageContentStream cs = new PDPageContentStream(doc, page);
        try {
            float y = PdfLayout.TOP - 10;
            PdfText.show(cs, PdfText.BOLD, 16, PdfLayout.MARGIN, y, "Contents");
            y -= 30;
            if (guide.survey().steps() == 0) {
                PdfText.show(cs, PdfText.REGULAR, 11, PdfLayout.MARGIN, y, "This run has no steps.");
            }
            int onPage = 0;
            int pageNumber = 2;
            for (Step s : guide.steps()) {
                guide.checkCancelled();
                if (onPage == PdfLayout.CONTENTS_PER_PAGE) {
                    footer(cs, pageNumber++);
                    cs.close();
                    page = newPage(doc);
                    cs = new PDPageContentStream(doc, page);
                    y = PdfLayout.TOP - 10;
                    onPage = 0;
                }
                String number = String.valueOf(
                        firstStepPage + layout.place(s, options.cropClicks()).page());
                float numberWidth = PdfText.width(PdfText.REGULAR, 11, number);
                String entry = PdfText.fit(
                        text.clean(s.number() + ". " + s.caption()),
                        PdfText.REGULAR,
                        11,
                        PdfLayout.WIDTH - numberWidth - 20);
                PdfText.show(cs, PdfText.REGULAR, 11, PdfLayout.MARGIN, y, entry);
                PdfText.show(cs, PdfText.REGULAR, 11, PdfLayout.MARGIN + PdfLayout.WIDTH - numberWidth, y, number);
                y -= 15;
                onPage++;
            }
            footer(cs, pageNumber);
        } finally {
            cs.close();
        }
    }

    private static void steps(PDDocument doc, PdfText text, GuideRun guide, ExportOptions options) throws IOException {
        PdfLayout layout = new PdfLayout(text);
        PDPageContentStream cs = null;
        int pageNumber = doc.getNumberOfPages();
        try {
            for (Step s : guide.steps()) {
                PdfLayout.Placement p = layout.place(s, options.cropClicks());
                if (p.newPage()) {
                    if (cs != null) {
                        cs.close();
                    }
                    cs = new PDPageContentStream(doc, newPage(doc));
                    footer(cs, ++pageNumber);
                }
                drawStep(doc, cs, guide, s, p, options);
                guide.stepDone(s);
            }
        } finally {
            if (cs != null) {
                cs.close();
            }
        }
    }

    private static void drawStep(
            PDDocument doc,
            PDPageContentStream cs,
            GuideRun guide,
            Step s,
            PdfLayout.Placement p,
            ExportOptions options)
            throws IOException {
        float y = p.top() - PdfLayout.HEADING;
        for (String line : p.heading()) {
            PdfText.show(cs, PdfText.BOLD, PdfLayout.HEADING, PdfLayout.MARGIN, y, line);
            y -= PdfLayout.HEADING_LEADING;
        }
        cs.setNonStrokingColor(MUTED);
        PdfText.show(
                cs,
                PdfText.REGULAR,
                PdfLayout.BODY - 1,
                PdfLayout.MARGIN,
                y + 4,
                Durations.clock(s.offsetMs()) + " into the run (" + Durations.utc(s.at()) + ")");
        cs.setNonStrokingColor(Color.BLACK);
        y -= PdfLayout.BODY_LEADING;
        for (String line : p.detail()) {
            PdfText.show(cs, PdfText.REGULAR, PdfLayout.BODY, PdfLayout.MARGIN, y + 4, line);
            y -= PdfLayout.BODY_LEADING;
        }
        if (p.image() != null) {
            StepPicture picture = guide.picture(s, options.cropClicks(), HtmlGuideExporter.MAX_WIDTH);
            if (picture != null) {
                PDImageXObject image = JPEGFactory.createFromByteArray(doc, picture.jpeg());
                float scale =
                        Math.min(p.image().width() / picture.width(), p.image().height() / picture.height());
                float w = picture.width() * scale;
                float h = picture.height() * scale;
                cs.drawImage(image, PdfLayout.MARGIN, y - h, w, h);
            }
        }
    }

    private static PDPage newPage(PDDocument doc) {
        PDPage page = new PDPage(PdfLayout.PAGE);
        doc.addPage(page);
        return page;
    }

    private static void footer(PDPageContentStream cs, int number) throws IOException {
        cs.setNonStrokingColor(MUTED);
        PdfText.show(cs, PdfText.REGULAR, 9, PdfLayout.MARGIN, PdfLayout.MARGIN - 10, "Page " + number);
        cs.setNonStrokingColor(Color.BLACK);
    }
}
