package com.nusomi.recorder.recorder.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nusomi.recorder.cli.RootCommand;
import com.nusomi.recorder.desktop.XDesktop;
import com.nusomi.recorder.recorder.capture.DesktopSnapshot;
import com.nusomi.recorder.recorder.capture.DesktopWindow;
import com.nusomi.recorder.recorder.capture.RobotScreenSource;
import com.nusomi.recorder.recorder.capture.WindowLocator;
import com.nusomi.recorder.recorder.capture.WindowLookupException;
import com.nusomi.recorder.recorder.capture.x11.X11WindowLocator;
import java.awt.Rectangle;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The privacy self-test on a real desktop (Xvfb + Openbox): it passes when masks are right, and catches one off. */
@Tag("display")
@ExtendWith(XDesktop.class)
class PrivacyCheckTest {

    @Test
    void theCommandPassesOnACorrectSetupAndReportsItsFiguresAsJson(@TempDir Path data) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            code = RootCommand.commandLine()
                    .execute(
                            "privacy-check",
                            "--json",
                            "--data",
                            data.toString(),
                            "--pattern",
                            "Invoice terminal",
                            "--pattern",
                            "Online Banking");
        } finally {
            System.setOut(stdout);
        }
        JsonNode report = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        System.out.println("[privacy figures] privacy-check: " + report);
        assertThat(code).as(report.toString()).isZero();
        assertThat(report.get("passed").asBoolean()).isTrue();
        assertThat(report.get("leaked_pixels").asLong()).isZero();
        assertThat(report.get("foreground_fidelity").asDouble()).isGreaterThanOrEqualTo(0.99);
        assertThat(report.get("patterns_checked")).hasSize(2);
        assertThat(Files.size(Path.of(report.get("picture").asText()))).isPositive();
    }

    @Test
    void aMaskOffsetByATitleBarIsReportedAsALeak(@TempDir Path data) throws Exception {
        // the old mistake: the window's place taken 20 px too low, so its title bar and first line show
        WindowLocator real = new X11WindowLocator();
        WindowLocator offset = new WindowLocator() {
            @Override
            public DesktopSnapshot snapshot() throws WindowLookupException {
                DesktopSnapshot s = real.snapshot();
                return new DesktopSnapshot(
                        s.topFirst().stream()
                                .map(w -> {
                                    Rectangle f = w.frame();
                                    return f == null
                                            ? w
                                            : new DesktopWindow(
                                                    w.id(),
                                                    new Rectangle(f.x, f.y + 20, f.width, f.height),
                                                    w.title(),
                                                    w.pid());
                                })
                                .toList(),
                        s.activeId());
            }

            @Override
            public String describe() {
                return "X11, every frame 20 px too low";
            }
        };
        PrivacyReport report = new PrivacyCheck(
                        new RobotScreenSource(),
                        offset,
                        real,
                        List.of(Pattern.compile("Invoice terminal")),
                        0.7f,
                        data.resolve("p.png"),
                        s -> {})
                .run();
        assertThat(report.passed()).as(report.summary()).isFalse();
        assertThat(report.leakedPixels()).as(report.summary()).isGreaterThan(1000);
        System.out.println("[privacy figures] mask offset 20 px: " + report.summary());
        real.close();
    }

    @Test
    void aTitleIsMadeForPlainAndSimpleRegularExpressions() {
        assertThat(CanaryTitles.matching(Pattern.compile("Invoice terminal"))).isEqualTo("Invoice terminal");
        assertThat(CanaryTitles.matching(Pattern.compile("^Bank\\b.*Login$")))
                .matches(t -> Pattern.compile("^Bank\\b.*Login$").matcher(t).find());
        assertThat(CanaryTitles.matching(Pattern.compile("Password|Vault"))).isNotNull();
        assertThat(CanaryTitles.matching(Pattern.compile("[0-9]{4}-[0-9]{4}"))).isNull();
    }
}
