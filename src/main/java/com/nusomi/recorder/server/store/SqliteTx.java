package com.nusomi.recorder.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The SQL of the store, run on one connection inside one transaction. */
final class SqliteTx implements StoreWriter {
    static final String SESSION_COLUMNS = "id, workflow, status, outcome, stop_reason, metadata, actor_id, actor_kind, "
            + "created_at, started_at, stopped_at, deleted_at, purge_at, frame_count, event_count, tag_count, "
            + "error_events, paused_ms, paused_since";

    private final Connection c;

    SqliteTx(Connection c) {
        this.c = c;
    }

    // ---- sessions ---------------------------------------------------------------------------------------------

    @Override
    public Optional<SessionRecord> findSession(String id) {
        return queryOne("SELECT " + SESSION_COLUMNS + " FROM sessions WHERE id = ?", SqliteTx::session, id);
    }

    @Override
    public List<SessionRecord> listSessions(SessionQuery q) {
        SessionListSql sql = SessionListSql.build(q);
        return query(sql.sql(), SqliteTx::session, sql.params().toArray());
    }

    @Override
    public void insertSession(SessionRecord s) {
        update("INSERT INTO sessions (" + SESSION_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                        + "?, ?, ?)",
                s.id(), s.workflow(), s.status(), s.outcome(), s.stopReason(), s.metadata(), s.actorId(),
                s.actorKind(), s.createdAt(), s.startedAt(), s.stoppedAt(), s.deletedAt(), s.purgeAt(),
                s.frameCount(), s.eventCount(), s.tagCount(), s.errorEvents(), s.pausedMs(), s.pausedSince());
    }

    @Override
    public void updateSession(SessionRecord s) {
        update("UPDATE sessions SET status = ?, outcome = ?, stop_reason = ?, started_at = ?, stopped_at = ?, "
                        + "deleted_at = ?, purge_at = ?, frame_count = ?, event_count = ?, tag_count = ?, "
                        + "error_events = ?, paused_ms = ?, paused_since = ? WHERE id = ?",
                s.status(), s.outcome(), s.stopReason(), s.startedAt(), s.stoppedAt(), s.deletedAt(), s.purgeAt(),
                s.frameCount(), s.eventCount(), s.tagCount(), s.errorEvents(), s.pausedMs(), s.pausedSince(), s.id());
    }

    @Override
    public void setTagNamesDeleted(String sessionId, boolean deleted) {
        update("UPDATE session_tag_names SET deleted = ? WHERE session_id = ?", deleted ? 1 : 0, sessionId);
    }

    @Override
    public List<String> deleteSessionData(String sessionId) {
        List<String> hashes = query("SELECT DISTINCT sha256 FROM frames WHERE session_id = ?", rs -> rs.getString(1),
                sessionId);
        update("DELETE FROM tags WHERE session_id = ?", sessionId);
        update("DELETE FROM session_tag_names WHERE session_id = ?", sessionId);
        update("DELETE FROM events WHERE session_id = ?", sessionId);
        update("DELETE FROM frames WHERE session_id = ?", sessionId);
        update("DELETE FROM sessions WHERE id = ?", sessionId);
        return hashes.stream().filter(h -> !isImageReferenced(h)).toList();
    }

    @Override
    public List<String> sessionsToSeal(int limit) {
        return query("SELECT id FROM sessions WHERE status = 'stopped' ORDER BY stopped_at LIMIT ?",
                rs -> rs.getString(1), limit);
    }

    @Override
    public List<String> sessionsDueForPurge(long now, int limit) {
        return query("SELECT id FROM sessions WHERE purge_at IS NOT NULL AND purge_at <= ? ORDER BY purge_at LIMIT ?",
                rs -> rs.getString(1), now, limit);
    }

    // ---- tags, events, frames ---------------------------------------------------------------------------------

    /** A session's tags with their author: the key's label is the one it has now (keys are found by id). */
    private static final String TAG_SELECT = "SELECT t.id, t.session_id, t.name, t.data, t.created_at, t.offset_ms, "
            + "t.added_by_key_id, k.label FROM tags t LEFT JOIN api_keys k ON k.id = t.added_by_key_id "
            + "WHERE t.session_id = ? ";

    @Override
    public List<TagRecord> tagsOf(String sessionId) {
        return query(TAG_SELECT + "ORDER BY t.created_at, t.id", SqliteTx::tag, sessionId);
    }

    @Override
    public List<TagRecord> tagsOf(String sessionId, int limit) {
        return query(TAG_SELECT + "ORDER BY t.created_at, t.id LIMIT ?", SqliteTx::tag, sessionId, limit);
    }

    @Override
    public void insertTag(TagRecord t, long sessionCreatedAt) {
        update("INSERT INTO tags (id, session_id, name, data, created_at, offset_ms, added_by_key_id) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)",
                t.id(), t.sessionId(), t.name(), t.data(), t.createdAt(), t.offsetMs(), t.addedByKeyId());
        update("INSERT INTO session_tag_names (name, session_id, session_created_at, deleted) VALUES (?, ?, ?, 0) "
                + "ON CONFLICT (name, session_id) DO NOTHING", t.name(), t.sessionId(), sessionCreatedAt);
        update("UPDATE sessions SET tag_count = tag_count + 1 WHERE id = ?", t.sessionId());
    }

    @Override
    public List<EventRecord> eventsOf(String sessionId, int limit) {
        return query("SELECT session_id, id, type, at, offset_ms, data FROM events WHERE session_id = ? "
                + "ORDER BY at, id LIMIT ?", SqliteTx::event, sessionId, limit);
    }

    @Override
    public FramesSummary framesSummary(String sessionId) {
        Optional<FramesSummary> head = queryOne("SELECT COUNT(*), MIN(captured_at), MAX(captured_at), "
                + "COALESCE(SUM(bytes), 0) FROM frames WHERE session_id = ?", rs -> new FramesSummary(rs.getLong(1),
                nullableLong(rs, 2), nullableLong(rs, 3), rs.getLong(4), null, null, List.of()), sessionId);
        FramesSummary h = head.orElse(FramesSummary.empty());
        if (h.count() == 0) {
            return FramesSummary.empty();
        }
        Optional<int[]> size = queryOne("SELECT width, height FROM frames WHERE session_id = ? AND width IS NOT NULL "
                + "ORDER BY seq DESC LIMIT 1", rs -> new int[] {rs.getInt(1), rs.getInt(2)}, sessionId);
        List<Long> seqs = query("SELECT seq FROM frames WHERE session_id = ? ORDER BY seq", rs -> rs.getLong(1),
                sessionId);
        List<Long> thumbs = new ArrayList<>();
        int n = seqs.size();
        int want = Math.min(12, n);
        for (int i = 0; i < want; i++) {
            long seq = seqs.get(want == 1 ? 0 : (int) Math.round(i * (n - 1) / (double) (want - 1)));
            if (thumbs.isEmpty() || thumbs.get(thumbs.size() - 1) != seq) {
                thumbs.add(seq);
            }
        }
        return new FramesSummary(h.count(), h.firstAt(), h.lastAt(), h.totalBytes(),
                size.map(a -> a[0]).orElse(null), size.map(a -> a[1]).orElse(null), List.copyOf(thumbs));
    }

    private static final String FRAME_COLUMNS =
            "session_id, seq, captured_at, offset_ms, width, height, content_type, bytes, sha256";

    @Override
    public Optional<FrameRecord> findFrame(String sessionId, long seq) {
        return queryOne("SELECT " + FRAME_COLUMNS + " FROM frames WHERE session_id = ? AND seq = ?", SqliteTx::frame,
                sessionId, seq);
    }

    @Override
    public List<FrameRecord> listFrames(String sessionId, Long afterSeq, int limit) {
        if (afterSeq == null) {
            return query("SELECT " + FRAME_COLUMNS + " FROM frames WHERE session_id = ? ORDER BY seq LIMIT ?",
                    SqliteTx::frame, sessionId, limit + 1);
        }
        return query("SELECT " + FRAME_COLUMNS + " FROM frames WHERE session_id = ? AND seq > ? ORDER BY seq LIMIT ?",
                SqliteTx::frame, sessionId, afterSeq, limit + 1);
    }

    @Override
    public boolean isImageReferenced(String sha256) {
        return queryOne("SELECT 1 FROM frames WHERE sha256 = ? LIMIT 1", rs -> true, sha256).isPresent();
    }

    @Override
    public void insertFrame(FrameRecord f) {
        update("INSERT INTO frames (" + FRAME_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", f.sessionId(), f.seq(),
                f.capturedAt(), f.offsetMs(), f.width(), f.height(), f.contentType(), f.bytes(), f.sha256());
    }

    @Override
    public List<EventRecord> listEvents(String sessionId, List<String> types, Long afterAt, String afterId,
                                        int limit) {
        StringBuilder sql = new StringBuilder("SELECT session_id, id, type, at, offset_ms, data FROM events "
                + "WHERE session_id = ?");
        List<Object> params = new ArrayList<>();
        params.add(sessionId);
        if (!types.isEmpty()) {
            sql.append(" AND type IN (SELECT value FROM json_each(?))");
            params.add(SessionListSql.jsonArray(types));
        }
        if (afterId != null) {
            sql.append(" AND (at, id) > (?, ?)");
            params.add(afterAt);
            params.add(afterId);
        }
        sql.append(" ORDER BY at, id LIMIT ?");
        params.add(limit + 1);
        return query(sql.toString(), SqliteTx::event, params.toArray());
    }

    @Override
    public boolean hasEvent(String sessionId, String eventId) {
        return queryOne("SELECT 1 FROM events WHERE session_id = ? AND id = ?", rs -> true, sessionId, eventId)
                .isPresent();
    }

    @Override
    public boolean insertEvent(EventRecord e) {
        return update("INSERT INTO events (session_id, id, type, at, offset_ms, data) VALUES (?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (session_id, id) DO NOTHING", e.sessionId(), e.id(), e.type(), e.at(), e.offsetMs(),
                e.data()) == 1;
    }

    // ---- keys, audit, idempotency -----------------------------------------------------------------------------

    @Override
    public Optional<ApiKeyRecord> findKeyByHash(String keyHash) {
        return queryOne("SELECT id, key_hash, hint, scopes, label, created_at, revoked_at FROM api_keys "
                + "WHERE key_hash = ?", SqliteTx::key, keyHash);
    }

    @Override
    public List<ApiKeyRecord> listKeys() {
        return query("SELECT id, key_hash, hint, scopes, label, created_at, revoked_at FROM api_keys "
                + "ORDER BY created_at, id", SqliteTx::key);
    }

    @Override
    public void insertKey(ApiKeyRecord k) {
        update("INSERT INTO api_keys (id, key_hash, hint, scopes, label, created_at, revoked_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)", k.id(), k.keyHash(), k.hint(), String.join(",", k.scopes()),
                k.label(), k.createdAt(), k.revokedAt());
    }

    @Override
    public boolean revokeKey(String id, long at) {
        return update("UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", at, id) == 1;
    }

    @Override
    public List<AuditRecord> listAudit(AuditQuery q) {
        StringBuilder sql = new StringBuilder("SELECT id, at, action, session_id, api_key_id, details FROM audit_logs");
        List<Object> params = new ArrayList<>();
        List<String> where = new ArrayList<>();
        if (q.sessionId() != null) {
            where.add("session_id = ?");
            params.add(q.sessionId());
        }
        if (q.action() != null) {
            where.add(q.sessionId() != null ? "+action = ?" : "action = ?");
            params.add(q.action());
        }
        if (q.beforeId() != null) {
            where.add("id < ?");
            params.add(q.beforeId());
        }
        if (!where.isEmpty()) {
            sql.append(" WHERE ").append(String.join(" AND ", where));
        }
        sql.append(" ORDER BY id DESC LIMIT ?");
        params.add(q.limit() + 1);
        return query(sql.toString(), rs -> new AuditRecord(rs.getString(1), rs.getLong(2), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6)), params.toArray());
    }

    @Override
    public void insertAudit(AuditRecord a) {
        update("INSERT INTO audit_logs (id, at, action, session_id, api_key_id, details) VALUES (?, ?, ?, ?, ?, ?)",
                a.id(), a.at(), a.action(), a.sessionId(), a.apiKeyId(), a.details());
    }

    @Override
    public Optional<IdempotencyRecord> findIdempotency(String apiKeyId, String key) {
        return queryOne("SELECT api_key_id, idem_key, fingerprint, status, content_type, body, created_at "
                        + "FROM idempotency_keys WHERE api_key_id = ? AND idem_key = ?",
                rs -> new IdempotencyRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getString(5), rs.getBytes(6), rs.getLong(7)), apiKeyId, key);
    }

    @Override
    public void saveIdempotency(IdempotencyRecord r) {
        update("INSERT INTO idempotency_keys (api_key_id, idem_key, fingerprint, status, content_type, body, "
                        + "created_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (api_key_id, idem_key) DO UPDATE SET "
                        + "fingerprint = excluded.fingerprint, status = excluded.status, "
                        + "content_type = excluded.content_type, body = excluded.body, created_at = excluded.created_at",
                r.apiKeyId(), r.key(), r.fingerprint(), r.status(), r.contentType(), r.body(), r.createdAt());
    }

    @Override
    public int deleteIdempotencyBefore(long createdBefore) {
        return update("DELETE FROM idempotency_keys WHERE created_at < ?", createdBefore);
    }

    // ---- savepoints -------------------------------------------------------------------------------------------

    @Override
    public void savepoint() {
        exec("SAVEPOINT work");
    }

    @Override
    public void rollbackToSavepoint() {
        exec("ROLLBACK TO SAVEPOINT work");
        exec("RELEASE SAVEPOINT work");
    }

    @Override
    public void releaseSavepoint() {
        exec("RELEASE SAVEPOINT work");
    }

    // ---- plumbing ---------------------------------------------------------------------------------------------

    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    void exec(String sql) {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new StoreException(e.getMessage(), e);
        }
    }

    <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(mapper.map(rs));
                }
                return out;
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /**
     * A failed statement: SQLite's own message only. The statement is left out, as it goes into logs, which must not
     * hold whole statements (a list query can run to many kilobytes).
     */
    private static StoreException failure(SQLException e) {
        return new StoreException(e.getMessage(), e);
    }

    <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... params) {
        List<T> rows = query(sql, mapper, params);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    int update(String sql, Object... params) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private static void bind(PreparedStatement ps, Object[] params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p == null) {
                ps.setNull(i + 1, Types.NULL);
            } else if (p instanceof byte[] bytes) {
                ps.setBytes(i + 1, bytes);
            } else {
                ps.setObject(i + 1, p);
            }
        }
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static SessionRecord session(ResultSet rs) throws SQLException {
        return new SessionRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getLong(9),
                nullableLong(rs, 10), nullableLong(rs, 11), nullableLong(rs, 12), nullableLong(rs, 13),
                rs.getLong(14), rs.getLong(15), rs.getLong(16), rs.getLong(17), rs.getLong(18),
                nullableLong(rs, 19));
    }

    private static EventRecord event(ResultSet rs) throws SQLException {
        return new EventRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), nullableLong(rs, 5),
                rs.getString(6));
    }

    private static FrameRecord frame(ResultSet rs) throws SQLException {
        long w = rs.getLong(5);
        Integer width = rs.wasNull() ? null : (int) w;
        long h = rs.getLong(6);
        Integer height = rs.wasNull() ? null : (int) h;
        return new FrameRecord(rs.getString(1), rs.getLong(2), rs.getLong(3), nullableLong(rs, 4), width, height,
                rs.getString(7), rs.getLong(8), rs.getString(9));
    }

    private static TagRecord tag(ResultSet rs) throws SQLException {
        return new TagRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                nullableLong(rs, 6), rs.getString(7), rs.getString(8));
    }

    private static ApiKeyRecord key(ResultSet rs) throws SQLException {
        Set<String> scopes = new LinkedHashSet<>(Arrays.asList(rs.getString(4).split(",")));
        return new ApiKeyRecord(rs.getString(1), rs.getString(2), rs.getString(3), java.util.Collections.unmodifiableSet(scopes),
                rs.getString(5), rs.getLong(6), nullableLong(rs, 7));
    }
}
