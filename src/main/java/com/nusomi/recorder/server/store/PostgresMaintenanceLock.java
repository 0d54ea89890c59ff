package com.nusomi.recorder.server.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The maintenance lock on PostgreSQL: a session-level advisory lock ({@code pg_try_advisory_lock}) on a connection
 * of its own, outside the pool, kept open while the lock is held. The key is {@link #LOCK_CLASS} and the hash of
 * the schema, so that servers of different schemas in one database do not exclude each other. When the holding
 * server dies, its connection closes and PostgreSQL releases the lock; the next server to ask takes it. A holder
 * whose connection broke has lost the lock: it finds out on its next {@link #tryHold()} and asks again.
 */
final class PostgresMaintenanceLock implements MaintenanceLock {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresMaintenanceLock.class);
    /** The first half of the advisory lock key; the second is the schema's hash. */
    static final int LOCK_CLASS = 0x5E55_0002;

    private static final int VALID_SECONDS = 2;

    private final PostgresTarget target;
    private Connection connection;
    private boolean held;

    PostgresMaintenanceLock(PostgresTarget target) {
        this.target = target;
    }

    @Override
    public synchronized boolean tryHold() {
        try {
            if (held && connection.isValid(VALID_SECONDS)) {
                return true;
            }
            if (held) {
                LOG.warn("lost the maintenance lock (the database connection broke); asking for it again");
                held = false;
                closeConnection();
            }
            if (connection == null || !connection.isValid(VALID_SECONDS)) {
                closeConnection();
                connection = connect();
            }
            try (PreparedStatement ps =
                    connection.prepareStatement("SELECT pg_try_advisory_lock(?, hashtext(current_schema()))")) {
                ps.setInt(1, LOCK_CLASS);
                try (ResultSet rs = ps.executeQuery()) {
                    held = rs.next() && rs.getBoolean(1);
                }
            }
            if (held) {
                LOG.info("this server runs the maintenance jobs (it holds the maintenance lock)");
            }
            return held;
        } catch (SQLException e) {
            LOG.debug("maintenance lock not available: {}", e.getMessage());
            held = false;
            closeConnection();
            return false;
        }
    }

    private Connection connect() throws SQLException {
        Properties props = new Properties();
        if (target.user() != null) {
            props.setProperty("user", target.user());
        }
        if (target.password() != null) {
            props.setProperty("password", target.password());
        }
        // The process shows in pg_stat_activity: which server holds the lock is one query away.
        props.setProperty(
                "ApplicationName",
                "session-recorder maintenance pid " + ProcessHandle.current().pid());
        props.setProperty("tcpKeepAlive", "true");
        props.setProperty("connectTimeout", "5");
        props.setProperty("socketTimeout", "30");
        Connection c = DriverManager.getConnection(target.jdbcUrl(), props);
        c.setAutoCommit(true);
        return c;
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing a broken connection: nothing more to do
            }
            connection = null;
        }
    }

    /** Closing the connection releases the lock. */
    @Override
    public synchronized void close() {
        held = false;
        closeConnection();
    }
}
