package com.nusomi.recorder.server.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The SQL of frames: their rows (the images are files named by hash), the summary of a session's frames. */
final class FrameStatements {
    private static final String FRAME_COLUMNS =
            "session_id, seq, captured_at, offset_ms, width, height, content_type, bytes, sha256";

    private final SqlRunner sql;

    FrameStatements(SqlRunner sql) {
        this.sql = sql;
    }

    FramesSummary summary(String sessionId) {
        Optional<FramesSummary> head = sql.queryOne(
                "SELECT COUNT(*), MIN(captured_at), MAX(captured_at), "
                        + "COALESCE(SUM(bytes), 0) FROM frames WHERE session_id = ?",
                rs -> new FramesSummary(
                        rs.getLong(1),
                        SqlRunner.nullableLong(rs, 2),
                        SqlRunner.nullableLong(rs, 3),
                        rs.getLong(4),
                        null,
                        null,
                        List.of()),
                sessionId);
        FramesSummary h = head.orElse(FramesSummary.empty());
        if (h.count() == 0) {
            return FramesSummary.empty();
        }
        Optional<int[]> size = sql.queryOne(
                "SELECT width, height FROM frames WHERE session_id = ? "
                        + "AND width IS NOT NULL ORDER BY seq DESC LIMIT 1",
                rs -> new int[] {rs.getInt(1), rs.getInt(2)},
                sessionId);
        List<Long> seqs =
                sql.query("SELECT seq FROM frames WHERE session_id = ? ORDER BY seq", rs -> rs.getLong(1), sessionId);
        List<Long> thumbs = new ArrayList<>();
        int n = seqs.size();
        int want = Math.min(12, n);
        for (int i = 0; i < want; i++) {
            long seq = seqs.get(want == 1 ? 0 : (int) Math.round(i * (n - 1) / (double) (want - 1)));
            if (thumbs.isEmpty() || thumbs.get(thumbs.size() - 1) != seq) {
                thumbs.add(seq);
            }
        }
        return new FramesSummary(
                h.count(),
                h.firstAt(),
                h.lastAt(),
                h.totalBytes(),
                size.map(a -> a[0]).orElse(null),
                size.map(a -> a[1]).orElse(null),
                List.copyOf(thumbs));
    }

    Optional<FrameRecord> find(String sessionId, long seq) {
        return sql.queryOne(
                "SELECT " + FRAME_COLUMNS + " FROM frames WHERE session_id = ? AND seq = ?",
                FrameStatements::frame,
                sessionId,
                seq);
    }

    List<FrameRecord> list(String sessionId, Long afterSeq, int limit) {
        if (afterSeq == null) {
            return sql.query(
                    "SELECT " + FRAME_COLUMNS + " FROM frames WHERE session_id = ? ORDER BY seq LIMIT ?",
                    FrameStatements::frame,
                    sessionId,
                    limit + 1);
        }
        return sql.query(
                "SELECT " + FRAME_COLUMNS + " FROM frames WHERE session_id = ? AND seq > ? ORDER BY seq " + "LIMIT ?",
                FrameStatements::frame,
                sessionId,
                afterSeq,
                limit + 1);
    }

    boolean isImageReferenced(String sha256) {
        return sql.queryOne("SELECT 1 FROM frames WHERE sha256 = ? LIMIT 1", rs -> true, sha256)
                .isPresent();
    }

    void insert(FrameRecord f) {
        sql.update(
                "INSERT INTO frames (" + FRAME_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                f.sessionId(),
                f.seq(),
                f.capturedAt(),
                f.offsetMs(),
                f.width(),
                f.height(),
                f.contentType(),
                f.bytes(),
                f.sha256());
    }

    /** A session's frames from {@code fromSeq} to {@code toSeq}, both included, in seq order. */
    List<FrameRecord> between(String sessionId, long fromSeq, long toSeq) {
        return sql.query(
                "SELECT " + FRAME_COLUMNS + " FROM frames WHERE session_id = ? AND seq BETWEEN ? AND ? "
                        + "ORDER BY seq",
                FrameStatements::frame,
                sessionId,
                fromSeq,
                toSeq);
    }

    Optional<RedactionRecord> findRedaction(String sessionId, long seq) {
        return sql.queryOne(
                "SELECT session_id, seq, original_sha256, rects FROM frame_redactions "
                        + "WHERE session_id = ? AND seq = ?",
                rs -> new RedactionRecord(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4)),
                sessionId,
                seq);
    }

    /** Points the frame at its redacted image (hash, size in bytes and pixels) and keeps what the redaction did. */
    void replaceImage(FrameRecord f, RedactionRecord redaction) {
        sql.update(
                "UPDATE frames SET width = ?, height = ?, bytes = ?, sha256 = ? WHERE session_id = ? AND seq = ?",
                f.width(),
                f.height(),
                f.bytes(),
                f.sha256(),
                f.sessionId(),
                f.seq());
        sql.update(
                "INSERT INTO frame_redactions (session_id, seq, original_sha256, rects) VALUES (?, ?, ?, ?) "
                        + "ON CONFLICT (session_id, seq) DO UPDATE SET rects = excluded.rects",
                redaction.sessionId(),
                redaction.seq(),
                redaction.originalSha256(),
                redaction.rects());
    }

    /** The hashes of the images a session's frames use, each once. */
    List<String> hashesOf(String sessionId) {
        return sql.query("SELECT DISTINCT sha256 FROM frames WHERE session_id = ?", rs -> rs.getString(1), sessionId);
    }

    /** Removes a session's frames and what their redactions kept. */
    void deleteOf(String sessionId) {
        sql.update("DELETE FROM frames WHERE session_id = ?", sessionId);
        sql.update("DELETE FROM frame_redactions WHERE session_id = ?", sessionId);
    }

    private static FrameRecord frame(ResultSet rs) throws SQLException {
        long w = rs.getLong(5);
        Integer width = rs.wasNull() ? null : (int) w;
        long h = rs.getLong(6);
        Integer height = rs.wasNull() ? null : (int) h;
        return new FrameRecord(
                rs.getString(1),
                rs.getLong(2),
                rs.getLong(3),
                SqlRunner.nullableLong(rs, 4),
                width,
                height,
                rs.getString(7),
                rs.getLong(8),
                rs.getString(9));
    }
}
