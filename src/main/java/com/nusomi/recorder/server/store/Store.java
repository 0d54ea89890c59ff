package com.nusomi.recorder.server.store;

/**
 * The server's storage. All SQL lives behind this interface: a unit of work runs in one transaction, reads on a
 * pooled read connection, writes serialized on the single writer.
 */
public interface Store extends AutoCloseable {

    /** Work done inside a transaction. */
    @FunctionalInterface
    interface Work<X, T> {
        T run(X tx);
    }

    <T> T read(Work<StoreReader, T> work);

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
