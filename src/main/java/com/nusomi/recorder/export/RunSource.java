package com.nusomi.recorder.export;

import com.nusomi.recorder.client.model.AuditLogEntry;
import com.nusomi.recorder.client.model.Event;
import com.nusomi.recorder.client.model.Frame;
import com.nusomi.recorder.client.model.FrameImage;
import com.nusomi.recorder.client.model.Session;

/**
 * One recorded run as an exporter reads it: the session (with its tags), and its events, frames and audit entries
 * walked in order, a page at a time, so that a run of any length never sits in memory whole. Frame bytes are read
 * one frame at a time.
 */
public interface RunSource {
    /** The session with its tags (and, from {@link ClientRunSource}, its frames summary). */
    Session session();

    /** The run's events in order of time. */
    Iterable<Event> events();

    /** The run's frames in order of their sequence number. */
    Iterable<Frame> frames();

    /** The image of one frame (with whatever masks and redactions it carries). */
    FrameImage image(Frame frame);

    /** The session's audit entries, oldest first; empty when the key may not read the audit log. */
    Iterable<AuditLogEntry> auditEntries();
}
