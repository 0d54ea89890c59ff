package com.nusomi.recorder.cli;

import com.nusomi.recorder.app.settings.Settings;
import com.nusomi.recorder.app.settings.SettingsStore;
import com.nusomi.recorder.files.DataFolder;
import com.nusomi.recorder.recorder.capture.ScreenSource;
import com.nusomi.recorder.recorder.capture.ScreenSources;
import com.nusomi.recorder.recorder.capture.WindowLocator;
import com.nusomi.recorder.recorder.capture.WindowLocators;
import com.nusomi.recorder.recorder.privacy.PrivacyCheck;
import com.nusomi.recorder.recorder.privacy.PrivacyReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code privacy-check}: opens canary windows, takes frames the way a recording does, and reports pixel by pixel
 * whether anything masked leaked and how much of a window in front was recorded. Exit 0 only when nothing leaked
 * and the front window was recorded; 1 otherwise. Nothing is uploaded.
 */
@Command(
        name = "privacy-check",
        mixinStandardHelpOptions = true,
        description = {
            "Checks on this desktop that private and own windows are masked in recorded frames and that a"
                    + " window in front of them is recorded. Opens a few coloured windows for some seconds; nothing is"
                    + " uploaded.",
            "Exit status: 0 nothing leaked, 1 a leak or a failed check, 2 usage."
        })
final class PrivacyCheckCommand implements Callable<Integer> {
    @Option(
            names = "--data",
            paramLabel = "DIR",
            description = "data folder whose settings give the privacy patterns (default: the app's)")
    Path data;

    @Option(
            names = "--pattern",
            paramLabel = "REGEX",
            description = "a privacy title pattern to check (repeat for several; default: the app's patterns)")
    List<String> patterns = new ArrayList<>();

    @Option(
            names = "--picture",
            paramLabel = "FILE",
            description = "where to write the last frame as PNG (default: DIR/privacy-check.png)")
    Path picture;

    @Option(names = "--json", description = "print the report as JSON")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Path dir = DataFolder.resolve(data);
        Settings settings = new SettingsStore(dir, Runnable::run).load();
        List<String> sources = patterns.isEmpty() ? settings.privacyTitlePatterns : patterns;
        List<Pattern> compiled = new ArrayList<>();
        for (String p : sources) {
            if (p == null || p.isBlank()) {
                continue;
            }
            try {
                compiled.add(Pattern.compile(p.strip()));
            } catch (PatternSyntaxException e) {
                System.err.println("not a regular expression: " + p + " (" + e.getDescription() + ")");
                return 2;
            }
        }
        float quality = (float) settings.jpegQuality;
        Path out = picture != null ? picture : dir.resolve("privacy-check.png");
        PrivacyReport report;
        try (WindowLocator windows = WindowLocators.forThisPlatform();
                ScreenSource screen = ScreenSources.forThisPlatform()) {
            report = new PrivacyCheck(
                            screen,
                            windows,
                            windows,
                            compiled,
                            quality >= 0.1f && quality <= 1 ? quality : 0.7f,
                            out,
                            System.err::println)
                    .run();
        }
        if (json) {
            System.out.println(SessionsSubcommand.JSON.writeValueAsString(toJson(report)));
        } else {
            System.out.println(report.summary());
            report.patternsSkipped().forEach(p -> System.out.println("  not checked: " + p));
            report.problems().forEach(p -> System.out.println("  problem: " + p));
            if (report.picture() != null) {
                System.out.println("  picture: " + report.picture().toAbsolutePath());
            }
        }
        return report.passed() ? 0 : 1;
    }

    private static Map<String, Object> toJson(PrivacyReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("passed", r.passed());
        m.put("leaked_pixels", r.leakedPixels());
        m.put("own_window_pixels", r.ownWindowPixels());
        m.put("foreground_fidelity", Math.round(r.foregroundFidelity() * 10000) / 10000.0);
        m.put("frames", r.frames());
        m.put("patterns_checked", r.patternsChecked());
        m.put("patterns_skipped", r.patternsSkipped());
        m.put(
                "picture",
                r.picture() == null ? null : r.picture().toAbsolutePath().toString());
        m.put("window_lookup", r.locator());
        m.put("problems", r.problems());
        return m;
    }
}
