package com.nusomi.recorder.server.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** The SQL of the sessions table: find, list, insert, update and delete a session, and the maintenance queues. */
final class SessionStatements {
    static final String SESSION_COLUMNS = "id, workflow, status, outcome, stop_reason, metadata, actor_id, actor_kind, "
            + "created_at, started_at, stopped_at, deleted_at, purge_at, frame_count, event_count, tag_count, "
            + "error_events, paused_ms, paused_since, imported_from_session_id, imported_bundle_sha256";

    private final SqlRunner sql;

    SessionStatements(SqlRunner sql) {
        this.sql = sql;
    }

    /** The session; {@code forUpdate}: locked until the transaction ends, where the database locks rows. */
    Optional<SessionRecord> find(String id, boolean forUpdate) {
        return sql.queryOne(
                "SELECT " + SESSION_COLUMNS + " FROM sessions WHERE id = ?"
                        + (forUpdate ? sql.dialect().lockRow() : ""),
                SessionStatements::session,
                id);
    }

    List<SessionRecord> list(SessionQuery q) {
        SessionListSql list = SessionListSql.build(q, sql.dialect());
        return sql.query(list.sql(), SessionStatements::session, list.params().toArray());
    }

    void insert(SessionRecord s) {
        sql.update(
                "INSERT INTO sessions (" + SESSION_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                        + "?, ?, ?, ?, ?, ?, ?)",
                s.id(),
                s.workflow(),
                s.status(),
                s.outcome(),
                s.stopReason(),
                s.metadata(),
                s.actorId(),
                s.actorKind(),
                s.createdAt(),
                s.startedAt(),
                s.stoppedAt(),
                s.deletedAt(),
                s.purgeAt(),
                s.frameCount(),
                s.eventCount(),
                s.tagCount(),
                s.errorEvents(),
                s.pausedMs(),
                s.pausedSince(),
                s.importedFrom() == null ? null : s.importedFrom().sessionId(),
                s.importedFrom() == null ? null : s.importedFrom().bundleSha256());
    }

    /** The session imported from the bundle with this SHA-256, in the trash or not. */
    Optional<SessionRecord> findImported(String bundleSha256) {
        return sql.queryOne(
                "SELECT " + SESSION_COLUMNS + " FROM sessions WHERE imported_bundle_sha256 = ?",
                SessionStatements::session,
                bundleSha256);
    }

    void update(SessionRecord s) {
        sql.update(
                "UPDATE sessions SET status = ?, outcome = ?, stop_reason = ?, started_at = ?, stopped_at = ?, "
                        + "deleted_at = ?, purge_at = ?, frame_count = ?, event_count = ?, tag_count = ?, "
                        + "error_events = ?, paused_ms = ?, paused_since = ? WHERE id = ?",
                s.status(),
                s.outcome(),
                s.stopReason(),
                s.startedAt(),
                s.stoppedAt(),
                s.deletedAt(),
                s.purgeAt(),
                s.frameCount(),
                s.eventCount(),
                s.tagCount(),
                s.errorEvents(),
                s.pausedMs(),
                s.pausedSince(),
                s.id());
    }

    void delete(String id) {
        sql.update("DELETE FROM sessions WHERE id = ?", id);
    }

    List<String> toSeal(int limit) {
        return sql.query(
                "SELECT id FROM sessions WHERE status = 'stopped' ORDER BY stopped_at LIMIT ?",
                rs -> rs.getString(1),
                limit);
    }

    List<String> dueForPurge(long now, int limit) {
        return sql.query(
                "SELECT id FROM sessions WHERE purge_at IS NOT NULL AND purge_at <= ? ORDER BY purge_at " + "LIMIT ?",
                rs -> rs.getString(1),
                now,
                limit);
    }

    /** Walks {@code sessions_live_status} (status, created_at, id) from its oldest sealed entry. */
    List<String> sealedCreatedBefore(long createdBefore, int limit) {
        return sql.query(
                "SELECT id FROM sessions WHERE status = 'sealed' AND deleted_at IS NULL AND created_at < ? "
                        + "ORDER BY created_at, id LIMIT ?",
                rs -> rs.getString(1),
                createdBefore,
                limit);
    }

    /** Walks {@code sessions_live_status} over the recording sessions (few: the runs in progress). */
    List<String> recordingStartedBefore(long startedBefore, int limit) {
        return sql.query(
                "SELECT id FROM sessions WHERE status = 'recording' AND deleted_at IS NULL AND started_at < ? "
                        + "ORDER BY created_at, id LIMIT ?",
                rs -> rs.getString(1),
                startedBefore,
                limit);
    }

    private static SessionRecord session(ResultSet rs) throws SQLException {
        return new SessionRecord(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                rs.getLong(9),
                SqlRunner.nullableLong(rs, 10),
                SqlRunner.nullableLong(rs, 11),
                SqlRunner.nullableLong(rs, 12),
                SqlRunner.nullableLong(rs, 13),
                rs.getLong(14),
                rs.getLong(15),
                rs.getLong(16),
                rs.getLong(17),
                rs.getLong(18),
                SqlRunner.nullableLong(rs, 19),
                rs.getString(21) == null ? null : new SessionRecord.ImportedFrom(rs.getString(20), rs.getString(21)));
    }
}
