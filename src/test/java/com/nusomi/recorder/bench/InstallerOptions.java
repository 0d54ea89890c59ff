package com.nusomi.recorder.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The JVM options of the installer's launchers, read from {@code installer/jpackage-common.txt} (its
 * {@code --java-options} lines, but the class-data archive's, which names a file of the installed app): the start-up
 * and memory benchmarks run the app as the installers do, from the one place those options are written.
 */
final class InstallerOptions {
    private static final String PREFIX = "--java-options \"";
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private InstallerOptions() {}

    static List<String> jvm() {
        try {
            List<String> out = new ArrayList<>();
            for (String line : Files.readAllLines(Path.of("installer", "jpackage-common.txt"))) {
                String l = line.strip();
                if (l.startsWith(PREFIX) && l.endsWith("\"") && !l.contains("$APPDIR")) {
                    SPACES.splitAsStream(l.substring(PREFIX.length(), l.length() - 1))
                            .filter(o -> !o.isEmpty())
                            .forEach(out::add);
                }
            }
            if (out.isEmpty()) {
                throw new IllegalStateException("no --java-options in installer/jpackage-common.txt");
            }
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
