package com.nusomi.recorder.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Server health: {@code status} is "ok" when up. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Health(String status, String version) {
    public boolean isOk() {
        return "ok".equals(status);
    }
}
