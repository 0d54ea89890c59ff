package com.nusomi.recorder.client.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Who ran a session. */
public enum ActorKind {
    @JsonProperty("human")
    HUMAN("human"),
    @JsonProperty("model")
    MODEL("model"),
    @JsonProperty("script")
    SCRIPT("script"),
    /** A kind this client does not know (a newer server). */
    @JsonEnumDefaultValue
    UNKNOWN("unknown");

    private final String wireValue;

    ActorKind(String wireValue) {
        this.wireValue = wireValue;
    }

    /** The value as written in JSON and query strings. */
    public String wireValue() {
        return wireValue;
    }
}
