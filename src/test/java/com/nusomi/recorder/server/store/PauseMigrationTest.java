package com.nusomi.recorder.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code V3__session_pauses.sql} gives the sessions recorded before it their paused time from the marker events they
 * already have, by the rule the server keeps it with (server.Pauses): markers by time, a pause while paused and a
 * resume while not paused count for nothing, a pause starts at the earliest at {@code started_at}.
 */
class PauseMigrationTest {

    @Test
    void sessionsRecordedBeforeGetTheirPausesFromTheirMarkers(@TempDir Path dir) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("old.db"))) {
            Migrations.apply(c, Migrations.FILES.subList(0, 2));
            session(c, "ses_a", 1_000L, 20_000L);
            marker(c, "ses_a", "evt_1", 5_000, "pause");
            marker(c, "ses_a", "evt_2", 8_000, "resume");
            marker(c, "ses_a", "evt_3", 9_000, "pause");
            marker(c, "ses_a", "evt_4", 9_500, "pause"); // paused already: nothing
            marker(c, "ses_a", "evt_5", 12_000, "resume");
            marker(c, "ses_a", "evt_6", 13_000, "resume"); // not paused: nothing
            marker(c, "ses_a", "evt_7", 15_000, "pause"); // never resumed
            session(c, "ses_b", 1_000L, 9_000L);
            marker(c, "ses_b", "evt_1", 500, "pause"); // before the start: from the start
            marker(c, "ses_b", "evt_2", 2_000, "resume");
            marker(c, "ses_b", "evt_3", 3_000, "chapter");
            session(c, "ses_c", 1_000L, null);
            marker(c, "ses_c", "evt_1", 4_000, "resume");
            event(c, "ses_c", "evt_2", "note", 5_000, "{\"kind\":\"pause\"}");
            session(c, "ses_d", null, null);

            Migrations.apply(c);
            Migrations.apply(c); // applied once

            assertThat(pauses(c))
                    .containsExactly("ses_a 6000 15000", "ses_b 1000 null", "ses_c 0 null", "ses_d 0 null");
        }
    }

    private static void session(Connection c, String id, Long startedAt, Long stoppedAt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO sessions (id, workflow, status, metadata, "
                + "created_at, started_at, stopped_at) VALUES (?, 'wf', 'recording', '{}', 0, ?, ?)")) {
            ps.setString(1, id);
            ps.setObject(2, startedAt);
            ps.setObject(3, stoppedAt);
            ps.executeUpdate();
        }
    }

    private static void marker(Connection c, String session, String id, long at, String kind) throws SQLException {
        event(c, session, id, "marker", at, "{\"kind\":\"" + kind + "\"}");
    }

    private static void event(Connection c, String session, String id, String type, long at, String data)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO events (session_id, id, type, at, offset_ms, data) VALUES (?, ?, ?, ?, NULL, ?)")) {
            ps.setString(1, session);
            ps.setString(2, id);
            ps.setString(3, type);
            ps.setLong(4, at);
            ps.setString(5, data);
            ps.executeUpdate();
        }
    }

    private static List<String> pauses(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, paused_ms, paused_since FROM sessions ORDER BY id");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1) + " " + rs.getLong(2) + " " + rs.getObject(3));
            }
        }
        return out;
    }
}
