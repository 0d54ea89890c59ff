package com.nusomi.recorder.bench;

import com.github.f4b6a3.ulid.UlidFactory;
import com.nusomi.recorder.server.Outcomes;
import com.nusomi.recorder.server.store.BenchAccess;
import com.nusomi.recorder.server.store.SessionRecord;
import com.nusomi.recorder.server.store.TagRecord;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * Writes sessions straight into a data folder's {@code sessions.db} with plain JDBC, as the server itself would have
 * written them (same columns, same id form, outcome derived by the server's own {@link Outcomes}, tags with their
 * {@code session_tag_names} rows), but in big batched transactions. The folder must already hold the schema (start
 * and close the server once first); the server must not be running meanwhile.
 *
 * <p>Distribution (independent of time, so no filter gets an easier walk from clustering):
 * <ul>
 *   <li>{@code created_at} evenly spread over the 90 days before {@code now} (with jitter), ids {@code ses_} + a
 *       monotonic ULID of {@code created_at}, so id order is creation order;</li>
 *   <li>20 workflows, uniform (5 % each); actors: none 5 %, else human 50 %, model 30 %, script 20 %;</li>
 *   <li>live sessions: created 3 %, recording 3 %, stopped 0.1 % (left by a "crash": the server's indexer seals them
 *       on start), sealed the rest; of stopped/sealed, 4 % never started and 6 % were stopped by batch stop;</li>
 *   <li>1 % soft-deleted (within the last 29 days, so that nothing is due for purge), their tag names marked
 *       deleted;</li>
 *   <li>tags on 10 % of sessions: 1–3 names among six, one tag row each ({@code retried} sometimes twice).</li>
 * </ul>
 * Frames, events and audit entries are not written: no list query reads them. {@code frame_count},
 * {@code event_count} and {@code error_events} stay 0 accordingly.
 */
final class Seeder {
    /** Bump when the distribution or the row format changes: cached seed folders are keyed by it. */
    static final int SEED_VERSION = 1;

    static final List<String> WORKFLOWS = List.of(
            "invoice_entry",
            "invoice_approval",
            "po_matching",
            "vendor_onboarding",
            "expense_review",
            "payroll_check",
            "month_end_close",
            "bank_reconciliation",
            "customer_refund",
            "order_entry",
            "claims_intake",
            "claims_review",
            "kyc_check",
            "contract_renewal",
            "ticket_triage",
            "inventory_count",
            "shipping_label",
            "returns_processing",
            "price_update",
            "report_export");

    /** Tag names and the chance that a tagged session carries each. */
    private static final String[] TAG_NAMES = {
        "reviewed", "customer_vip", "retried", "needs_followup", "outcome", "invoice_error"
    };

    private static final double[] TAG_CHANCE = {0.40, 0.25, 0.20, 0.15, 0.15, 0.08};

    static final long DAY = 86_400_000L;
    private static final long SPAN = 90 * DAY;
    private static final int BATCH = 5_000;
    private static final int COMMIT_EVERY = 100_000;

    /** What was written, for the report and for checks. */
    record Stats(
            int sessions,
            int live,
            int deleted,
            TreeMap<String, Integer> liveByStatus,
            int tagged,
            int tagRows,
            int tagNameRows,
            long insertMillis,
            long analyzeMillis,
            long fileBytes) {
        Stats timed(long insert, long analyze, long bytes) {
            return new Stats(
                    sessions, live, deleted, liveByStatus, tagged, tagRows, tagNameRows, insert, analyze, bytes);
        }
    }

    private Seeder() {}

    /** Where {@link #generate} puts each generated session. */
    interface Sink {
        /**
         * One session with its tags (in (created_at, id) order) and the distinct tag names, each a
         * {@code session_tag_names} row (marked deleted when the session is).
         */
        void session(SessionRecord session, List<TagRecord> tags, Set<String> tagNames) throws Exception;
    }

    /** Seeds a SQLite {@code sessions.db} (schema made by the server) in batched transactions, then ANALYZE. */
    static Stats seed(Path dbFile, int n, long now, long randomSeed) throws Exception {
        String columns = BenchAccess.sessionColumns();
        int columnCount = columns.split(", ").length;
        String insertSession = "INSERT INTO sessions (" + columns + ") VALUES ("
                + String.join(", ", Collections.nCopies(columnCount, "?")) + ")";
        long started = System.nanoTime();
        long analyzeMillis;
        Stats counts;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dbFile.toAbsolutePath())) {
            try (Statement st = c.createStatement()) {
                // The server is closed: nobody else has the file, so the bulk load may skip the journal and fsync.
                st.execute("PRAGMA journal_mode=DELETE");
                st.execute("PRAGMA journal_mode=OFF");
                st.execute("PRAGMA synchronous=OFF");
                st.execute("PRAGMA cache_size=-524288");
                st.execute("PRAGMA temp_store=MEMORY");
            }
            c.setAutoCommit(false);
            try (PreparedStatement ss = c.prepareStatement(insertSession);
                    PreparedStatement ts = c.prepareStatement(
                            "INSERT INTO tags (id, session_id, name, data, created_at, offset_ms) VALUES (?, ?, ?, ?, ?, ?)");
                    PreparedStatement ns = c.prepareStatement("INSERT INTO session_tag_names (name, session_id, "
                            + "session_created_at, deleted) VALUES (?, ?, ?, ?)")) {
                int[] pending = new int[2];
                counts = generate(n, now, randomSeed, (rec, tags, names) -> {
                    bindSession(ss, rec);
                    ss.addBatch();
                    for (TagRecord t : tags) {
                        ts.setString(1, t.id());
                        ts.setString(2, t.sessionId());
                        ts.setString(3, t.name());
                        ts.setString(4, t.data());
                        ts.setLong(5, t.createdAt());
                        setLong(ts, 6, t.offsetMs());
                        ts.addBatch();
                        pending[1]++;
                    }
                    for (String name : names) {
                        ns.setString(1, name);
                        ns.setString(2, rec.id());
                        ns.setLong(3, rec.createdAt());
                        ns.setInt(4, rec.deletedAt() != null ? 1 : 0);
                        ns.addBatch();
                    }
                    pending[0]++;
                    if (pending[0] % BATCH == 0) {
                        ss.executeBatch();
                        if (pending[1] > 0) {
                            ts.executeBatch();
                            ns.executeBatch();
                            pending[1] = 0;
                        }
                    }
                    if (pending[0] % COMMIT_EVERY == 0) {
                        c.commit();
                    }
                });
                ss.executeBatch();
                ts.executeBatch();
                ns.executeBatch();
                c.commit();
            }
            c.setAutoCommit(true);
            long t0 = System.nanoTime();
            try (Statement st = c.createStatement()) {
                st.execute("ANALYZE");
                st.execute("PRAGMA optimize");
                st.execute("PRAGMA journal_mode=WAL");
            }
            analyzeMillis = (System.nanoTime() - t0) / 1_000_000;
        }
        long insertMillis = (System.nanoTime() - started) / 1_000_000 - analyzeMillis;
        return counts.timed(insertMillis, analyzeMillis, dbFile.toFile().length());
    }

    /**
     * Generates {@code n} sessions by the distribution above, in creation order, into the sink; returns the counts
     * (no times, no size: the caller adds them).
     */
    static Stats generate(int n, long now, long randomSeed, Sink sink) throws Exception {
        Random rnd = new Random(randomSeed);
        UlidFactory sessionIds = UlidFactory.newMonotonicInstance(new Random(randomSeed + 1));
        UlidFactory tagIds = UlidFactory.newInstance(new Random(randomSeed + 2));
        TreeMap<String, Integer> byStatus = new TreeMap<>();
        int live = 0;
        int deleted = 0;
        int tagged = 0;
        int tagRows = 0;
        int nameRows = 0;
        double step = SPAN / (double) n;
        long start = now - SPAN;
        for (int i = 0; i < n; i++) {
            long createdAt = start + (long) (i * step) + (long) (rnd.nextDouble() * step);
            createdAt = Math.min(createdAt, now - 60_000 - (n - i));
            String id = "ses_" + sessionIds.create(createdAt);
            String workflow = WORKFLOWS.get(rnd.nextInt(WORKFLOWS.size()));
            String actorId = null;
            String actorKind = null;
            double a = rnd.nextDouble();
            if (a >= 0.05) {
                double k = rnd.nextDouble();
                if (k < 0.5) {
                    actorKind = "human";
                    actorId = "user_" + rnd.nextInt(200);
                } else if (k < 0.8) {
                    actorKind = "model";
                    actorId = "agent_" + rnd.nextInt(10);
                } else {
                    actorKind = "script";
                    actorId = "script_" + rnd.nextInt(30);
                }
            }
            boolean isDeleted = rnd.nextDouble() < 0.01;
            String status;
            double s = rnd.nextDouble();
            if (isDeleted) {
                status = s < 0.15 ? SessionRecord.CREATED : SessionRecord.SEALED;
            } else if (s < 0.03) {
                status = SessionRecord.CREATED;
            } else if (s < 0.06) {
                status = SessionRecord.RECORDING;
            } else if (s < 0.061) {
                status = SessionRecord.STOPPED;
            } else {
                status = SessionRecord.SEALED;
            }
            boolean ended = status.equals(SessionRecord.STOPPED) || status.equals(SessionRecord.SEALED);
            Long startedAt = null;
            Long stoppedAt = null;
            String stopReason = null;
            if (status.equals(SessionRecord.RECORDING) || (ended && rnd.nextDouble() >= 0.04)) {
                startedAt = createdAt + rnd.nextInt(5_000);
            }
            if (ended) {
                long from = startedAt != null ? startedAt : createdAt;
                long duration =
                        (long) Math.exp(Math.log(10_000) + rnd.nextDouble() * (Math.log(3_600_000) - Math.log(10_000)));
                stoppedAt = Math.max(from, Math.min(from + duration, now - 1_000));
                double r = rnd.nextDouble();
                if (isDeleted && startedAt != null && r < 0.3) {
                    stopReason = "delete";
                } else {
                    stopReason = r < 0.94 ? "stop" : "batch_stop";
                }
            }
            String metadata = rnd.nextDouble() < 0.6
                    ? "{}"
                    : "{\"customer\":\"c_" + rnd.nextInt(5_000) + "\",\"env\":\""
                            + (rnd.nextDouble() < 0.8 ? "prod" : "test") + "\"}";

            List<TagRecord> tags = new ArrayList<>();
            if (rnd.nextDouble() < 0.10) {
                Set<String> names = new LinkedHashSet<>();
                for (int t = 0; t < TAG_NAMES.length; t++) {
                    if (rnd.nextDouble() < TAG_CHANCE[t]) {
                        names.add(TAG_NAMES[t]);
                    }
                }
                if (names.isEmpty()) {
                    names.add(TAG_NAMES[0]);
                }
                long base = startedAt != null ? startedAt : createdAt;
                long end = stoppedAt != null ? stoppedAt : Math.min(now - 1_000, base + 3_600_000);
                for (String name : names) {
                    int copies = name.equals("retried") && rnd.nextDouble() < 0.3 ? 2 : 1;
                    for (int copy = 0; copy < copies; copy++) {
                        long at = base + (long) (rnd.nextDouble() * Math.max(1, end - base));
                        tags.add(new TagRecord(
                                "tag_" + tagIds.create(at),
                                id,
                                name,
                                tagData(name, rnd),
                                at,
                                startedAt == null ? null : Math.max(0, at - startedAt)));
                    }
                }
                tags.sort(Comparator.comparingLong(TagRecord::createdAt).thenComparing(TagRecord::id));
            }

            Long deletedAt = null;
            Long purgeAt = null;
            if (isDeleted) {
                long last = Math.max(createdAt, stoppedAt != null ? stoppedAt : createdAt);
                for (TagRecord t : tags) {
                    last = Math.max(last, t.createdAt());
                }
                deletedAt = Math.min(now - 1, Math.max(last + 500, now - (long) (rnd.nextDouble() * 29 * DAY)));
                purgeAt = deletedAt + 30 * DAY;
            }
            SessionRecord rec = new SessionRecord(
                    id,
                    workflow,
                    status,
                    null,
                    stopReason,
                    metadata,
                    actorId,
                    actorKind,
                    createdAt,
                    startedAt,
                    stoppedAt,
                    deletedAt,
                    purgeAt,
                    0,
                    0,
                    tags.size(),
                    0);
            rec = rec.withOutcome(Outcomes.derive(rec, tags));

            Set<String> distinct = new LinkedHashSet<>();
            for (TagRecord t : tags) {
                distinct.add(t.name());
            }
            sink.session(rec, tags, distinct);
            if (!tags.isEmpty()) {
                tagged++;
            }
            tagRows += tags.size();
            nameRows += distinct.size();
            if (isDeleted) {
                deleted++;
            } else {
                live++;
                byStatus.merge(status, 1, Integer::sum);
            }
        }
        return new Stats(n, live, deleted, byStatus, tagged, tagRows, nameRows, 0, 0, 0);
    }

    private static String tagData(String name, Random rnd) {
        return switch (name) {
            case "outcome" -> {
                double r = rnd.nextDouble();
                yield "{\"value\":\"" + (r < 0.5 ? "error" : r < 0.8 ? "success" : "abandoned") + "\"}";
            }
            case "invoice_error" -> "{\"code\":\"E" + (100 + rnd.nextInt(50)) + "\"}";
            case "reviewed" -> "{\"by\":\"user_" + rnd.nextInt(200) + "\"}";
            default -> "{}";
        };
    }

    /**
     * A session's values in the order of the store's column list ({@link BenchAccess#sessionColumns()}): strings,
     * longs, nulls. Seeded sessions are not imported (the last two columns are null).
     */
    static Object[] sessionRow(SessionRecord s) {
        return new Object[] {
            s.id(),
            s.workflow(),
            s.status(),
            s.outcome(),
            s.stopReason(),
            s.metadata(),
            s.actorId(),
            s.actorKind(),
            s.createdAt(),
            s.startedAt(),
            s.stoppedAt(),
            s.deletedAt(),
            s.purgeAt(),
            s.frameCount(),
            s.eventCount(),
            s.tagCount(),
            s.errorEvents(),
            s.pausedMs(),
            s.pausedSince(),
            null,
            null
        };
    }

    private static void bindSession(PreparedStatement ps, SessionRecord s) throws SQLException {
        Object[] row = sessionRow(s);
        for (int i = 0; i < row.length; i++) {
            if (row[i] == null) {
                ps.setNull(i + 1, i >= 8 && i <= 18 ? Types.BIGINT : Types.VARCHAR);
            } else {
                ps.setObject(i + 1, row[i]);
            }
        }
    }

    private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }
}
