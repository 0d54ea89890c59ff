package com.nusomi.recorder.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.Map;

/**
 * A named marker on a session, with optional JSON data. {@code offsetMs} is null if the session never started.
 * {@code addedBy} [ext] is the API key that added it; null when unknown (a server that does not say, or a tag
 * older than the server's record of it).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Tag(
        String id,
        String sessionId,
        String name,
        Map<String, Object> data,
        Instant createdAt,
        Long offsetMs,
        AddedBy addedBy) {
    public Tag {
        data = Copies.map(data);
    }

    /** A tag with no known author. */
    public Tag(String id, String sessionId, String name, Map<String, Object> data, Instant createdAt, Long offsetMs) {
        this(id, sessionId, name, data, createdAt, offsetMs, null);
    }

    /** The API key that added a tag [ext]: its id, and its label (null when the key has none). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AddedBy(String keyId, String label) {}
}
