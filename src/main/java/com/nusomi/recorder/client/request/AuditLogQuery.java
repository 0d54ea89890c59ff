package com.nusomi.recorder.client.request;

/** Filters of {@code GET /v1/audit_logs} [ext]: a session id and/or an action such as {@code session.deleted}. */
public record AuditLogQuery(String sessionId, String action, Integer limit, String cursor) {
    public static AuditLogQuery all() {
        return new AuditLogQuery(null, null, null, null);
    }

    public static AuditLogQuery forSession(String sessionId) {
        return new AuditLogQuery(sessionId, null, null, null);
    }

    public AuditLogQuery withAction(String action) {
        return new AuditLogQuery(sessionId, action, limit, cursor);
    }

    public AuditLogQuery withLimit(Integer limit) {
        return new AuditLogQuery(sessionId, action, limit, cursor);
    }

    public AuditLogQuery withCursor(String cursor) {
        return new AuditLogQuery(sessionId, action, limit, cursor);
    }
}
