package com.nusomi.recorder.server.store;

import java.util.ArrayList;
import java.util.List;

/** The SQL of the audit log: entries added, listed newest first; they outlive their session. */
final class AuditStatements {
    private final SqlRunner sql;

    AuditStatements(SqlRunner sql) {
        this.sql = sql;
    }

    List<AuditRecord> list(AuditQuery q) {
        StringBuilder query =
                new StringBuilder("SELECT id, at, action, session_id, api_key_id, details " + "FROM audit_logs");
        List<Object> params = new ArrayList<>();
        List<String> where = new ArrayList<>();
        if (q.sessionId() != null) {
            where.add("session_id = ?");
            params.add(q.sessionId());
        }
        if (q.action() != null) {
            where.add((q.sessionId() != null ? sql.dialect().unindexed("action") : "action") + " = ?");
            params.add(q.action());
        }
        if (q.beforeId() != null) {
            where.add("id < ?");
            params.add(q.beforeId());
        }
        if (!where.isEmpty()) {
            query.append(" WHERE ").append(String.join(" AND ", where));
        }
        query.append(" ORDER BY id DESC LIMIT ?");
        params.add(q.limit() + 1);
        return sql.query(
                query.toString(),
                rs -> new AuditRecord(
                        rs.getString(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6)),
                params.toArray());
    }

    void insert(AuditRecord a) {
        sql.update(
                "INSERT INTO audit_logs (id, at, action, session_id, api_key_id, details) VALUES (?, ?, ?, ?, ?, ?)",
                a.id(),
                a.at(),
                a.action(),
                a.sessionId(),
                a.apiKeyId(),
                a.details());
    }
}
