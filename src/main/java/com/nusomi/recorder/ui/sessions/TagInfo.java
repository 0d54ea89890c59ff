package com.nusomi.recorder.ui.sessions;

import com.nusomi.recorder.client.model.Session;
import com.nusomi.recorder.client.model.Tag;

/**
 * What the screen says of a tag beside its name: who added it ({@code added_by} [ext]: the key's label, else its id,
 * else nothing) and when, in the run's recorded time or "after the run" for one added once the run was over (its
 * offset past the recorded duration, or its time after the stop). Plain Java.
 */
final class TagInfo {
    static final String AFTER_THE_RUN = "after the run";

    private TagInfo() {}

    /** The key that added the tag: its label, else its id; blank when the server does not say. */
    static String author(Tag t) {
        Tag.AddedBy by = t.addedBy();
        if (by == null) {
            return "";
        }
        if (by.label() != null && !by.label().isBlank()) {
            return by.label();
        }
        return by.keyId() == null ? "" : by.keyId();
    }

    /** True for a tag added once the run was over: after the stop, or at an offset past the recorded duration. */
    static boolean afterRun(Tag t, Session s, RecordedTime time) {
        if (s == null || s.stoppedAt() == null) {
            return false;
        }
        if (t.createdAt() != null && t.createdAt().isAfter(s.stoppedAt())) {
            return true;
        }
        Long at = time.recorded(t.offsetMs());
        return at != null && at > s.recordedMs();
    }

    /** The tag's moment in the run ("+00:01:05"), "after the run", or blank when the session never started. */
    static String when(Tag t, Session s, RecordedTime time) {
        return afterRun(t, s, time) ? AFTER_THE_RUN : Formats.offset(time.recorded(t.offsetMs()));
    }
}
