package com.nusomi.recorder.ui.review;

import com.nusomi.recorder.client.model.Event;
import com.nusomi.recorder.ui.sessions.TimelineMarkers.EventMarker;
import com.nusomi.recorder.ui.sessions.TimelineMarkers.TagMark;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What happened around each frame, to draw on it: every event and tag belongs to the first frame at or after it
 * (the frame that shows its effect; those after the last frame to the last). Clicks inside the captured area carry
 * their position in frame pixels ({@code frame_x}, {@code frame_y}) and become rings; key activity, notes, errors and
 * tags become caption lines ("12 keys, Ctrl", "Note: …", "Tag: …"). Also tells whether a stretch of time is quiet
 * (no event, no tag), for skipping idle time. Plain Java.
 */
final class FrameOverlays {
    /** A click at a position in frame pixels. */
    record Click(double x, double y, String button) {}

    /** What to draw on one frame. */
    record Overlay(List<Click> clicks, List<String> captions) {
        static final Overlay NONE = new Overlay(List.of(), List.of());
    }

    static final FrameOverlays EMPTY = new FrameOverlays(new long[0], List.of(), List.of());
    private static final int MAX_TEXT = 80;

    private final long[] offsets;
    private final List<EventMarker> events;
    private final List<TagMark> tags;
    /** Every event's and tag's offset, ascending. */
    private final long[] activity;

    FrameOverlays(long[] offsets, List<EventMarker> events, List<TagMark> tags) {
        this.offsets = offsets;
        this.events = List.copyOf(events);
        this.tags = List.copyOf(tags);
        activity = new long[events.size() + tags.size()];
        int n = 0;
        for (EventMarker e : events) {
            activity[n++] = e.offsetMs();
        }
        for (TagMark t : tags) {
            activity[n++] = t.offsetMs();
        }
        Arrays.sort(activity);
    }

    /** What belongs to frame {@code i}: what happened after the frame before it, up to this one. */
    Overlay at(int i) {
        if (i < 0 || i >= offsets.length) {
            return Overlay.NONE;
        }
        long from = i == 0 ? Long.MIN_VALUE : offsets[i - 1];
        long to = i == offsets.length - 1 ? Long.MAX_VALUE : offsets[i];
        List<Click> clicks = new ArrayList<>();
        List<String> captions = new ArrayList<>();
        long keys = 0;
        boolean typed = false;
        Set<String> combos = new LinkedHashSet<>();
        StringBuilder text = new StringBuilder();
        for (EventMarker m : events) {
            if (m.offsetMs() <= from || m.offsetMs() > to) {
                continue;
            }
            Event e = m.event();
            Map<String, Object> data = e.data() == null ? Map.of() : e.data();
            switch (e.type() == null ? "" : e.type()) {
                case "click" -> {
                    if (data.get("frame_x") instanceof Number fx && data.get("frame_y") instanceof Number fy) {
                        clicks.add(new Click(
                                fx.doubleValue(), fy.doubleValue(), String.valueOf(data.getOrDefault("button", ""))));
                    }
                }
                case "key" -> {
                    typed = true;
                    keys += data.get("keys") instanceof Number k ? k.longValue() : 1;
                    String combo = combo(data.get("modifiers"), data.get("key"));
                    if (!combo.isEmpty()) {
                        combos.add(combo);
                    }
                    if (data.get("text") instanceof String t) {
                        text.append(t);
                    }
                }
                case "note" -> captions.add("Note: " + shorten(data.get("text")));
                case "error" -> captions.add("Error: " + shorten(data.get("message")));
                default -> {}
            }
        }
        if (typed) {
            captions.add(0, keyCaption(keys, combos, text.toString()));
        }
        for (TagMark t : tags) {
            if (t.offsetMs() > from && t.offsetMs() <= to) {
                captions.add("Tag: " + t.tag().name());
            }
        }
        return new Overlay(List.copyOf(clicks), List.copyOf(captions));
    }

    /** "Ctrl+Shift" from a key event's modifiers, "Ctrl+S" when it names its key too; blank for neither. */
    static String combo(Object modifiers, Object key) {
        Set<String> parts = new TreeSet<>();
        if (modifiers instanceof List<?> mods) {
            mods.forEach(mod -> parts.add(capitalise(String.valueOf(mod))));
        }
        String keyName = key instanceof String k && !k.isBlank() ? shorten(k) : "";
        String mods = String.join("+", parts);
        return mods.isEmpty() || keyName.isEmpty() ? mods + keyName : mods + "+" + keyName;
    }

    /** "12 keys, Ctrl+S, Shift: “abc”": how many keys, the distinct combinations, the text when it was kept. */
    static String keyCaption(long keys, Set<String> combos, String text) {
        return keys
                + (keys == 1 ? " key" : " keys")
                + (combos.isEmpty() ? "" : ", " + String.join(", ", combos))
                + (text.isEmpty() ? "" : ": \u201c" + shorten(text) + "\u201d");
    }

    /** True if no event and no tag lies strictly between {@code from} and {@code to}. */
    boolean quiet(long from, long to) {
        int i = Arrays.binarySearch(activity, from);
        int next = i >= 0 ? i : -i - 1;
        while (next < activity.length && activity[next] == from) {
            next++;
        }
        return next >= activity.length || activity[next] >= to;
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    private static String shorten(Object value) {
        String s = value == null ? "" : String.valueOf(value).strip();
        return s.length() <= MAX_TEXT ? s : s.substring(0, MAX_TEXT - 1) + "\u2026";
    }
}
