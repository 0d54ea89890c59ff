package com.nusomi.recorder.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.nusomi.recorder.export.steps.GuideFacts;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PDF step guide of a run recorded against the real server, read back with PDFBox. */
class PdfGuideExportTest {
    @TempDir
    static Path data;

    static RecordedRun run;
    static Path file;

    @BeforeAll
    static void exportOnce() throws IOException {
        run = new RecordedRun(data.resolve("server"));
        file = data.resolve("guide.pdf");
        Exporter pdf = Exporters.forFormat(ExportFormat.PDF).orElseThrow();
        AtomicFile.write(file, o -> pdf.write(run.source(), o, ExportProgress.NONE));
    }

    @AfterAll
    static void close() {
        run.close();
    }

    private static String text(PDDocument doc, int from, int to) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(from);
        stripper.setEndPage(to);
        return stripper.getText(doc).replaceAll("\\s+", " ");
    }

    @Test
    void theTextHoldsTheWorkflowThePrivacyLineAndEveryStepCaption() throws IOException {
        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            String title = text(doc, 1, 1);
            assertThat(title)
                    .contains(RecordedRun.WORKFLOW)
                    .contains(GuideFacts.KEY_TEXT_NOT_RECORDED)
                    .contains("operator@example.com")
                    .contains("success")
                    .contains("<img src=x onerror=alert(1)>");
            String contents = text(doc, 2, 2);
            String steps = text(doc, 3, doc.getNumberOfPages());
            List<String> captions = run.captions();
            for (int i = 0; i < captions.size(); i++) {
                assertThat(contents).contains((i + 1) + ". " + captions.get(i));
                assertThat(steps).contains((i + 1) + ". " + captions.get(i));
            }
        }
    }

    @Test
    void aTitlePageAContentsPageAndAPagePerClickWithTheStepsAfterIt() throws IOException {
        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(2 + RecordedRun.CLICKS.length);
            assertThat(text(doc, 4, 4))
                    .contains("3. Click (secondary)")
                    .contains("6. Recording paused for 2 min")
                    .contains("7. Tag \"reviewed\"");
            assertThat(text(doc, 2, 2)).contains("8. Click (primary) in \"Invoices – ERP\" 5");
            List<Integer> imagesPerPage = new ArrayList<>();
            for (PDPage page : doc.getPages()) {
                imagesPerPage.add(images(page).size());
            }
            assertThat(imagesPerPage).containsExactly(0, 0, 1, 1, 1);
        }
    }

    @Test
    void theRedactedFrameIsBlackAndTheClickRingIsDrawn() throws IOException {
        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            BufferedImage redacted = images(doc.getPage(3)).get(0).getImage();
            assertThat(HtmlGuideExportTest.distance(redacted.getRGB(50, 350), Color.BLACK))
                    .isLessThan(24);
            BufferedImage first = images(doc.getPage(2)).get(0).getImage();
            assertThat(HtmlGuideExportTest.ringPixels(first, RecordedRun.CLICKS[0][1], RecordedRun.CLICKS[0][2]))
                    .isGreaterThanOrEqualTo(14);
        }
    }

    private static List<PDImageXObject> images(PDPage page) throws IOException {
        List<PDImageXObject> out = new ArrayList<>();
        PDResources resources = page.getResources();
        for (COSName name : resources.getXObjectNames()) {
            if (resources.getXObject(name) instanceof PDImageXObject image) {
                out.add(image);
            }
        }
        return out;
    }
}
