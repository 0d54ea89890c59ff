package com.nusomi.recorder.export.steps;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Sums up consecutive {@code key} events ({@code {"keys": 12, "modifiers": ["ctrl"], "text": "…"}}) into one
 * caption: {@code Typed 12 keys}, {@code Typed 3 keys (with Ctrl held)}, {@code Pressed a Ctrl shortcut}; when the
 * characters were recorded, {@code Typed "hello"} or a shortcut such as {@code Ctrl+S}. Never invents characters
 * that were not recorded.
 */
final class KeySummary {
    private static final int MAX_SHOWN = 200;
    private static final List<String> ORDER = List.of("ctrl", "alt", "shift", "meta");

    private long keys;
    private final Set<String> modifiers = new TreeSet<>();
    private final StringBuilder text = new StringBuilder();
    private boolean hasText;

    boolean isEmpty() {
        return keys == 0;
    }

    /** Adds one {@code key} event's data. */
    void add(Map<String, Object> data) {
        keys += data.get("keys") instanceof Number n ? Math.max(0, n.longValue()) : 0;
        if (data.get("modifiers") instanceof List<?> held) {
            held.forEach(m -> modifiers.add(String.valueOf(m).toLowerCase(Locale.ROOT)));
        }
        if (data.get("text") instanceof String s) {
            hasText = true;
            if (text.length() < MAX_SHOWN * 4) {
                text.append(s);
            }
        }
    }

    boolean hasText() {
        return hasText;
    }

    /** The caption; call only when not empty. */
    String caption() {
        if (hasText && text.length() > 0) {
            return typed(text);
        }
        List<String> chord = chordModifiers();
        if (chord.isEmpty()) {
            return keys == 1 ? "Typed 1 key" : "Typed " + keys + " keys";
        }
        String held = String.join("+", chord);
        return keys == 1 ? "Pressed a " + held + " shortcut" : "Typed " + keys + " keys (with " + held + " held)";
    }

    /** Ctrl, Alt and Meta (with Shift when one of them is there): what makes a press a shortcut. */
    private List<String> chordModifiers() {
        boolean chord = modifiers.contains("ctrl") || modifiers.contains("alt") || modifiers.contains("meta");
        List<String> out = new ArrayList<>();
        if (chord) {
            for (String m : ORDER) {
                if (modifiers.contains(m)) {
                    out.add(Character.toUpperCase(m.charAt(0)) + m.substring(1));
                }
            }
        }
        return out;
    }

    /** The recorded characters: control characters as their keys ({@code Ctrl+S}, {@code Enter}). */
    private String typed(CharSequence chars) {
        List<String> tokens = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < chars.length(); i++) {
            String key = keyName(chars.charAt(i));
            if (key == null) {
                literal.append(chars.charAt(i));
            } else {
                if (literal.length() > 0) {
                    tokens.add(quote(literal));
                    literal.setLength(0);
                }
                tokens.add(key);
            }
        }
        if (literal.length() > 0) {
            tokens.add(quote(literal));
        }
        String joined = String.join(", ", tokens);
        if (joined.length() > MAX_SHOWN) {
            joined = joined.substring(0, MAX_SHOWN) + "…";
        }
        return tokens.size() == 1 && !tokens.get(0).startsWith("\"") ? joined : "Typed " + joined;
    }

    private static String quote(CharSequence s) {
        return "\"" + s + "\"";
    }

    private static String keyName(char c) {
        return switch (c) {
            case '\n', '\r' -> "Enter";
            case '\t' -> "Tab";
            case '\b' -> "Backspace";
            case 0x1b -> "Esc";
            case 0x7f -> "Delete";
            default -> c >= 1 && c <= 26 ? "Ctrl+" + (char) ('A' + c - 1) : c < 0x20 ? "Ctrl+?" : null;
        };
    }
}
