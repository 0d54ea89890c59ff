package com.nusomi.recorder.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.Map;

/** One audit log entry, e.g. action {@code session.created}. Entries outlive their session. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AuditLogEntry(
        String id, Instant at, String action, String sessionId, String apiKeyId, Map<String, Object> details) {
    public AuditLogEntry {
        details = Copies.map(details);
    }
}
