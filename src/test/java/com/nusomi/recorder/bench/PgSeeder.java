package com.nusomi.recorder.bench;

import com.nusomi.recorder.server.store.BenchAccess;
import com.nusomi.recorder.server.store.TagRecord;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Seeds a PostgreSQL database whose schema the server made with {@link Seeder}'s sessions, through {@code COPY}
 * (pgjdbc's {@code CopyManager}): the generated rows stream into three {@code COPY ... FROM STDIN} operations, one
 * per table on a connection of its own, a buffer of about 1 MB at a time, so the set is never in memory.
 *
 * <p>As a bulk load is done: each table is truncated and copied in one transaction with {@code FREEZE} (rows
 * visible and frozen at once, no vacuum owed), the tables' secondary indexes are dropped before and made again
 * after, from their own definitions ({@code pg_indexes.indexdef}), then {@code ANALYZE}. The schema is exactly the
 * server's afterwards.
 */
final class PgSeeder {
    private static final int FLUSH_BYTES = 1 << 20;
    private static final List<String> TABLES = List.of("sessions", "tags", "session_tag_names");

    private PgSeeder() {}

    /** Opens a new connection to the database being seeded. */
    interface Connector {
        Connection get() throws SQLException;
    }

    /** Seeds through connections from {@code connect}; returns the counts, the times and the database's size. */
    static Seeder.Stats seed(Connector connect, int n, long now, long randomSeed) throws Exception {
        long started = System.nanoTime();
        String sessionColumns = BenchAccess.sessionColumns();
        int columnCount = sessionColumns.split(", ").length;
        Map<String, String> indexes;
        Seeder.Stats counts;
        try (Connection admin = connect.get()) {
            indexes = secondaryIndexes(admin);
            try (Statement st = admin.createStatement()) {
                for (String name : indexes.keySet()) {
                    st.execute("DROP INDEX " + name);
                }
            }
            List<Copy> copies = new ArrayList<>();
            try {
                copies.add(new Copy(connect.get(), "sessions", sessionColumns));
                copies.add(new Copy(connect.get(), "tags", "id, session_id, name, data, created_at, offset_ms"));
                copies.add(
                        new Copy(connect.get(), "session_tag_names", "name, session_id, session_created_at, deleted"));
                Copy sessions = copies.get(0);
                Copy tags = copies.get(1);
                Copy names = copies.get(2);
                counts = Seeder.generate(n, now, randomSeed, (rec, tagList, tagNames) -> {
                    Object[] row = Seeder.sessionRow(rec);
                    if (row.length != columnCount) {
                        throw new IllegalStateException("the sessions table has " + columnCount + " columns, the "
                                + "seeder writes " + row.length);
                    }
                    sessions.row(row);
                    for (TagRecord t : tagList) {
                        tags.row(t.id(), t.sessionId(), t.name(), t.data(), t.createdAt(), t.offsetMs());
                    }
                    long deleted = rec.deletedAt() != null ? 1 : 0;
                    for (String name : tagNames) {
                        names.row(name, rec.id(), rec.createdAt(), deleted);
                    }
                });
                for (Copy c : copies) {
                    c.finish();
                }
            } finally {
                for (Copy c : copies) {
                    c.close();
                }
            }
            try (Statement st = admin.createStatement()) {
                st.execute("SET maintenance_work_mem = '1GB'");
                for (String def : indexes.values()) {
                    st.execute(def);
                }
            }
        }
        long insertMillis = (System.nanoTime() - started) / 1_000_000;
        long t0 = System.nanoTime();
        long bytes;
        try (Connection c = connect.get();
                Statement st = c.createStatement()) {
            st.execute("VACUUM (ANALYZE)");
            try (ResultSet rs = st.executeQuery("SELECT pg_database_size(current_database())")) {
                rs.next();
                bytes = rs.getLong(1);
            }
        }
        return counts.timed(insertMillis, (System.nanoTime() - t0) / 1_000_000, bytes);
    }

    /** The seeded tables' indexes other than their primary keys: name to {@code CREATE INDEX} statement. */
    private static Map<String, String> secondaryIndexes(Connection c) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT i.indexname, i.indexdef FROM pg_indexes i "
                        + "WHERE i.schemaname = current_schema() AND i.tablename IN ('" + String.join("', '", TABLES)
                        + "') AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conname = i.indexname) "
                        + "ORDER BY i.tablename, i.indexname")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2));
            }
        }
        return out;
    }

    /** One table's {@code COPY FROM STDIN} in text format, in a transaction of its own that truncates it first. */
    private static final class Copy implements AutoCloseable {
        private final Connection connection;
        private final CopyIn in;
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(FLUSH_BYTES + 64 * 1024);
        private final StringBuilder line = new StringBuilder(512);

        Copy(Connection connection, String table, String columns) throws SQLException {
            this.connection = connection;
            connection.setAutoCommit(false);
            try (Statement st = connection.createStatement()) {
                st.execute("TRUNCATE " + table);
            }
            this.in = connection
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("COPY " + table + " (" + columns + ") FROM STDIN (FREEZE)");
        }

        void row(Object... values) throws SQLException {
            line.setLength(0);
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    line.append('\t');
                }
                Object v = values[i];
                if (v == null) {
                    line.append("\\N");
                } else {
                    escape(v.toString());
                }
            }
            line.append('\n');
            byte[] bytes = line.toString().getBytes(StandardCharsets.UTF_8);
            buffer.write(bytes, 0, bytes.length);
            if (buffer.size() >= FLUSH_BYTES) {
                flush();
            }
        }

        private void escape(String s) {
            for (int k = 0; k < s.length(); k++) {
                char c = s.charAt(k);
                switch (c) {
                    case '\\' -> line.append("\\\\");
                    case '\t' -> line.append("\\t");
                    case '\n' -> line.append("\\n");
                    case '\r' -> line.append("\\r");
                    default -> line.append(c);
                }
            }
        }

        private void flush() throws SQLException {
            byte[] bytes = buffer.toByteArray();
            in.writeToCopy(bytes, 0, bytes.length);
            buffer.reset();
        }

        void finish() throws SQLException {
            flush();
            in.endCopy();
            connection.commit();
        }

        @Override
        public void close() throws SQLException {
            if (in.isActive()) {
                in.cancelCopy();
            }
            connection.close();
        }
    }
}
