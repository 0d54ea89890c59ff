package com.nusomi.recorder.server.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The PostgreSQL store (15+): a HikariCP pool of connections to one database, migrated on open under an advisory
 * lock ({@link Migrations}). Reads run in a read-only {@code REPEATABLE READ} transaction, so that the several
 * statements of one read see one snapshot, as a SQLite read does: they borrow from a pool of reader connections whose
 * every transaction is that by their session settings (set once per connection), so the driver opens it with the
 * first statement ({@code BEGIN READ ONLY} sent with the query) and a read costs two round trips, the statements' and
 * the commit, not a third for a {@code SET TRANSACTION} (measured by {@code PgServerBenchmark}). A read of one
 * statement ({@link #readOne}: one session, one list page, a key) needs no snapshot beyond its own and runs in
 * autocommit, one round trip. Writes run at {@code READ COMMITTED}, one at a
 * time in this process behind a fair lock (the same order of work as {@link SqliteStore}'s single writer); a session
 * read inside a write is locked ({@code SELECT ... FOR UPDATE}), so writes of several servers to one session take
 * turns.
 *
 * <p>A connection that cannot be had or is lost (the database is down, restarting, or the pool is exhausted) is a
 * {@link StoreUnavailableException}: the API answers 503 and the client retries.
 */
public final class PostgresStore implements Store {
    /** Reader connections per server. */
    private static final int READERS = 8;

    /** Writer connections per server: one writes at a time; the second covers one being replaced. */
    private static final int WRITERS = 2;

    private final HikariDataSource readers;
    private final HikariDataSource pool;
    private final PostgresTarget target;
    private final ReentrantLock writeLock = new ReentrantLock(true);
    private volatile boolean closed;

    private PostgresStore(HikariDataSource readers, HikariDataSource pool, PostgresTarget target) {
        this.readers = readers;
        this.pool = pool;
        this.target = target;
    }

    /** Connects to the database (creating the schema or bringing it up to date) and opens the pools. */
    public static PostgresStore open(PostgresTarget target) {
        HikariDataSource pool = pool(target, "sessions-db", WRITERS, false);
        try (Connection c = pool.getConnection()) {
            Migrations.apply(c, Dialect.POSTGRESQL);
            c.commit();
        } catch (SQLException | RuntimeException e) {
            pool.close();
            throw new StoreException("cannot migrate " + target + ": " + reason(e), e);
        }
        HikariDataSource readers;
        try {
            readers = pool(target, "sessions-db-read", READERS, true);
        } catch (StoreException e) {
            pool.close();
            throw e;
        }
        return new PostgresStore(readers, pool, target);
    }

    /**
     * A pool of connections in transactions of their own ({@code autoCommit} off): writers at
     * {@code READ COMMITTED}, readers read-only at {@code REPEATABLE READ}.
     */
    private static HikariDataSource pool(PostgresTarget target, String name, int size, boolean reader) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(target.jdbcUrl());
        if (target.user() != null) {
            config.setUsername(target.user());
        }
        if (target.password() != null) {
            config.setPassword(target.password());
        }
        config.setPoolName(name);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(reader ? 2 : 1);
        config.setAutoCommit(false);
        config.setReadOnly(reader);
        config.setTransactionIsolation(reader ? "TRANSACTION_REPEATABLE_READ" : "TRANSACTION_READ_COMMITTED");
        config.setConnectionTimeout(Duration.ofSeconds(5).toMillis());
        // A failed first connection is an error of open(), with PostgreSQL's reason, not a pool that retries quietly.
        config.setInitializationFailTimeout(1);
        config.addDataSourceProperty("ApplicationName", "session-recorder");
        config.addDataSourceProperty("tcpKeepAlive", "true");
        // A read-only connection's transactions begin as BEGIN READ ONLY, sent with their first statement.
        config.addDataSourceProperty("readOnlyMode", "transaction");
        if (reader) {
            // ... and its statements in autocommit (Store.readOne), which no BEGIN covers, are read-only too.
            config.setConnectionInitSql("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY");
            // (committed at once, not left open for the connection's first read)
            config.setIsolateInternalQueries(true);
        }
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StoreException("cannot connect to " + target + ": " + reason(e), e);
        }
    }

    private static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.toString();
    }

    @Override
    public <T> T read(Work<StoreReader, T> work) {
        try (Connection c = borrow(readers)) {
            try {
                T result = work.run(new StoreTx(c, Dialect.POSTGRESQL, false));
                c.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollbackQuietly(c);
                throw failure("read", e);
            }
        } catch (SQLException e) {
            throw failure("read", e);
        }
    }

    /**
     * In autocommit on a reader connection: the statement alone, no {@code BEGIN} sent with it and no {@code COMMIT}
     * after it (one round trip, not two). Still read-only: the reader connections' sessions are
     * ({@code SET SESSION CHARACTERISTICS}, at connect). The pool puts autocommit back off when the connection returns.
     */
    @Override
    public <T> T readOne(Work<StoreReader, T> work) {
        try (Connection c = borrow(readers)) {
            c.setAutoCommit(true);
            return work.run(StoreTx.oneStatement(c, Dialect.POSTGRESQL));
        } catch (SQLException | RuntimeException | Error e) {
            throw failure("read", e);
        }
    }

    @Override
    public <T> T write(Work<StoreWriter, T> work) {
        StoreTx tx;
        T result;
        writeLock.lock();
        try (Connection c = borrow(pool)) {
            try {
                tx = new StoreTx(c, Dialect.POSTGRESQL, true);
                result = work.run(tx);
                c.commit();
            } catch (SQLException | RuntimeException | Error e) {
                rollbackQuietly(c);
                throw failure("write", e);
            }
        } catch (SQLException e) {
            throw failure("write", e);
        } finally {
            writeLock.unlock();
        }
        tx.runAfterCommit();
        return result;
    }

    /**
     * What a failure becomes: the work's own exceptions pass unchanged; a lost or refused connection is a
     * {@link StoreUnavailableException}, any other SQL failure a {@link StoreException}.
     */
    private static RuntimeException failure(String what, Throwable e) {
        if (e instanceof Error error) {
            throw error;
        }
        if (isDeadlock(e)) {
            // two servers' transactions waited for each other's locks; PostgreSQL undid this one: a retry succeeds
            return new StoreUnavailableException("the write met another server's in a deadlock; retry", e);
        }
        if (isConnectionLoss(e)) {
            return e instanceof StoreUnavailableException u
                    ? u
                    : new StoreUnavailableException("the database cannot be reached: " + reason(e), e);
        }
        if (e instanceof RuntimeException r) {
            return r;
        }
        return new StoreException(what + " failed: " + e.getMessage(), e);
    }

    /** SQLSTATE 40P01: PostgreSQL broke a deadlock by rolling this transaction back. */
    private static boolean isDeadlock(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException s && "40P01".equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** SQLSTATE class 08 (connection exception), 57P0x (shutdown), or the pool's own time-out. */
    private static boolean isConnectionLoss(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StoreUnavailableException || t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException s && s.getSQLState() != null) {
                String state = s.getSQLState();
                if (state.startsWith("08") || state.startsWith("57P")) {
                    return true;
                }
            }
        }
        return false;
    }

    private Connection borrow(HikariDataSource from) throws SQLException {
        if (closed) {
            throw new StoreUnavailableException("store is closed", null);
        }
        return from.getConnection();
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the pool discards a broken connection
        }
    }

    /** A PostgreSQL advisory lock per schema, on a connection of its own ({@link PostgresMaintenanceLock}). */
    @Override
    public MaintenanceLock maintenanceLock() {
        return new PostgresMaintenanceLock(target);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        readers.close();
        pool.close();
    }
}
