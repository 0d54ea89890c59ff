package com.nusomi.recorder.server.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The SQL of a session's events: by time then id, each id once per session. */
final class EventStatements {
    private final SqlRunner sql;

    EventStatements(SqlRunner sql) {
        this.sql = sql;
    }

    List<EventRecord> of(String sessionId, int limit) {
        return sql.query(
                "SELECT session_id, id, type, at, offset_ms, data FROM events WHERE session_id = ? "
                        + "ORDER BY at, id LIMIT ?",
                EventStatements::event,
                sessionId,
                limit);
    }

    List<EventRecord> list(String sessionId, List<String> types, Long afterAt, String afterId, int limit) {
        StringBuilder query = new StringBuilder(
                "SELECT session_id, id, type, at, offset_ms, data FROM events " + "WHERE session_id = ?");
        List<Object> params = new ArrayList<>();
        params.add(sessionId);
        if (!types.isEmpty()) {
            query.append(" AND type IN (SELECT value FROM " + sql.dialect().jsonValues() + ")");
            params.add(SessionListSql.jsonArray(types));
        }
        if (afterId != null) {
            query.append(" AND (at, id) > (?, ?)");
            params.add(afterAt);
            params.add(afterId);
        }
        query.append(" ORDER BY at, id LIMIT ?");
        params.add(limit + 1);
        return sql.query(query.toString(), EventStatements::event, params.toArray());
    }

    boolean has(String sessionId, String eventId) {
        return sql.queryOne("SELECT 1 FROM events WHERE session_id = ? AND id = ?", rs -> true, sessionId, eventId)
                .isPresent();
    }

    boolean insert(EventRecord e) {
        return sql.update(
                        "INSERT INTO events (session_id, id, type, at, offset_ms, data) VALUES (?, ?, ?, ?, ?, ?) "
                                + "ON CONFLICT (session_id, id) DO NOTHING",
                        e.sessionId(),
                        e.id(),
                        e.type(),
                        e.at(),
                        e.offsetMs(),
                        e.data())
                == 1;
    }

    void deleteOf(String sessionId) {
        sql.update("DELETE FROM events WHERE session_id = ?", sessionId);
    }

    private static EventRecord event(ResultSet rs) throws SQLException {
        return new EventRecord(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getLong(4),
                SqlRunner.nullableLong(rs, 5),
                rs.getString(6));
    }
}
