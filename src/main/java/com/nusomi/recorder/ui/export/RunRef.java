package com.nusomi.recorder.ui.export;

import com.nusomi.recorder.client.model.Session;

/** A run to export: its session id and workflow (for file names and for people). */
public record RunRef(String id, String workflow) {
    /** The run of {@code session}. */
    public static RunRef of(Session session) {
        return new RunRef(session.id(), session.workflow());
    }

    /** "invoice_entry (ses_…)". */
    public String label() {
        return workflow + " (" + id + ")";
    }
}
