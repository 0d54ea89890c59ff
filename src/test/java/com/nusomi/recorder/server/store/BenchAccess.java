package com.nusomi.recorder.server.store;

import java.util.ArrayList;
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
        return listSql(q, false);
    }

    /** The same, in PostgreSQL's dialect when {@code postgresql}, else SQLite's. */
    public static ListSql listSql(SessionQuery q, boolean postgresql) {
        SessionListSql built = SessionListSql.build(q, postgresql ? Dialect.POSTGRESQL : Dialect.SQLITE);
        return new ListSql(built.sql(), List.copyOf(built.params()));
    }

    public static String sessionColumns() {
        return SessionStatements.SESSION_COLUMNS;
    }

    public static List<String> migrationFiles() {
        return Migrations.FILES;
    }

    /** The class-path resources of the migrations, PostgreSQL's own versions too: their text keys seed caches. */
    public static List<String> migrationResources() {
        List<String> out = new ArrayList<>();
        for (String file : Migrations.FILES) {
            out.add("/db/migration/" + file);
            String own = "/db/migration/" + Dialect.POSTGRESQL.migrationFolder() + "/" + file;
            if (BenchAccess.class.getResource(own) != null) {
                out.add(own);
            }
        }
        return out;
    }
}
