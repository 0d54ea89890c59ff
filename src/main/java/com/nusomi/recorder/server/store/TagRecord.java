package com.nusomi.recorder.server.store;

/**
 * A tag on a session; {@code data} is compact JSON text, {@code offsetMs} null when the session never started.
 * {@code addedByKeyId} is the API key that added it (null for tags from before keys were recorded, or added without
 * a key); {@code addedByLabel} is that key's label as read with the tag, not stored with it.
 */
public record TagRecord(
        String id,
        String sessionId,
        String name,
        String data,
        long createdAt,
        Long offsetMs,
        String addedByKeyId,
        String addedByLabel) {

    /** A tag with no recorded author. */
    public TagRecord(String id, String sessionId, String name, String data, long createdAt, Long offsetMs) {
        this(id, sessionId, name, data, createdAt, offsetMs, null, null);
    }
}
