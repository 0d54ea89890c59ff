package com.nusomi.recorder.ui.common;

import com.nusomi.recorder.client.model.Outcome;

/** What the operator says about a run when stopping it; {@link #SERVER_DECIDES} sends no verdict tag. */
public enum Verdict {
    SUCCESS("Success", Outcome.SUCCESS),
    ERROR("Error", Outcome.ERROR),
    ABANDONED("Abandoned", Outcome.ABANDONED),
    SERVER_DECIDES("Let the server decide", null);

    private final String label;
    private final Outcome outcome;

    Verdict(String label, Outcome outcome) {
        this.label = label;
        this.outcome = outcome;
    }

    public String label() {
        return label;
    }

    /** The outcome to tag, or null for none. */
    public Outcome outcome() {
        return outcome;
    }
}
