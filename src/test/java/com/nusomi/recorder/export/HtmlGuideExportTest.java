package com.nusomi.recorder.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nusomi.recorder.export.steps.ClickRing;
import com.nusomi.recorder.export.steps.GuideFacts;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.assertj.core.data.Offset;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTML step guide of a run recorded against the real server, parsed back with jsoup. */
class HtmlGuideExportTest {
    @TempDir
    static Path data;

    static RecordedRun run;
    static Document doc;

    @BeforeAll
    static void exportOnce(@TempDir Path out) throws IOException {
        run = new RecordedRun(data.resolve("server"));
        Path file = out.resolve("guide.html");
        Exporter html = Exporters.forFormat(ExportFormat.HTML).orElseThrow();
        AtomicFile.write(file, o -> html.write(run.source(), o, ExportProgress.NONE));
        doc = Jsoup.parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    @AfterAll
    static void close() {
        run.close();
    }

    @Test
    void oneNumberedStepPerClickKeyBurstNotePauseAndTagInTimeOrder() {
        List<String> captions = doc.select("section.step span.caption").eachText();
        assertThat(captions).containsExactlyElementsOf(run.captions());
        List<String> numbers = doc.select("section.step span.n").eachText();
        assertThat(numbers).first().isEqualTo("1.");
        assertThat(numbers).last().isEqualTo(run.captions().size() + ".");
        assertThat(doc.select("section.step[data-kind=click]")).hasSize(RecordedRun.CLICKS.length);
        assertThat(doc.select("nav.toc li a").eachAttr("href"))
                .hasSize(run.captions().size())
                .first()
                .isEqualTo("#step-1");
        assertThat(doc.select("nav.toc li").eachText()).containsExactlyElementsOf(run.captions());
    }

    @Test
    void eachClickHasItsFrameInlineWithTheRingAtTheClickPoint() throws IOException {
        for (int i = 0; i < RecordedRun.CLICKS.length; i++) {
            Element step = doc.getElementById("step-" + RecordedRun.CLICK_STEPS[i]);
            assertThat(step.attr("data-kind")).isEqualTo("click");
            Element img = step.selectFirst("figure img");
            assertThat(img).as("step %d has its picture", i).isNotNull();
            assertThat(img.attr("src")).startsWith("data:image/jpeg;base64,");
            int rx = Integer.parseInt(img.attr("data-ring-x"));
            int ry = Integer.parseInt(img.attr("data-ring-y"));
            assertThat(rx).isCloseTo(RecordedRun.CLICKS[i][1], Offset.offset(1));
            assertThat(ry).isCloseTo(RecordedRun.CLICKS[i][2], Offset.offset(1));
            BufferedImage picture = decode(img);
            assertThat(picture.getWidth()).isEqualTo(RecordedRun.W);
            assertThat(ringPixels(picture, rx, ry))
                    .as("red on the ring of click %d", i)
                    .isGreaterThanOrEqualTo(14);
            int far = (rx + 250) % RecordedRun.W;
            assertThat(ringPixels(picture, far, ry)).as("no ring elsewhere").isZero();
        }
    }

    @Test
    void aRedactedFrameStaysBlackAndTheOthersKeepTheirPixels() throws IOException {
        BufferedImage redacted =
                decode(doc.getElementById("step-" + RecordedRun.CLICK_STEPS[1]).selectFirst("figure img"));
        assertThat(distance(redacted.getRGB(50, 350), Color.BLACK)).isLessThan(24);
        assertThat(distance(redacted.getRGB(600, 30), Color.BLACK)).isLessThan(24);
        BufferedImage kept =
                decode(doc.getElementById("step-" + RecordedRun.CLICK_STEPS[0]).selectFirst("figure img"));
        assertThat(distance(kept.getRGB(600, 380), RecordedRun.frameColor(1))).isLessThan(24);
    }

    @Test
    void theTitleBlockSaysWhoWhenHowLongTheVerdictAndThatNoCharactersWereRecorded() {
        assertThat(doc.selectFirst("header.title h1").text()).isEqualTo(RecordedRun.WORKFLOW);
        assertThat(doc.getElementById("privacy").text()).isEqualTo(GuideFacts.KEY_TEXT_NOT_RECORDED);
        assertThat(doc.select("header.title").text()).contains("Key characters were not recorded");
        String facts = doc.select("table.facts").first().text();
        assertThat(facts)
                .contains("Actor operator@example.com (human)")
                .contains("Started 2026-05-07 14:00:00 UTC")
                .contains("Duration 20 s recorded (2 min 20 s in all, 2 min paused)")
                .contains("Verdict success")
                .contains(run.sessionId());
        assertThat(doc.select("table.metadata").text()).contains("invoice INV-42");
        assertThat(doc.title()).isEqualTo("Step guide: " + RecordedRun.WORKFLOW);
    }

    @Test
    void textFromTheRunNeverBecomesMarkup() {
        assertThat(doc.select("script")).isEmpty();
        assertThat(doc.select("[onerror]")).isEmpty();
        assertThat(doc.select("img"))
                .allSatisfy(img -> assertThat(img.attr("src")).startsWith("data:image/jpeg"));
        assertThat(doc.select("table.metadata td").eachText()).contains("<img src=x onerror=alert(1)>");
        assertThat(doc.select("section.step span.caption").eachText())
                .contains("Click (secondary) in \"" + RecordedRun.HOSTILE_TITLE + "\"");
    }

    @Test
    void itPrintsOneStepPerBlockAndLoadsNothingFromOutside() {
        String css = doc.selectFirst("style").data();
        assertThat(css).contains("@media print").contains("page-break-inside:avoid");
        assertThat(doc.select("[src]").eachAttr("src"))
                .allSatisfy(src -> assertThat(src).startsWith("data:"));
        assertThat(doc.select("link")).isEmpty();
    }

    @Test
    void aCancelledExportLeavesNoFile(@TempDir Path out) throws IOException {
        Path file = out.resolve("cancelled.html");
        ExportProgress cancelAfterTwo = new ExportProgress() {
            private int steps;

            @Override
            public void advance(long done, long total, String what) {
                if (total > 0) {
                    steps++;
                }
            }

            @Override
            public boolean cancelled() {
                return steps >= 2;
            }
        };
        Exporter html = Exporters.forFormat(ExportFormat.HTML).orElseThrow();
        assertThatThrownBy(() -> AtomicFile.write(file, o -> html.write(run.source(), o, cancelAfterTwo)))
                .isInstanceOf(CancellationException.class);
        try (Stream<Path> left = Files.list(out)) {
            assertThat(left).isEmpty();
        }
    }

    static BufferedImage decode(Element img) throws IOException {
        String src = img.attr("src");
        byte[] bytes = Base64.getDecoder().decode(src.substring(src.indexOf(',') + 1));
        return ImageIO.read(new ByteArrayInputStream(bytes));
    }

    /** How many of 16 points on the ring's centre line around {@code x, y} are clearly red. */
    static int ringPixels(BufferedImage img, int x, int y) {
        int red = 0;
        for (int k = 0; k < 16; k++) {
            double a = Math.PI * 2 * k / 16;
            int px = (int) Math.round(x + ClickRing.RADIUS * Math.cos(a));
            int py = (int) Math.round(y + ClickRing.RADIUS * Math.sin(a));
            if (px < 0 || py < 0 || px >= img.getWidth() || py >= img.getHeight()) {
                continue;
            }
            Color c = new Color(img.getRGB(px, py));
            if (c.getRed() > 170 && c.getGreen() < 90 && c.getBlue() < 90) {
                red++;
            }
        }
        return red;
    }

    static int distance(int rgb, Color expected) {
        Color c = new Color(rgb);
        return Math.max(
                Math.abs(c.getRed() - expected.getRed()),
                Math.max(Math.abs(c.getGreen() - expected.getGreen()), Math.abs(c.getBlue() - expected.getBlue())));
    }
}
