package com.nusomi.recorder.server.store;

/**
 * The server's storage. All SQL lives behind this interface: a unit of work runs in one transaction (or, a read of
 * one statement, in none: {@link #readOne}), reads on a pooled read connection, writes serialized on the single
 * writer.
 */
public interface Store extends AutoCloseable {

    /** Work done inside a transaction. */
    @FunctionalInterface
    interface Work<X, T> {
        T run(X tx);
    }

    /** Work that reads, in one read-only transaction: its statements see one snapshot. */
    <T> T read(Work<StoreReader, T> work);

    /**
     * Work that runs one statement at most (one session, one list page, one key): one statement sees one snapshot
     * of its own, so it needs no transaction around it. On PostgreSQL it runs in autocommit, without the round trip
     * of a {@code COMMIT}; on SQLite as {@link #read} does. A second statement is a bug: an
     * {@link IllegalStateException}, on either store, before it runs.
     */
    <T> T readOne(Work<StoreReader, T> work);

    <T> T write(Work<StoreWriter, T> work);

    /**
     * A lock that decides which server runs the maintenance jobs when several share the database; the caller
     * closes it. The default, for a store that one server uses alone, is always held.
     */
    default MaintenanceLock maintenanceLock() {
        return MaintenanceLock.SOLE;
    }

    @Override
    void close();
}
