package com.nusomi.recorder.server.store;

/** A tag on a session; {@code data} is compact JSON text, {@code offsetMs} null when the session never started. */
public record TagRecord(String id, String sessionId, String name, String data, long createdAt, Long offsetMs) {
}
