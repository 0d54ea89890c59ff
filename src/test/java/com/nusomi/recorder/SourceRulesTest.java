package com.nusomi.recorder;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * House rules that ArchUnit cannot see because they are about the source text: types are imported, not spelled out
 * inline, no class in {@code src/main} grows past 400 lines and no view model past 300.
 */
class SourceRulesTest {
    private static final Path MAIN = Path.of("src/main/java");
    private static final Path TEST = Path.of("src/test/java");
    private static final int MAX_MAIN_LINES = 400;
    private static final int MAX_VIEW_MODEL_LINES = 300;

    /** A package path of lower-case segments followed by a type name, e.g. {@code java.util.List}. */
    private static final Pattern QUALIFIED_TYPE = Pattern.compile(
            "(?<![\\w.])(?:java|javax|javafx|com|org|net|io|picocli|okhttp3|jdk|sun)\\.(?:[a-z_][a-z0-9_]*\\.)*[A-Z]\\w*");

    @Test
    void typesAreImportedNotQualifiedInline() {
        List<String> found = new ArrayList<>();
        for (Path file : javaFiles(MAIN, TEST)) {
            String[] lines = codeOnly(read(file)).split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i];
                if (line.stripLeading().startsWith("import ")
                        || line.stripLeading().startsWith("package ")) {
                    continue;
                }
                Matcher m = QUALIFIED_TYPE.matcher(line);
                while (m.find()) {
                    found.add(file + ":" + (i + 1) + " " + m.group());
                }
            }
        }
        assertThat(found)
                .as("inline fully qualified names; import the type (or, on a real clash, say why in a comment)")
                .isEmpty();
    }

    @Test
    void noMainClassIsLongerThanFourHundredLines() {
        List<String> tooLong = new ArrayList<>();
        for (Path file : javaFiles(MAIN)) {
            long lines = read(file).lines().count();
            if (lines > MAX_MAIN_LINES) {
                tooLong.add(file + " " + lines);
            }
        }
        assertThat(tooLong).as("classes over %d lines", MAX_MAIN_LINES).isEmpty();
    }

    @Test
    void noViewModelIsLongerThanThreeHundredLines() {
        List<String> tooLong = new ArrayList<>();
        List<Path> viewModels = javaFiles(MAIN).stream()
                .filter(f -> f.getFileName().toString().endsWith("ViewModel.java"))
                .toList();
        for (Path file : viewModels) {
            long lines = read(file).lines().count();
            if (lines > MAX_VIEW_MODEL_LINES) {
                tooLong.add(file + " " + lines);
            }
        }
        assertThat(viewModels).as("view models found").isNotEmpty();
        assertThat(tooLong)
                .as("view models over %d lines", MAX_VIEW_MODEL_LINES)
                .isEmpty();
    }

    @Test
    void theScannerSeesQualifiedNamesInCodeButNotInCommentsOrStrings() {
        String source = """
                class A {
                  // java.util.List in a comment
                  String s = "java.util.Map in a string";
                  java.util.Set<String> set;
                }
                """;
        String code = codeOnly(source);
        Matcher m = QUALIFIED_TYPE.matcher(code);
        List<String> hits = new ArrayList<>();
        while (m.find()) {
            hits.add(m.group());
        }
        assertThat(hits).containsExactly("java.util.Set");
        assertThat(code.split("\n", -1)).hasSameSizeAs(source.split("\n", -1));
    }

    private static List<Path> javaFiles(Path... roots) {
        List<Path> files = new ArrayList<>();
        for (Path root : roots) {
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(p -> p.toString().endsWith(".java")).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        assertThat(files).as("Java sources found under %s", List.of(roots)).isNotEmpty();
        return files;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The source with comments and string, text-block and char literals blanked out; line breaks are kept. */
    static String codeOnly(String src) {
        StringBuilder out = new StringBuilder(src);
        int i = 0;
        int n = src.length();
        while (i < n) {
            int end;
            if (src.startsWith("//", i)) {
                end = src.indexOf('\n', i);
                end = end < 0 ? n : end;
            } else if (src.startsWith("/*", i)) {
                end = src.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
            } else if (src.startsWith("\"\"\"", i)) {
                end = src.indexOf("\"\"\"", i + 3);
                end = end < 0 ? n : end + 3;
            } else if (src.charAt(i) == '"' || src.charAt(i) == '\'') {
                char quote = src.charAt(i);
                end = i + 1;
                while (end < n && src.charAt(end) != quote && src.charAt(end) != '\n') {
                    end += src.charAt(end) == '\\' ? 2 : 1;
                }
                end = Math.min(end + 1, n);
            } else {
                i++;
                continue;
            }
            for (int k = i; k < end; k++) {
                if (out.charAt(k) != '\n') {
                    out.setCharAt(k, ' ');
                }
            }
            i = end;
        }
        return out.toString();
    }
}
