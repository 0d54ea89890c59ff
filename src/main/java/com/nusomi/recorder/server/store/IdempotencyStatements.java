package com.nusomi.recorder.server.store;

import java.util.Optional;

/** The SQL of idempotency records: per API key, the first response to each idempotency key, for a while. */
final class IdempotencyStatements {
    private final SqlRunner sql;

    IdempotencyStatements(SqlRunner sql) {
        this.sql = sql;
    }

    Optional<IdempotencyRecord> find(String apiKeyId, String key) {
        return sql.queryOne(
                "SELECT api_key_id, idem_key, fingerprint, status, content_type, body, created_at "
                        + "FROM idempotency_keys WHERE api_key_id = ? AND idem_key = ?",
                rs -> new IdempotencyRecord(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getInt(4),
                        rs.getString(5),
                        rs.getBytes(6),
                        rs.getLong(7)),
                apiKeyId,
                key);
    }

    void save(IdempotencyRecord r) {
        sql.update(
                "INSERT INTO idempotency_keys (api_key_id, idem_key, fingerprint, status, content_type, body, "
                        + "created_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (api_key_id, idem_key) DO UPDATE SET "
                        + "fingerprint = excluded.fingerprint, status = excluded.status, "
                        + "content_type = excluded.content_type, body = excluded.body, created_at = excluded.created_at",
                r.apiKeyId(),
                r.key(),
                r.fingerprint(),
                r.status(),
                r.contentType(),
                r.body(),
                r.createdAt());
    }

    int deleteBefore(long createdBefore) {
        return sql.update("DELETE FROM idempotency_keys WHERE created_at < ?", createdBefore);
    }
}
