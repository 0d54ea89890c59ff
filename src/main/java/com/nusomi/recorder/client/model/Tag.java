package com.nusomi.recorder.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.Map;

/** A named marker on a session, with optional JSON data. {@code offsetMs} is null if the session never started. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Tag(String id, String sessionId, String name, Map<String, Object> data, Instant createdAt,
                  Long offsetMs) {
    public Tag {
        data = Copies.map(data);
    }
}
