package com.nusomi.recorder.recorder.spool;

import java.util.Locale;

/** What a journal entry carries. */
public enum EntryKind {
    /** One JPEG frame with its seq and capture time. */
    FRAME,
    /** A batch of 1–500 events. */
    EVENTS,
    /** One tag (name and optional JSON data). */
    TAG,
    /** The session's stop; always the last entry. */
    STOP;

    String fileTag() {
        return name().toLowerCase(Locale.ROOT);
    }

    static EntryKind ofFileTag(String tag) {
        return valueOf(tag.toUpperCase(Locale.ROOT));
    }
}
