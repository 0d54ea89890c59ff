package com.nusomi.recorder.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import javafx.css.CssParser;
import javafx.css.Rule;
import javafx.css.Stylesheet;
import org.junit.jupiter.api.Test;

/**
 * The build puts the binary form of {@code app.css} beside it ({@code app.bss}, which JavaFX loads in its place):
 * it holds what the source says, so the app looks as {@code assets/styles/app.css} says.
 */
class StylesheetBinaryTest {

    @Test
    void theBinaryStylesheetBesideAppCssHoldsItsRules() throws Exception {
        URL css = ThemeSupport.class.getResource(ThemeSupport.STYLESHEET);
        URL bss = ThemeSupport.class.getResource(ThemeSupport.STYLESHEET.replace(".css", ".bss"));
        assertThat(css).isNotNull();
        assertThat(bss)
                .as("app.bss on the class path beside app.css (made by the build)")
                .isNotNull();

        Stylesheet source =
                new CssParser().parse(Path.of("assets/styles/app.css").toUri().toURL());
        Stylesheet binary = Stylesheet.loadBinary(bss);

        assertThat(texts(binary.getRules())).isNotEmpty().isEqualTo(texts(source.getRules()));
    }

    /** Each rule's selectors and declarations (a binary rule reads its declarations when first asked for them). */
    private static List<String> texts(List<Rule> rules) {
        return rules.stream()
                .map(r -> r.getSelectors() + " " + r.getDeclarations() + " " + r)
                .toList();
    }
}
