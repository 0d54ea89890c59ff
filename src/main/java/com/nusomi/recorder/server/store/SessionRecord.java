package com.nusomi.recorder.server.store;

/**
 * One session row as the store keeps it. Times are epoch milliseconds; nullable ones are {@code Long}.
 * {@code metadata} is the compact JSON text of the metadata object. {@code pausedMs} is the time of the pauses that
 * ended (pause to resume marker events), {@code pausedSince} the start of a pause not resumed yet (or null); see
 * {@code server.Pauses}. {@code importedFrom} is null but on a session made by an import.
 */
public record SessionRecord(
        String id,
        String workflow,
        String status,
        String outcome,
        String stopReason,
        String metadata,
        String actorId,
        String actorKind,
        long createdAt,
        Long startedAt,
        Long stoppedAt,
        Long deletedAt,
        Long purgeAt,
        long frameCount,
        long eventCount,
        long tagCount,
        long errorEvents,
        long pausedMs,
        Long pausedSince,
        ImportedFrom importedFrom) {

    public static final String CREATED = "created";
    public static final String RECORDING = "recording";
    public static final String STOPPED = "stopped";
    public static final String SEALED = "sealed";

    /** A session that has never been paused. */
    public SessionRecord(
            String id,
            String workflow,
            String status,
            String outcome,
            String stopReason,
            String metadata,
            String actorId,
            String actorKind,
            long createdAt,
            Long startedAt,
            Long stoppedAt,
            Long deletedAt,
            Long purgeAt,
            long frameCount,
            long eventCount,
            long tagCount,
            long errorEvents) {
        this(
                id,
                workflow,
                status,
                outcome,
                stopReason,
                metadata,
                actorId,
                actorKind,
                createdAt,
                startedAt,
                stoppedAt,
                deletedAt,
                purgeAt,
                frameCount,
                eventCount,
                tagCount,
                errorEvents,
                0,
                null,
                null);
    }

    /** A session that was not imported. */
    public SessionRecord(
            String id,
            String workflow,
            String status,
            String outcome,
            String stopReason,
            String metadata,
            String actorId,
            String actorKind,
            long createdAt,
            Long startedAt,
            Long stoppedAt,
            Long deletedAt,
            Long purgeAt,
            long frameCount,
            long eventCount,
            long tagCount,
            long errorEvents,
            long pausedMs,
            Long pausedSince) {
        this(
                id,
                workflow,
                status,
                outcome,
                stopReason,
                metadata,
                actorId,
                actorKind,
                createdAt,
                startedAt,
                stoppedAt,
                deletedAt,
                purgeAt,
                frameCount,
                eventCount,
                tagCount,
                errorEvents,
                pausedMs,
                pausedSince,
                null);
    }

    /** Where an imported session came from: its id on the exporting server and the SHA-256 of the bundle. */
    public record ImportedFrom(String sessionId, String bundleSha256) {}

    public boolean isDeleted() {
        return deletedAt != null;
    }

    public boolean isStoppedOrSealed() {
        return STOPPED.equals(status) || SEALED.equals(status);
    }

    public SessionRecord withStart(long at) {
        return new SessionRecord(
                id,
                workflow,
                RECORDING,
                outcome,
                stopReason,
                metadata,
                actorId,
                actorKind,
                createdAt,
                at,
                stoppedAt,
                deletedAt,
                purgeAt,
                frameCount,
                eventCount,
                tagCount,
                errorEvents,
                pausedMs,
                pausedSince,
                importedFrom);
    }

    public SessionRecord withStop(long at, String reason, String derivedOutcome) {
        return new SessionRecord(
                id,
                workflow,
                STOPPED,
                derivedOutcome,
                reason,
                metadata,
                actorId,
                actorKind,
                createdAt,
                startedAt,
                at,
                deletedAt,
                purgeAt,
                frameCount,
                eventCount,
                tagCount,
                errorEvents,
                pausedMs,
                pausedSince,
                importedFrom);
    }

    public SessionRecord withStatus(String newStatus) {
        return new SessionRecord(
                id,
                workflow,
                newStatus,
                outcome,
                stopReason,
                metadata,
                actorId,
                actorKind,
                createdAt,
                startedAt,
                stoppedAt,
                deletedAt,
                purgeAt,
                frameCount,
                eventCount,
                tagCount,
                errorEvents,
                pausedMs,
                pausedSince,
                importedFrom);
    }

    public SessionRecord withOutcome(String newOutcome) {
        return new SessionRecord(
                id,
                workflow,
                status,
                newOutcome,
                stopReason,
                metadata,
                actorId,
                actorKind,
                createdAt,
                startedAt,
                stoppedAt,
                deletedAt,
                purgeAt,
                frameCount,
                eventCount,
                tagCount,
                errorEvents,
                pausedMs,
                pausedSince,
                importedFrom);
    }

    public SessionRecord withDeletion(Long newDeletedAt, Long newPurgeAt) {
        return new SessionRecord(
                id,
                workflow,
                status,
                outcome,
                stopReason,
                metadata,
                actorId,
                actorKind,
                createdAt,
                startedAt,
                stoppedAt,
                newDeletedAt,
                newPurgeAt,
                frameCount,
                eventCount,
                tagCount,
                errorEvents,
                pausedMs,
                pausedSince,
                importedFrom);
    }

    public SessionRecord withTagCount(long newTagCount) {
        return new SessionRecord(
                id,
                workflow,
                status,
                outcome,
                stopReason,
                metadata,
                actorId,
                actorKind,
                createdAt,
                startedAt,
                stoppedAt,
                deletedAt,
                purgeAt,
                frameCount,
                eventCount,
                newTagCount,
                errorEvents,
                pausedMs,
                pausedSince,
                importedFrom);
    }

    public SessionRecord withCounts(long newFrameCount, long newEventCount, long newErrorEvents) {
        return new SessionRecord(
                id,
                workflow,
                status,
                outcome,
                stopReason,
                metadata,
                actorId,
                actorKind,
                createdAt,
                startedAt,
                stoppedAt,
                deletedAt,
                purgeAt,
                newFrameCount,
                newEventCount,
                tagCount,
                newErrorEvents,
                pausedMs,
                pausedSince,
                importedFrom);
    }

    public SessionRecord withPauses(long newPausedMs, Long newPausedSince) {
        return new SessionRecord(
                id,
                workflow,
                status,
                outcome,
                stopReason,
                metadata,
                actorId,
                actorKind,
                createdAt,
                startedAt,
                stoppedAt,
                deletedAt,
                purgeAt,
                frameCount,
                eventCount,
                tagCount,
                errorEvents,
                newPausedMs,
                newPausedSince,
                importedFrom);
    }
}
