package com.nusomi.recorder.server.store;

import java.util.Set;

/** A stored API key: only its SHA-256 hash and a short hint are kept, never the key itself. */
public record ApiKeyRecord(
        String id, String keyHash, String hint, Set<String> scopes, String label, long createdAt, Long revokedAt) {

    public boolean isRevoked() {
        return revokedAt != null;
    }
}
