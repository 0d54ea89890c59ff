package com.nusomi.recorder.server.store;

import java.util.List;

/**
 * Test-only door into the store's package-private parts, for the benchmark: the exact SQL that the store runs for a
 * list query (so that "raw SQL" in the benchmark is the same statement as the API's), the column list it reads,
 * and the migration files (whose text keys the benchmark's cached seed data).
 */
public final class BenchAccess {
    private BenchAccess() {}

    /** The list statement and its parameters, exactly as {@code SessionStatements.list} would run them. */
    public record ListSql(String sql, List<Object> params) {}

    public static ListSql listSql(SessionQuery q) {
        SessionListSql built = SessionListSql.build(q, Dialect.SQLITE);
        return new ListSql(built.sql(), List.copyOf(built.params()));
    }

    public static String sessionColumns() {
        return SessionStatements.SESSION_COLUMNS;
    }

    public static List<String> migrationFiles() {
        return Migrations.FILES;
    }
}
