package com.nusomi.recorder.server.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** The SQL of tags and of the tag filter's copy of their names ({@code session_tag_names}). */
final class TagStatements {
    /**
     * A session's tags with their author: the key's label is the one it has now (keys are found by id); an imported
     * tag's key is not on this server, and its label is the one the bundle gave.
     */
    private static final String TAG_SELECT = "SELECT t.id, t.session_id, t.name, t.data, t.created_at, t.offset_ms, "
            + "t.added_by_key_id, COALESCE(k.label, t.added_by_label) FROM tags t LEFT JOIN api_keys k ON k.id = t.added_by_key_id "
            + "WHERE t.session_id = ? ";

    private final SqlRunner sql;

    TagStatements(SqlRunner sql) {
        this.sql = sql;
    }

    List<TagRecord> of(String sessionId) {
        return sql.query(TAG_SELECT + "ORDER BY t.created_at, t.id", TagStatements::tag, sessionId);
    }

    List<TagRecord> of(String sessionId, int limit) {
        return sql.query(TAG_SELECT + "ORDER BY t.created_at, t.id LIMIT ?", TagStatements::tag, sessionId, limit);
    }

    /** Adds a tag; {@code keepLabel}: store its author's label too (an imported tag, whose key is elsewhere). */
    void insert(TagRecord t, long sessionCreatedAt, boolean keepLabel) {
        sql.update(
                "INSERT INTO tags (id, session_id, name, data, created_at, offset_ms, added_by_key_id, added_by_label) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                t.id(),
                t.sessionId(),
                t.name(),
                t.data(),
                t.createdAt(),
                t.offsetMs(),
                t.addedByKeyId(),
                keepLabel ? t.addedByLabel() : null);
        sql.update(
                "INSERT INTO session_tag_names (name, session_id, session_created_at, deleted) VALUES (?, ?, ?, 0) "
                        + "ON CONFLICT (name, session_id) DO NOTHING",
                t.name(),
                t.sessionId(),
                sessionCreatedAt);
        sql.update("UPDATE sessions SET tag_count = tag_count + 1 WHERE id = ?", t.sessionId());
    }

    void setNamesDeleted(String sessionId, boolean deleted) {
        sql.update("UPDATE session_tag_names SET deleted = ? WHERE session_id = ?", deleted ? 1 : 0, sessionId);
    }

    /** Removes a session's tags and their names. */
    void deleteOf(String sessionId) {
        sql.update("DELETE FROM tags WHERE session_id = ?", sessionId);
        sql.update("DELETE FROM session_tag_names WHERE session_id = ?", sessionId);
    }

    private static TagRecord tag(ResultSet rs) throws SQLException {
        return new TagRecord(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getLong(5),
                SqlRunner.nullableLong(rs, 6),
                rs.getString(7),
                rs.getString(8));
    }
}
