package com.nusomi.recorder.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A recorded run of a workflow. {@code outcome}, {@code stopReason}, {@code deletedAt} and {@code purgeAt}
 * are null when absent. {@code tags} and {@code events} are empty unless asked for with an include;
 * {@code framesSummary} is null unless included. {@code durationMs} is wall time (stop minus start);
 * {@code pausedMs} [ext] the part of it the recording was paused (0 from a server that does not send it), so
 * {@link #recordedMs()} is the time actually recorded. {@code importedFrom} [ext] names the run a session made
 * by an import came from (null on every other session).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Session(
        String id,
        String workflow,
        SessionStatus status,
        Outcome outcome,
        StopReason stopReason,
        Map<String, Object> metadata,
        Actor actor,
        Instant startedAt,
        Instant stoppedAt,
        long durationMs,
        long pausedMs,
        long frameCount,
        long eventCount,
        Instant createdAt,
        Instant deletedAt,
        Instant purgeAt,
        List<Tag> tags,
        List<Event> events,
        boolean eventsTruncated,
        FramesSummary framesSummary,
        ImportedFrom importedFrom) {

    public Session {
        metadata = Copies.map(metadata);
        tags = Copies.list(tags);
        events = Copies.list(events);
    }

    /** A session that was not imported ({@link #importedFrom()} null). */
    public Session(
            String id,
            String workflow,
            SessionStatus status,
            Outcome outcome,
            StopReason stopReason,
            Map<String, Object> metadata,
            Actor actor,
            Instant startedAt,
            Instant stoppedAt,
            long durationMs,
            long pausedMs,
            long frameCount,
            long eventCount,
            Instant createdAt,
            Instant deletedAt,
            Instant purgeAt,
            List<Tag> tags,
            List<Event> events,
            boolean eventsTruncated,
            FramesSummary framesSummary) {
        this(
                id,
                workflow,
                status,
                outcome,
                stopReason,
                metadata,
                actor,
                startedAt,
                stoppedAt,
                durationMs,
                pausedMs,
                frameCount,
                eventCount,
                createdAt,
                deletedAt,
                purgeAt,
                tags,
                events,
                eventsTruncated,
                framesSummary,
                null);
    }

    /** The time recorded: the duration less the pauses (never below 0). */
    public long recordedMs() {
        return Math.max(0, durationMs - Math.max(0, pausedMs));
    }

    /** True when this session is soft-deleted (seen through the trash view or a delete response). */
    public boolean isDeleted() {
        return deletedAt != null;
    }
}
