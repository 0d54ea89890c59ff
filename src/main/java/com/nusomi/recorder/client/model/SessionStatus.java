package com.nusomi.recorder.client.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Lifecycle status of a session: created → recording → stopped → sealed. */
public enum SessionStatus {
    @JsonProperty("created")
    CREATED("created"),
    @JsonProperty("recording")
    RECORDING("recording"),
    @JsonProperty("stopped")
    STOPPED("stopped"),
    @JsonProperty("sealed")
    SEALED("sealed"),
    /** A status this client does not know (a newer server). */
    @JsonEnumDefaultValue
    UNKNOWN("unknown");

    private final String wireValue;

    SessionStatus(String wireValue) {
        this.wireValue = wireValue;
    }

    /** The value as written in JSON and query strings. */
    public String wireValue() {
        return wireValue;
    }
}
