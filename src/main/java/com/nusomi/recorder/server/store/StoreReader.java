package com.nusomi.recorder.server.store;

import java.util.List;
import java.util.Optional;

/** Queries available inside any transaction. */
public interface StoreReader {

    Optional<SessionRecord> findSession(String id);

    /** The session an import of the bundle with this SHA-256 made, live or in the trash. */
    Optional<SessionRecord> findImportedSession(String bundleSha256);

    /** Up to {@code query.limit() + 1} sessions, newest first, so the caller can tell whether more follow. */
    List<SessionRecord> listSessions(SessionQuery query);

    List<TagRecord> tagsOf(String sessionId);

    /** The session's first {@code limit} tags, oldest first. */
    List<TagRecord> tagsOf(String sessionId, int limit);

    /** Up to {@code limit} events by time, then id. */
    List<EventRecord> eventsOf(String sessionId, int limit);

    FramesSummary framesSummary(String sessionId);

    Optional<FrameRecord> findFrame(String sessionId, long seq);

    /** Up to {@code limit + 1} frames in seq order, after {@code afterSeq} (exclusive) when given. */
    List<FrameRecord> listFrames(String sessionId, Long afterSeq, int limit);

    /** The frames from {@code fromSeq} to {@code toSeq}, both included, in seq order. */
    List<FrameRecord> framesBetween(String sessionId, long fromSeq, long toSeq);

    /** What redactions changed in the frame, if any did. */
    Optional<RedactionRecord> findRedaction(String sessionId, long seq);

    /** Whether any frame still refers to the image with this hash. */
    boolean isImageReferenced(String sha256);

    boolean hasEvent(String sessionId, String eventId);

    /** Up to {@code limit + 1} events by time then id, after the given position (exclusive) when given. */
    List<EventRecord> listEvents(String sessionId, List<String> types, Long afterAt, String afterId, int limit);

    Optional<ApiKeyRecord> findKeyByHash(String keyHash);

    List<ApiKeyRecord> listKeys();

    /** Up to {@code query.limit() + 1} entries, newest first. */
    List<AuditRecord> listAudit(AuditQuery query);

    Optional<IdempotencyRecord> findIdempotency(String apiKeyId, String key);

    List<String> sessionsToSeal(int limit);

    List<String> sessionsDueForPurge(long now, int limit);

    /** Up to {@code limit} live sealed sessions created before {@code createdBefore}, oldest first (retention). */
    List<String> sealedCreatedBefore(long createdBefore, int limit);

    /** Up to {@code limit} live sessions recording since before {@code startedBefore}, oldest first (auto-stop). */
    List<String> recordingStartedBefore(long startedBefore, int limit);
}
