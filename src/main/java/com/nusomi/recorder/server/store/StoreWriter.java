package com.nusomi.recorder.server.store;

/** Changes, available inside a write transaction (which also reads its own writes). */
public interface StoreWriter extends StoreReader {

    void insertSession(SessionRecord session);

    /** Writes every mutable field of the session; keeps the tag filter's view of deletion in step. */
    void updateSession(SessionRecord session);

    /** Adds the tag and bumps the session's tag count. */
    void insertTag(TagRecord tag, long sessionCreatedAt);

    /** Removes the session and everything of it but its audit history. */
    void deleteSessionData(String sessionId);

    void insertAudit(AuditRecord entry);

    void saveIdempotency(IdempotencyRecord record);

    int deleteIdempotencyBefore(long createdBefore);

    void insertKey(ApiKeyRecord key);

    boolean revokeKey(String id, long at);

    /** Marks a point the work can return to with {@link #rollbackToSavepoint()}. */
    void savepoint();

    void rollbackToSavepoint();

    void releaseSavepoint();
}
