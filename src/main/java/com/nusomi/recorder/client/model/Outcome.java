package com.nusomi.recorder.client.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Verdict of a stopped session; {@code null} on a session while created or recording. */
public enum Outcome {
    @JsonProperty("success")
    SUCCESS("success"),
    @JsonProperty("error")
    ERROR("error"),
    @JsonProperty("abandoned")
    ABANDONED("abandoned"),
    /** An outcome this client does not know (a newer server). */
    @JsonEnumDefaultValue
    UNKNOWN("unknown");

    private final String wireValue;

    Outcome(String wireValue) {
        this.wireValue = wireValue;
    }

    /** The value as written in JSON and query strings. */
    public String wireValue() {
        return wireValue;
    }
}
