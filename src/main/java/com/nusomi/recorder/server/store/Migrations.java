package com.nusomi.recorder.server.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Versioned schema migrations: {@code db/migration/V<n>__<name>.sql} on the class path, applied in order, each in
 * its own transaction, recorded with a checksum in {@code schema_migrations}. A changed migration that was already
 * applied is refused rather than silently ignored. A dialect's own version of a file, where the shared SQL does not
 * serve it, is {@code db/migration/<dialect>/V<n>__<name>.sql} (PostgreSQL: {@code bytea}, byte-order collation,
 * JSON functions). (A few dozen lines instead of Flyway: start-up time matters to the desktop app, and Flyway's
 * class-path scan costs more than the whole schema; see decisions 0004 and 0011.)
 *
 * <p>On PostgreSQL, several servers may start at once on one empty database: the whole run holds a session-level
 * advisory lock ({@link #LOCK_KEY}), so one server migrates and the others then find every version applied.
 */
final class Migrations {
    /** Every migration, in order. Add new files here. */
    static final List<String> FILES = List.of(
            "V1__initial_schema.sql",
            "V2__workflow_status_index.sql",
            "V3__session_pauses.sql",
            "V4__tag_added_by.sql",
            "V5__frame_redactions.sql");

    /** The advisory lock that one PostgreSQL migration run holds (a key of our own, the same in every server). */
    static final long LOCK_KEY = 0x5E55_1011_0000_0001L;

    private Migrations() {}

    static void apply(Connection c) throws SQLException {
        apply(c, FILES, Dialect.SQLITE);
    }

    static void apply(Connection c, Dialect dialect) throws SQLException {
        apply(c, FILES, dialect);
    }

    /** Applies these migrations (a prefix of {@link #FILES}: tests build an older schema with it). */
    static void apply(Connection c, List<String> files) throws SQLException {
        apply(c, files, Dialect.SQLITE);
    }

    /**
     * Applies these migrations in this dialect. On PostgreSQL the run holds the advisory lock {@link #LOCK_KEY}
     * from before it looks at {@code schema_migrations} until after the last migration committed (a server waiting
     * for it then sees every version applied and applies none).
     */
    static void apply(Connection c, List<String> files, Dialect dialect) throws SQLException {
        if (dialect != Dialect.POSTGRESQL) {
            applyLocked(c, files, dialect);
            return;
        }
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(true);
        try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_lock(?)")) {
            lock.setLong(1, LOCK_KEY);
            lock.execute();
        }
        try {
            applyLocked(c, files, dialect);
        } finally {
            try (PreparedStatement unlock = c.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                unlock.setLong(1, LOCK_KEY);
                unlock.execute();
            }
            c.setAutoCommit(auto);
        }
    }

    private static void applyLocked(Connection c, List<String> files, Dialect dialect) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER NOT NULL PRIMARY KEY, "
                    + "name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at BIGINT NOT NULL)");
        }
        for (String file : files) {
            int version = Integer.parseInt(file.substring(1, file.indexOf("__")));
            String sql = load(file, dialect);
            String checksum = sha256(sql);
            String applied = appliedChecksum(c, version);
            if (applied != null) {
                if (!applied.equals(checksum)) {
                    throw new SQLException("migration " + file + " changed after it was applied");
                }
                continue;
            }
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                for (String statement : split(sql)) {
                    st.execute(statement);
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)")) {
                    ps.setInt(1, version);
                    ps.setString(2, file);
                    ps.setString(3, checksum);
                    ps.setLong(4, System.currentTimeMillis());
                    ps.executeUpdate();
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        }
    }

    private static String appliedChecksum(Connection c, int version) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT checksum FROM schema_migrations WHERE version = ?")) {
            ps.setInt(1, version);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** Splits on semicolons at line ends; comment lines are dropped. Our migrations hold no procedural code. */
    static List<String> split(String sql) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : sql.split("\n", -1)) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                out.add(current.toString().strip().replaceAll(";$", ""));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString().strip());
        }
        return out;
    }

    private static String load(String file, Dialect dialect) throws SQLException {
        InputStream own =
                Migrations.class.getResourceAsStream("/db/migration/" + dialect.migrationFolder() + "/" + file);
        try (InputStream in = own != null ? own : Migrations.class.getResourceAsStream("/db/migration/" + file)) {
            if (in == null) {
                throw new SQLException("missing migration " + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SQLException("cannot read migration " + file, e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
