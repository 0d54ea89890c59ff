package com.nusomi.recorder.server;

import com.nusomi.recorder.server.http.ApiException;
import com.nusomi.recorder.server.http.Json;
import com.nusomi.recorder.server.store.AuditRecord;
import com.nusomi.recorder.server.store.Ids;
import com.nusomi.recorder.server.store.SessionRecord;
import com.nusomi.recorder.server.store.StoreReader;
import com.nusomi.recorder.server.store.StoreWriter;
import com.nusomi.recorder.server.store.TagRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The session state machine: every change of a session's status, tags or deletion goes through here, inside the
 * caller's write transaction, together with its audit entry.
 */
final class SessionLifecycle {
    static final long PURGE_AFTER_MILLIS = 30L * 24 * 60 * 60 * 1000;
    static final int MAX_TAGS = 1000;

    private SessionLifecycle() {}

    /** The session, if it exists and is not soft-deleted: else 404 or 410 (with deleted_at and purge_at). */
    static SessionRecord requireLive(StoreReader tx, String id) {
        SessionRecord s = requireExisting(tx, id);
        if (s.isDeleted()) {
            throw new ApiException(
                            410,
                            "gone_error",
                            "session_deleted",
                            "session '" + id + "' was deleted; an admin can restore it until it is purged",
                            null)
                    .withExtra("deleted_at", Times.format(s.deletedAt()))
                    .withExtra("purge_at", Times.format(s.purgeAt()));
        }
        return s;
    }

    /** The session, deleted or not: else 404. */
    static SessionRecord requireExisting(StoreReader tx, String id) {
        if (!Ids.isSessionId(id)) {
            throw ApiException.sessionNotFound(id.length() > 64 ? id.substring(0, 64) + "…" : id);
        }
        return tx.findSession(id).orElseThrow(() -> ApiException.sessionNotFound(id));
    }

    static SessionRecord create(StoreWriter tx, SessionRecord s, String keyId) {
        tx.insertSession(s);
        audit(tx, s.createdAt(), "session.created", s.id(), keyId, Map.of("workflow", s.workflow()));
        if (s.startedAt() != null) {
            audit(tx, s.createdAt(), "session.started", s.id(), keyId, Map.of());
        }
        return s;
    }

    static SessionRecord start(StoreWriter tx, String id, long now, String keyId) {
        SessionRecord s = requireLive(tx, id);
        switch (s.status()) {
            case SessionRecord.CREATED -> {
                SessionRecord started = s.withStart(now);
                tx.updateSession(started);
                audit(tx, now, "session.started", id, keyId, Map.of());
                return started;
            }
            case SessionRecord.RECORDING -> {
                return s;
            }
            default ->
                throw ApiException.conflict(
                        "session_not_startable",
                        "session '" + id + "' is " + s.status() + " and cannot be started again");
        }
    }

    /** Stops a live session (idempotent: a stopped or sealed one is returned unchanged). */
    static SessionRecord stop(StoreWriter tx, SessionRecord s, long now, String reason, String keyId) {
        return stop(tx, s, now, reason, keyId, null);
    }

    /** Stops a live session; {@code policy}: the server's policy that stops it (audited as such), or null. */
    static SessionRecord stop(StoreWriter tx, SessionRecord s, long now, String reason, String keyId, String policy) {
        if (s.isStoppedOrSealed()) {
            return s;
        }
        SessionRecord stopped = s.withStop(now, reason, null);
        stopped = stopped.withOutcome(Outcomes.derive(stopped, tx.tagsOf(s.id())));
        tx.updateSession(stopped);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("stop_reason", reason);
        details.put("outcome", stopped.outcome());
        if (policy != null) {
            details.put("policy", policy);
        }
        audit(tx, now, "session.stopped", s.id(), keyId, details);
        return stopped;
    }

    /** Adds a tag; {@code keyId} and {@code keyLabel} are the key adding it, which the tag names as its author. */
    static TagRecord tag(StoreWriter tx, String id, String name, String data, long now, String keyId, String keyLabel) {
        SessionRecord s = requireLive(tx, id);
        if (s.tagCount() >= MAX_TAGS) {
            throw ApiException.conflict("too_many_tags", "a session carries at most " + MAX_TAGS + " tags");
        }
        Long offset = s.startedAt() == null ? null : Math.max(0, now - s.startedAt());
        TagRecord tag = new TagRecord(Ids.tag(), id, name, data, now, offset, keyId, keyId == null ? null : keyLabel);
        tx.insertTag(tag, s.createdAt());
        if (s.isStoppedOrSealed()) {
            SessionRecord updated = s.withTagCount(s.tagCount() + 1);
            String outcome = Outcomes.derive(updated, tx.tagsOf(id));
            if (!outcome.equals(s.outcome())) {
                tx.updateSession(updated.withOutcome(outcome));
            }
        }
        audit(tx, now, "session.tagged", id, keyId, Map.of("tag_id", tag.id(), "name", name));
        return tag;
    }

    static SessionRecord softDelete(StoreWriter tx, String id, long now, String keyId) {
        return softDelete(tx, id, now, keyId, null);
    }

    /** Soft-deletes a session; {@code policy}: the server's policy that deletes it (audited as such), or null. */
    static SessionRecord softDelete(StoreWriter tx, String id, long now, String keyId, String policy) {
        SessionRecord s = requireExisting(tx, id);
        if (s.isDeleted()) {
            return s;
        }
        if (SessionRecord.RECORDING.equals(s.status())) {
            s = stop(tx, s, now, "delete", keyId);
        }
        SessionRecord deleted = s.withDeletion(now, now + PURGE_AFTER_MILLIS);
        tx.updateSession(deleted);
        tx.setTagNamesDeleted(id, true);
        audit(
                tx,
                now,
                "session.deleted",
                id,
                keyId,
                policy == null
                        ? Map.of("purge_at", Times.format(deleted.purgeAt()))
                        : Map.of("purge_at", Times.format(deleted.purgeAt()), "policy", policy));
        return deleted;
    }

    static SessionRecord restore(StoreWriter tx, String id, long now, String keyId) {
        SessionRecord s = requireExisting(tx, id);
        if (!s.isDeleted()) {
            return s;
        }
        SessionRecord restored = s.withDeletion(null, null);
        tx.updateSession(restored);
        tx.setTagNamesDeleted(id, false);
        audit(tx, now, "session.restored", id, keyId, Map.of());
        return restored;
    }

    /** Removes the session for good; returns the frame images nothing refers to any more. */
    static List<String> hardDelete(StoreWriter tx, String id, long now, String keyId) {
        requireExisting(tx, id);
        List<String> orphans = tx.deleteSessionData(id);
        audit(tx, now, "session.hard_deleted", id, keyId, Map.of());
        return orphans;
    }

    /** Removes a session whose 30 days in the trash are over; returns the frame images nothing refers to any more. */
    static List<String> purge(StoreWriter tx, String id, long now) {
        List<String> orphans = tx.deleteSessionData(id);
        audit(tx, now, "session.purged", id, null, Map.of());
        return orphans;
    }

    /** Indexing done: a stopped session becomes sealed, its outcome derived once more. */
    static void seal(StoreWriter tx, String id) {
        tx.findSession(id).filter(s -> SessionRecord.STOPPED.equals(s.status())).ifPresent(s -> {
            SessionRecord sealed = s.withStatus(SessionRecord.SEALED);
            tx.updateSession(sealed.withOutcome(Outcomes.derive(sealed, tx.tagsOf(id))));
        });
    }

    /** Adds an audit entry for the session, its details as a JSON object. */
    static void audit(StoreWriter tx, long now, String action, String sessionId, String keyId, Map<String, ?> details) {
        tx.insertAudit(new AuditRecord(
                Ids.audit(), now, action, sessionId, keyId, Json.compactText(Json.MAPPER.valueToTree(details))));
    }
}
