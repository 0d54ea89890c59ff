package com.nusomi.recorder.server.store;

/**
 * Where the SQL of the two stores differs. Everything else the statement classes write is the SQL that SQLite and
 * PostgreSQL share; each difference is one method here, so a statement never works in one database by accident.
 */
enum Dialect {
    /** SQLite 3.45+ (sqlite-jdbc): the embedded store. */
    SQLITE("sqlite", "json_each(?)", "", null),
    /** PostgreSQL 15+: the team server's store. */
    POSTGRESQL(
            "postgresql",
            "json_array_elements_text(CAST(? AS json))",
            " FOR UPDATE",
            "SELECT pg_advisory_xact_lock(?, hashtext(current_schema() || '/' || ?))");

    /** The first half of a frame image's advisory lock key ({@link #lockImage}); the maintenance lock's is 0x5E550002. */
    static final int IMAGE_LOCK_CLASS = 0x5E55_0003;

    private final String folder;
    private final String jsonValues;
    private final String lockRow;
    private final String lockImage;

    Dialect(String folder, String jsonValues, String lockRow, String lockImage) {
        this.folder = folder;
        this.jsonValues = jsonValues;
        this.lockRow = lockRow;
        this.lockImage = lockImage;
    }

    /**
     * A table function of the strings of a JSON array bound as one parameter, with one column {@code value}: a list
     * of any length is one placeholder ({@link SessionListSql#jsonArray}).
     */
    String jsonValues() {
        return jsonValues;
    }

    /**
     * A filter term's column that must not drive the walk. SQLite's planner picks an index by the terms it can use,
     * not by cost alone: {@code +column} (a no-op on a number, and on text in SQLite) keeps it off that column's
     * index. PostgreSQL refuses unary {@code +} on text, and its planner weighs every index by statistics: the column
     * is left as it is there.
     */
    String unindexed(String column) {
        return this == SQLITE ? "+" + column : column;
    }

    /**
     * What ends a {@code SELECT} of a row that a write transaction is about to change: SQLite has one writer at a time
     * anyway; PostgreSQL locks the row, so two servers on one database change a session one after the other.
     */
    String lockRow() {
        return lockRow;
    }

    /**
     * The statement that takes a frame image's lock until the transaction ends (parameters {@link #IMAGE_LOCK_CLASS}
     * and the image's hash), or null where none is needed. SQLite has one writer in one process: its write
     * transactions take turns anyway. PostgreSQL takes a transaction-scoped advisory lock keyed on the schema and
     * the hash, so that servers sharing the database and the frames folder decide about one image file one at a
     * time ({@link StoreWriter#lockImages}).
     */
    String lockImage() {
        return lockImage;
    }

    /** The folder of this dialect's own versions of migrations ({@code db/migration/<folder>/}), if it has any. */
    String migrationFolder() {
        return folder;
    }
}
