package com.nusomi.recorder.client.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Why a session stopped (local server only; {@code null} while not stopped or on the hosted API). */
public enum StopReason {
    @JsonProperty("stop")
    STOP,
    @JsonProperty("batch_stop")
    BATCH_STOP,
    @JsonProperty("delete")
    DELETE,
    /** Stopped by the server's auto-stop policy: left recording too long [ext]. */
    @JsonProperty("abandoned")
    ABANDONED,
    /** A reason this client does not know (a newer server). */
    @JsonEnumDefaultValue
    UNKNOWN
}
