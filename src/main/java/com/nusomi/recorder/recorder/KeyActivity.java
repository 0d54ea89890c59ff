package com.nusomi.recorder.recorder;

import com.nusomi.recorder.client.request.EventInput;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Sums up a burst of typing into one {@code key} event: {@code {"keys": 12, "modifiers": ["ctrl"]}}. The
 * characters are kept (as {@code "text"}) only when asked to. The event's id and time are those of the burst's
 * first key. Not thread-safe: used on the recording's worker thread.
 */
final class KeyActivity {
    private static final int MAX_TEXT = 1000;

    private final boolean keepText;
    private String id;
    private Instant firstAt;
    private int keys;
    private final Set<String> modifiers = new TreeSet<>();
    private final StringBuilder text = new StringBuilder();

    KeyActivity(boolean keepText) {
        this.keepText = keepText;
    }

    void pressed(Instant at, boolean modifierKey, Set<String> held) {
        if (id == null) {
            id = EventInput.newId();
            firstAt = at;
        }
        if (!modifierKey) {
            keys++;
        }
        if (keys > 0) {
            modifiers.addAll(held);
        }
    }

    void typed(char c) {
        if (keepText && id != null && text.length() < MAX_TEXT) {
            text.append(c);
        }
    }

    boolean isFull() {
        return keepText && text.length() >= MAX_TEXT;
    }

    /** The burst as an event (null if no key other than modifiers was pressed), and a fresh start. */
    EventInput flush() {
        EventInput out = null;
        if (id != null && keys > 0) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("keys", keys);
            data.put("modifiers", List.copyOf(modifiers));
            if (keepText) {
                data.put("text", text.toString());
            }
            out = EventInput.builder("key").id(id).at(firstAt).data(data).build();
        }
        id = null;
        firstAt = null;
        keys = 0;
        modifiers.clear();
        text.setLength(0);
        return out;
    }
}
