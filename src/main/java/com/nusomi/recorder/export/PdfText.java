package com.nusomi.recorder.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Text for the PDF guide in the standard Helvetica fonts (nothing embedded, nothing read from the system): a
 * character those fonts cannot show becomes {@code ?}; lines are wrapped to a width and cut to a number of lines.
 */
final class PdfText {
    static final PDFont REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    static final PDFont BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

    private final Map<Character, Boolean> encodable = new HashMap<>();

    /** {@code s} with every character the fonts cannot show replaced, and control characters as spaces. */
    String clean(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20) {
                b.append(' ');
            } else {
                b.append(encodable.computeIfAbsent(c, PdfText::canEncode) ? c : '?');
            }
        }
        return b.toString();
    }

    private static boolean canEncode(char c) {
        try {
            REGULAR.encode(String.valueOf(c));
            BOLD.encode(String.valueOf(c));
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }

    static float width(PDFont font, float size, String cleanText) {
        try {
            return font.getStringWidth(cleanText) / 1000f * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code text} in lines no wider than {@code width}, at most {@code maxLines} (the last ends in … if cut). */
    List<String> wrap(String text, PDFont font, float size, float width, int maxLines) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : clean(text.replace('\r', '\n')).split("\n", -1)) {
            wrapParagraph(paragraph, font, size, width, lines);
        }
        if (lines.size() > maxLines) {
            List<String> cut = new ArrayList<>(lines.subList(0, maxLines));
            cut.set(maxLines - 1, fit(cut.get(maxLines - 1) + "…", font, size, width));
            return cut;
        }
        return lines;
    }

    private static void wrapParagraph(String p, PDFont font, float size, float width, List<String> lines) {
        String rest = p.strip();
        if (rest.isEmpty()) {
            lines.add("");
            return;
        }
        while (!rest.isEmpty()) {
            if (width(font, size, rest) <= width) {
                lines.add(rest);
                return;
            }
            int cut = rest.length();
            while (cut > 1 && width(font, size, rest.substring(0, cut)) > width) {
                int space = rest.lastIndexOf(' ', cut - 1);
                cut = space > 0 ? space : cut - 1;
            }
            lines.add(rest.substring(0, cut).stripTrailing());
            rest = rest.substring(cut).strip();
        }
    }

    /** {@code s} (clean) cut to {@code width}, ending in … when cut. */
    static String fit(String s, PDFont font, float size, float width) {
        if (width(font, size, s) <= width) {
            return s;
        }
        String t = s;
        while (t.length() > 1 && width(font, size, t + "…") > width) {
            t = t.substring(0, t.length() - 1);
        }
        return t + "…";
    }

    /** Shows one clean line with its baseline at {@code x}, {@code y}. */
    static void show(PDPageContentStream cs, PDFont font, float size, float x, float y, String clean)
            throws IOException {
        cs.beginText();
        cs.setFont(font, size);
        cs.newLineAtOffset(x, y);
        cs.showText(clean);
        cs.endText();
    }
}
