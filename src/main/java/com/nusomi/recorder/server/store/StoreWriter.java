package com.nusomi.recorder.server.store;

import java.util.Collection;
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
     * Adds a tag of an imported run and bumps the session's tag count: its author is a key of the exporting server,
     * so the author's label is stored with it.
     */
    void insertImportedTag(TagRecord tag, long sessionCreatedAt);

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

    /**
     * Holds the locks of the frame images with these hashes until this transaction ends (taken in the order of the
     * hashes, so that two transactions locking several never wait for each other in a circle). Whoever decides
     * about an image's file takes its lock first: a write that finds the file there (and so does not write it)
     * before it commits a frame naming it, and an erase before it checks that no frame names it. On a store that
     * one server uses alone (SQLite) the single writer already keeps them apart and this does nothing.
     */
    void lockImages(Collection<String> sha256s);

    /**
     * Runs the action once this transaction has committed, after the store has let go of its connection and its
     * writer: never when the transaction rolls back, nor when the work rolls back to a savepoint set before the
     * action was added. An action that throws is logged, and the commit stands.
     */
    void afterCommit(Runnable action);

    /** Marks a point the work can return to with {@link #rollbackToSavepoint()}. */
    void savepoint();

    void rollbackToSavepoint();

    void releaseSavepoint();
}
