package com.nusomi.recorder.server.store;

import java.util.function.Consumer;

/**
 * One session row as the store keeps it. Times are epoch milliseconds; nullable ones are {@code Long}.
 * {@code metadata} is the compact JSON text of the metadata object. {@code pausedMs} is the time of the pauses that
 * ended (pause to resume marker events), {@code pausedSince} the start of a pause not resumed yet (or null); see
 * {@code server.Pauses}.
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
        Long pausedSince) {

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
                null);
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }

    public boolean isStoppedOrSealed() {
        return STOPPED.equals(status) || SEALED.equals(status);
    }

    public SessionRecord withStart(long at) {
        return with(c -> {
            c.status = RECORDING;
            c.startedAt = at;
        });
    }

    public SessionRecord withStop(long at, String reason, String derivedOutcome) {
        return with(c -> {
            c.status = STOPPED;
            c.outcome = derivedOutcome;
            c.stopReason = reason;
            c.stoppedAt = at;
        });
    }

    public SessionRecord withStatus(String newStatus) {
        return with(c -> c.status = newStatus);
    }

    public SessionRecord withOutcome(String newOutcome) {
        return with(c -> c.outcome = newOutcome);
    }

    public SessionRecord withDeletion(Long newDeletedAt, Long newPurgeAt) {
        return with(c -> {
            c.deletedAt = newDeletedAt;
            c.purgeAt = newPurgeAt;
        });
    }

    public SessionRecord withTagCount(long newTagCount) {
        return with(c -> c.tagCount = newTagCount);
    }

    public SessionRecord withCounts(long newFrameCount, long newEventCount, long newErrorEvents) {
        return with(c -> {
            c.frameCount = newFrameCount;
            c.eventCount = newEventCount;
            c.errorEvents = newErrorEvents;
        });
    }

    public SessionRecord withPauses(long newPausedMs, Long newPausedSince) {
        return with(c -> {
            c.pausedMs = newPausedMs;
            c.pausedSince = newPausedSince;
        });
    }

    /** This record with the fields {@code change} sets on a copy; the others as they are. */
    private SessionRecord with(Consumer<Copy> change) {
        Copy copy = new Copy(this);
        change.accept(copy);
        return copy.build();
    }

    /** The fields that change over a session's life, copied from a record and built back into one. */
    private static final class Copy {
        private final SessionRecord from;
        String status;
        String outcome;
        String stopReason;
        Long startedAt;
        Long stoppedAt;
        Long deletedAt;
        Long purgeAt;
        long frameCount;
        long eventCount;
        long tagCount;
        long errorEvents;
        long pausedMs;
        Long pausedSince;

        Copy(SessionRecord from) {
            this.from = from;
            status = from.status;
            outcome = from.outcome;
            stopReason = from.stopReason;
            startedAt = from.startedAt;
            stoppedAt = from.stoppedAt;
            deletedAt = from.deletedAt;
            purgeAt = from.purgeAt;
            frameCount = from.frameCount;
            eventCount = from.eventCount;
            tagCount = from.tagCount;
            errorEvents = from.errorEvents;
            pausedMs = from.pausedMs;
            pausedSince = from.pausedSince;
        }

        SessionRecord build() {
            return new SessionRecord(
                    from.id,
                    from.workflow,
                    status,
                    outcome,
                    stopReason,
                    from.metadata,
                    from.actorId,
                    from.actorKind,
                    from.createdAt,
                    startedAt,
                    stoppedAt,
                    deletedAt,
                    purgeAt,
                    frameCount,
                    eventCount,
                    tagCount,
                    errorEvents,
                    pausedMs,
                    pausedSince);
        }
    }
}
