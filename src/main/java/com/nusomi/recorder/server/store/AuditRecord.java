package com.nusomi.recorder.server.store;

/** One audit log entry; {@code details} is compact JSON text. Entries outlive their session. */
public record AuditRecord(String id, long at, String action, String sessionId, String apiKeyId, String details) {}
