package com.nusomi.recorder.ui.main;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import com.nusomi.recorder.app.settings.Settings;
import java.net.URL;
import java.util.Locale;
import java.util.Map;
import javafx.application.Application;
import javafx.scene.Parent;

/**
 * Applies the theme: AtlantaFX Primer light or dark as the user-agent stylesheet, and the {@code dark} style
 * class on our roots so that {@code app.css} switches its colour variables. "Follow the system" reads what the
 * desktop says where that is cheap and reliable (GTK_THEME on Linux, else light).
 */
public final class ThemeSupport {
    public static final String STYLESHEET = "/assets/styles/app.css";

    private ThemeSupport() {}

    public static boolean isDark(Settings.Theme theme, Map<String, String> env) {
        return switch (theme) {
            case DARK -> true;
            case LIGHT -> false;
            case SYSTEM -> {
                String gtk = env.getOrDefault("GTK_THEME", "").toLowerCase(Locale.ROOT);
                yield gtk.contains("dark");
            }
        };
    }

    /**
     * Sets the AtlantaFX theme as the user-agent stylesheet. Call it before the first control is made: JavaFX
     * otherwise loads and parses its default Modena theme first, only to drop it.
     */
    public static void applyUserAgent(boolean dark) {
        // The binary form of the theme (.bss) loads without parsing some 170 KB of CSS.
        String sheet =
                dark ? new PrimerDark().getUserAgentStylesheetBSS() : new PrimerLight().getUserAgentStylesheetBSS();
        if (!sheet.equals(Application.getUserAgentStylesheet())) {
            Application.setUserAgentStylesheet(sheet);
        }
    }

    public static void apply(boolean dark, Parent... roots) {
        applyUserAgent(dark);
        for (Parent root : roots) {
            style(root, dark);
        }
    }

    /** Adds our stylesheet and the theme class to a root (main window, mini recorder, dialogs). */
    public static void style(Parent root, boolean dark) {
        URL url = ThemeSupport.class.getResource(STYLESHEET);
        String css = url != null ? url.toExternalForm() : null;
        if (css != null && !root.getStylesheets().contains(css)) {
            root.getStylesheets().add(css);
        }
        root.getStyleClass().remove("dark");
        if (dark) {
            root.getStyleClass().add("dark");
        }
    }
}
