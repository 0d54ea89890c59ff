package com.nusomi.recorder.server.store;

/**
 * Where the SQL of the two stores differs. Everything else the statement classes write is the SQL that SQLite and
 * PostgreSQL share; each difference is one method here, so a statement never works in one database by accident.
 */
enum Dialect {
    /** SQLite 3.45+ (sqlite-jdbc): the embedded store. */
    SQLITE("sqlite", "json_each(?)", ""),
    /** PostgreSQL 15+: the team server's store. */
    POSTGRESQL("postgresql", "json_array_elements_text(CAST(? AS json))", " FOR UPDATE");

    private final String folder;
    private final String jsonValues;
    private final String lockRow;

    Dialect(String folder, String jsonValues, String lockRow) {
        this.folder = folder;
        this.jsonValues = jsonValues;
        this.lockRow = lockRow;
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

    /** The folder of this dialect's own versions of migrations ({@code db/migration/<folder>/}), if it has any. */
    String migrationFolder() {
        return folder;
    }
}
