package com.nusomi.recorder.server.store;

/**
 * The right to run the maintenance jobs (sealing, purge, retention, auto-stop) when several servers share one
 * database: at most one server holds it at a time, and when that one dies another can take it. A server asks
 * before each round ({@link #tryHold()}) and skips the round when another holds it.
 */
public interface MaintenanceLock extends AutoCloseable {
    /** The lock of a store that only one server uses (SQLite in its data folder): always held. */
    MaintenanceLock SOLE = new MaintenanceLock() {
        @Override
        public boolean tryHold() {
            return true;
        }

        @Override
        public void close() {}
    };

    /**
     * Whether this server holds the lock now: still holds it, or took it because no server did. Never throws: a
     * database that cannot be reached means not held.
     */
    boolean tryHold();

    /** Gives the lock up (another server may take it) and frees what it held. */
    @Override
    void close();
}
