package com.nusomi.recorder.server.store;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's work inside one transaction on one connection, for either {@link Dialect}: each call goes to the statements of its table
 * ({@link SessionStatements}, {@link TagStatements}, {@link FrameStatements}, {@link EventStatements},
 * {@link KeyStatements}, {@link AuditStatements}, {@link IdempotencyStatements}); what spans tables (deleting a
 * session's data, savepoints) is done here.
 */
final class StoreTx implements StoreWriter {
    private static final Logger LOG = LoggerFactory.getLogger(StoreTx.class);

    private final SqlRunner sql;
    private final SessionStatements sessions;
    private final TagStatements tags;
    private final FrameStatements frames;
    private final EventStatements events;
    private final KeyStatements keys;
    private final AuditStatements audit;
    private final IdempotencyStatements idempotency;
    private final boolean writing;
    private final List<Runnable> afterCommit = new ArrayList<>();
    /** How many after-commit actions there were at the savepoint (-1: none set). */
    private int actionsAtSavepoint = -1;

    /** {@code writing}: a write transaction, which locks a session it reads ({@link Dialect#lockRow}). */
    StoreTx(Connection c, Dialect dialect, boolean writing) {
        this(new SqlRunner(c, dialect), writing);
    }

    /** A read of one statement at most ({@link Store#readOne}): a second one is refused. */
    static StoreTx oneStatement(Connection c, Dialect dialect) {
        return new StoreTx(new SqlRunner(c, dialect, 1), false);
    }

    private StoreTx(SqlRunner sql, boolean writing) {
        this.sql = sql;
        this.writing = writing;
        this.sessions = new SessionStatements(sql);
        this.tags = new TagStatements(sql);
        this.frames = new FrameStatements(sql);
        this.events = new EventStatements(sql);
        this.keys = new KeyStatements(sql);
        this.audit = new AuditStatements(sql);
        this.idempotency = new IdempotencyStatements(sql);
    }

    /** The transaction's statement runner, for SQL of its own (a PRAGMA, EXPLAIN). */
    SqlRunner sql() {
        return sql;
    }

    // ---- sessions ---------------------------------------------------------------------------------------------

    @Override
    public Optional<SessionRecord> findSession(String id) {
        return sessions.find(id, writing);
    }

    @Override
    public Optional<SessionRecord> findImportedSession(String bundleSha256) {
        return sessions.findImported(bundleSha256);
    }

    @Override
    public List<SessionRecord> listSessions(SessionQuery q) {
        return sessions.list(q);
    }

    @Override
    public void insertSession(SessionRecord s) {
        sessions.insert(s);
    }

    @Override
    public void updateSession(SessionRecord s) {
        sessions.update(s);
    }

    @Override
    public void setTagNamesDeleted(String sessionId, boolean deleted) {
        tags.setNamesDeleted(sessionId, deleted);
    }

    @Override
    public List<String> deleteSessionData(String sessionId) {
        List<String> hashes = frames.hashesOf(sessionId);
        tags.deleteOf(sessionId);
        events.deleteOf(sessionId);
        frames.deleteOf(sessionId);
        sessions.delete(sessionId);
        return hashes.stream().filter(h -> !frames.isImageReferenced(h)).toList();
    }

    @Override
    public List<String> sessionsToSeal(int limit) {
        return sessions.toSeal(limit);
    }

    @Override
    public List<String> sessionsDueForPurge(long now, int limit) {
        return sessions.dueForPurge(now, limit);
    }

    @Override
    public List<String> sealedCreatedBefore(long createdBefore, int limit) {
        return sessions.sealedCreatedBefore(createdBefore, limit);
    }

    @Override
    public List<String> recordingStartedBefore(long startedBefore, int limit) {
        return sessions.recordingStartedBefore(startedBefore, limit);
    }

    // ---- tags, events, frames ---------------------------------------------------------------------------------

    @Override
    public List<TagRecord> tagsOf(String sessionId) {
        return tags.of(sessionId);
    }

    @Override
    public List<TagRecord> tagsOf(String sessionId, int limit) {
        return tags.of(sessionId, limit);
    }

    @Override
    public void insertTag(TagRecord t, long sessionCreatedAt) {
        tags.insert(t, sessionCreatedAt, false);
    }

    @Override
    public void insertImportedTag(TagRecord t, long sessionCreatedAt) {
        tags.insert(t, sessionCreatedAt, true);
    }

    @Override
    public List<EventRecord> eventsOf(String sessionId, int limit) {
        return events.of(sessionId, limit);
    }

    @Override
    public FramesSummary framesSummary(String sessionId) {
        return frames.summary(sessionId);
    }

    @Override
    public Optional<FrameRecord> findFrame(String sessionId, long seq) {
        return frames.find(sessionId, seq);
    }

    @Override
    public List<FrameRecord> listFrames(String sessionId, Long afterSeq, int limit) {
        return frames.list(sessionId, afterSeq, limit);
    }

    @Override
    public List<FrameRecord> framesBetween(String sessionId, long fromSeq, long toSeq) {
        return frames.between(sessionId, fromSeq, toSeq);
    }

    @Override
    public Optional<RedactionRecord> findRedaction(String sessionId, long seq) {
        return frames.findRedaction(sessionId, seq);
    }

    @Override
    public void replaceFrameImage(FrameRecord frame, RedactionRecord redaction) {
        frames.replaceImage(frame, redaction);
    }

    @Override
    public boolean isImageReferenced(String sha256) {
        return frames.isImageReferenced(sha256);
    }

    @Override
    public void insertFrame(FrameRecord f) {
        frames.insert(f);
    }

    @Override
    public List<EventRecord> listEvents(String sessionId, List<String> types, Long afterAt, String afterId, int limit) {
        return events.list(sessionId, types, afterAt, afterId, limit);
    }

    @Override
    public boolean hasEvent(String sessionId, String eventId) {
        return events.has(sessionId, eventId);
    }

    @Override
    public boolean insertEvent(EventRecord e) {
        return events.insert(e);
    }

    // ---- keys, audit, idempotency -----------------------------------------------------------------------------

    @Override
    public Optional<ApiKeyRecord> findKeyByHash(String keyHash) {
        return keys.findByHash(keyHash);
    }

    @Override
    public List<ApiKeyRecord> listKeys() {
        return keys.list();
    }

    @Override
    public void insertKey(ApiKeyRecord k) {
        keys.insert(k);
    }

    @Override
    public boolean revokeKey(String id, long at) {
        return keys.revoke(id, at);
    }

    @Override
    public List<AuditRecord> listAudit(AuditQuery q) {
        return audit.list(q);
    }

    @Override
    public void insertAudit(AuditRecord a) {
        audit.insert(a);
    }

    @Override
    public Optional<IdempotencyRecord> findIdempotency(String apiKeyId, String key) {
        return idempotency.find(apiKeyId, key);
    }

    @Override
    public void saveIdempotency(IdempotencyRecord r) {
        idempotency.save(r);
    }

    @Override
    public int deleteIdempotencyBefore(long createdBefore) {
        return idempotency.deleteBefore(createdBefore);
    }

    // ---- frame image locks, after commit ---------------------------------------------------------------------

    @Override
    public void lockImages(Collection<String> sha256s) {
        String lock = sql.dialect().lockImage();
        if (lock == null) {
            return;
        }
        for (String sha : new TreeSet<>(sha256s)) {
            sql.queryOne(lock, rs -> Boolean.TRUE, Dialect.IMAGE_LOCK_CLASS, sha);
        }
    }

    @Override
    public void afterCommit(Runnable action) {
        afterCommit.add(action);
    }

    /** Runs the after-commit actions: the store calls it once the transaction committed and its writer is free. */
    void runAfterCommit() {
        for (Runnable action : afterCommit) {
            try {
                action.run();
            } catch (RuntimeException e) {
                LOG.warn("an action after a commit failed (the commit stands): {}", e.toString());
            }
        }
        afterCommit.clear();
    }

    // ---- savepoints -------------------------------------------------------------------------------------------

    @Override
    public void savepoint() {
        sql.exec("SAVEPOINT work");
        actionsAtSavepoint = afterCommit.size();
    }

    @Override
    public void rollbackToSavepoint() {
        sql.exec("ROLLBACK TO SAVEPOINT work");
        sql.exec("RELEASE SAVEPOINT work");
        if (actionsAtSavepoint >= 0) {
            afterCommit.subList(actionsAtSavepoint, afterCommit.size()).clear();
            actionsAtSavepoint = -1;
        }
    }

    @Override
    public void releaseSavepoint() {
        sql.exec("RELEASE SAVEPOINT work");
        actionsAtSavepoint = -1;
    }
}
