package com.nusomi.recorder.server.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The SQL of API keys: found by the hash of the key, listed, added, revoked. */
final class KeyStatements {
    private final SqlRunner sql;

    KeyStatements(SqlRunner sql) {
        this.sql = sql;
    }

    Optional<ApiKeyRecord> findByHash(String keyHash) {
        return sql.queryOne(
                "SELECT id, key_hash, hint, scopes, label, created_at, revoked_at FROM api_keys "
                        + "WHERE key_hash = ?",
                KeyStatements::key,
                keyHash);
    }

    List<ApiKeyRecord> list() {
        return sql.query(
                "SELECT id, key_hash, hint, scopes, label, created_at, revoked_at FROM api_keys "
                        + "ORDER BY created_at, id",
                KeyStatements::key);
    }

    void insert(ApiKeyRecord k) {
        sql.update(
                "INSERT INTO api_keys (id, key_hash, hint, scopes, label, created_at, revoked_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)",
                k.id(),
                k.keyHash(),
                k.hint(),
                String.join(",", k.scopes()),
                k.label(),
                k.createdAt(),
                k.revokedAt());
    }

    boolean revoke(String id, long at) {
        return sql.update("UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", at, id) == 1;
    }

    private static ApiKeyRecord key(ResultSet rs) throws SQLException {
        Set<String> scopes = new LinkedHashSet<>(Arrays.asList(rs.getString(4).split(",")));
        return new ApiKeyRecord(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                Collections.unmodifiableSet(scopes),
                rs.getString(5),
                rs.getLong(6),
                SqlRunner.nullableLong(rs, 7));
    }
}
