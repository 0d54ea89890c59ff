package com.nusomi.recorder.server.store;

/** Audit entries newest first; {@code beforeId} is the last id of the previous page (exclusive). */
public record AuditQuery(String sessionId, String action, String beforeId, int limit) {}
