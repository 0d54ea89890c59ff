package com.nusomi.recorder.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.nusomi.recorder.server.http.Json;
import com.nusomi.recorder.server.store.EventRecord;
import com.nusomi.recorder.server.store.SessionRecord;
import com.nusomi.recorder.server.store.StoreReader;
import java.util.List;

/**
 * A session's paused time [ext], from the {@code marker} events a recorder writes when it pauses
 * ({@code {"kind":"pause"}}) and resumes ({@code {"kind":"resume"}}). Markers count in order of {@code at} (then
 * id); a pause while paused and a resume while not paused change nothing; a pause starts at the earliest at
 * {@code started_at}. The session row keeps the total of the pauses that ended and the start of one not resumed
 * yet, recomputed from the session's markers whenever a pause or resume marker is stored (rare, and a handful of
 * rows by index), so that lists read no events. The migration {@code V3__session_pauses.sql} applies the same rule
 * to sessions recorded before. {@code duration_ms} is left as the contract defines it (wall time).
 */
final class Pauses {
    static final String PAUSE = "pause";
    static final String RESUME = "resume";
    private static final int PAGE = 500;

    private Pauses() {}

    /** {@code pause} or {@code resume} for such a marker event, else null. */
    static String kind(EventRecord e) {
        if (!"marker".equals(e.type()) || !e.data().contains("\"kind\"")) {
            return null;
        }
        JsonNode kind = Json.parseStored(e.data()).get("kind");
        String k = kind != null && kind.isTextual() ? kind.asText() : null;
        return PAUSE.equals(k) || RESUME.equals(k) ? k : null;
    }

    /** The session with its pauses recomputed from every marker event it has (inside the transaction). */
    static SessionRecord recompute(StoreReader tx, SessionRecord s) {
        long start = s.startedAt() == null ? Long.MIN_VALUE : s.startedAt();
        long ended = 0;
        Long since = null;
        Long afterAt = null;
        String afterId = null;
        while (true) {
            List<EventRecord> page = tx.listEvents(s.id(), List.of("marker"), afterAt, afterId, PAGE);
            int n = Math.min(page.size(), PAGE);
            for (int i = 0; i < n; i++) {
                EventRecord e = page.get(i);
                String kind = kind(e);
                if (PAUSE.equals(kind) && since == null) {
                    since = Math.max(e.at(), start);
                } else if (RESUME.equals(kind) && since != null) {
                    ended += Math.max(0, e.at() - since);
                    since = null;
                }
            }
            if (page.size() <= PAGE) {
                return s.withPauses(ended, since);
            }
            afterAt = page.get(n - 1).at();
            afterId = page.get(n - 1).id();
        }
    }

    /**
     * {@code paused_ms} as the API gives it: the pauses that ended, plus a pause not resumed up to the stop (or up
     * to {@code now} while recording), never more than {@code duration_ms}.
     */
    static long pausedMillis(SessionRecord s, long now) {
        if (s.startedAt() == null) {
            return 0;
        }
        long paused = s.pausedMs();
        if (s.pausedSince() != null) {
            long end = s.stoppedAt() != null ? s.stoppedAt() : now;
            paused += Math.max(0, end - s.pausedSince());
        }
        return Math.max(0, Math.min(paused, SessionJson.durationMillis(s, now)));
    }
}
