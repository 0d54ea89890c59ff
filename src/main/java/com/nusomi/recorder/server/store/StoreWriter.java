package com.nusomi.recorder.server.store;

import java.util.List;

/** Changes, available inside a write transaction (which also reads its own writes). */
public interface StoreWriter extends StoreReader {

    void insertSession(SessionRecord session);

    /** Writes every mutable field of the session. */
    void updateSession(SessionRecord session);

    /** Keeps the tag filter's copy of a session's deletion in step: call it when a session is deleted or restored. */
    void setTagNamesDeleted(String sessionId, boolean deleted);

    /** Adds the tag and bumps the session's tag count. */
    void insertTag(TagRecord tag, long sessionCreatedAt);

    /**
     * Removes the session and everything of it but its audit history; returns the hashes of the frame images that
     * no frame refers to any more, for the caller to delete.
     */
    List<String> deleteSessionData(String sessionId);

    void insertFrame(FrameRecord frame);

    /**
     * Points a frame at its redacted image ({@code frame}'s hash, bytes, width and height) and keeps the redaction's
     * record; its original hash is the one of the first record kept for the frame.
     */
    void replaceFrameImage(FrameRecord frame, RedactionRecord redaction);

    /** Adds the event unless the session already has one with its id; true when added. */
    boolean insertEvent(EventRecord event);

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
