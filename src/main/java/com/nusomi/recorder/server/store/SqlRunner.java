package com.nusomi.recorder.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs statements on one connection, inside the transaction its caller holds: the plumbing every statement class
 * of the store shares. A failure is a {@link StoreException} with the database's message only.
 */
final class SqlRunner {
    private final Connection c;
    private final Dialect dialect;
    /** The statements this runner may run: 1 for a read outside a transaction ({@link Store#readOne}). */
    private final int maxStatements;

    private int statements;

    SqlRunner(Connection c, Dialect dialect) {
        this(c, dialect, Integer.MAX_VALUE);
    }

    SqlRunner(Connection c, Dialect dialect, int maxStatements) {
        this.c = c;
        this.dialect = dialect;
        this.maxStatements = maxStatements;
    }

    /** Whether the statements run inside a transaction (autocommit off), for tests. */
    boolean inTransaction() {
        try {
            return !c.getAutoCommit();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Counts a statement about to run; past the limit, refuses it (a read of one statement that ran two). */
    private void count() {
        if (++statements > maxStatements) {
            throw new IllegalStateException("a read of one statement (Store.readOne) ran " + statements
                    + " statements: without a transaction they would not see one snapshot; use Store.read");
        }
    }

    /** The SQL dialect of the connection, for the few statements that differ ({@link Dialect}). */
    Dialect dialect() {
        return dialect;
    }

    /** Maps the current row of a result. */
    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    void exec(String sql) {
        count();
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new StoreException(e.getMessage(), e);
        }
    }

    <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) {
        count();
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
     * A failed statement: the database's own message only. The statement is left out, as it goes into logs, which must not
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
        count();
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

    static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }
}
